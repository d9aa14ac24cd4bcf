import type { ServerResponse } from 'node:http';
import { executeQueryPlan, type ApolloGateway, type Experimental_DidResolveQueryPlanCallback, type ServiceMap } from '@apollo/gateway';
import { OpenTelemetrySpanNames, operationContextSpanAttributes, recordExceptions, tracer } from '@apollo/gateway/dist/utilities/opentelemetry';
import { SpanStatusCode } from '@opentelemetry/api';
import { HeaderMap } from '@apollo/server';
import { getVariableValues, isObjectType, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { contentTypeFor, operationKey, writeApolloAnswer } from '@pass/runtime';
import { tracingActive } from '@pass/runtime';
import { asksForSchema } from '../introspection';
import { checkArguments } from './argument-checks';
import { compilePlan, entitiesAreObjects, runPlan, type CompiledPlan, type SubgraphRequest } from './plan-runner';

/*
 * Registered operations run from their query plan, outside Apollo Server's request pipeline.
 *
 * A partner sends the same few registered operations all day. Through Apollo Server, every one of
 * them goes through the whole pipeline again: the request context and its plugin hooks, the parsed
 * document looked up by a SHA-256 of its text, the gateway's plan looked up by another, then
 * content negotiation and a pretty-printer for the answer — about a tenth of the gateway's CPU per
 * request on the partner queries (issue 12). None of that changes between two requests of one text.
 *
 * So the first request of a registered text still runs through Apollo Server, which validates it
 * (graphql-js and graphql-armor's rules), resolves its operation, checks its arguments and the
 * caller's right to introspect, and has the gateway plan it; the gateway then hands this module
 * the plan it built (`experimental_didResolveQueryPlan`). Later requests of that text and operation
 * name run the same plan through the gateway's own `executeQueryPlan`, with the same data sources
 * (caller assertion, unavailable subgraphs reported, fetches timed). What depends on the request
 * is still checked each time, and anything unusual goes back to Apollo Server:
 * - the variables are coerced against the operation; any error → Apollo Server answers it;
 * - the argument checks (argument-checks.ts) run on the variables; any refusal → Apollo Server;
 * - a text that asks for the schema (`__schema`, `__type`) is never run here: the right to
 *   introspect is the caller's role, decided by introspectionByRole per request.
 * - a request with `extensions` left (the persisted check removes a registered hash), an empty
 *   `operationName`, or an `accept` that Apollo Server would refuse (406) goes to Apollo Server.
 * The answer is what Apollo Server 5 writes (requestPipeline.ts, errorNormalize.ts, runHttpQuery.ts):
 * errors masked by graphql-armor's suggestion plugin, given a code (INTERNAL_SERVER_ERROR by
 * default) and an `extensions.http` status, then the gateway's own formatter; 400 for errors without
 * data, 500 when execution throws; the content type negotiated as Apollo Server negotiates it
 * (`negotiator`, the same list); `cache-control: no-store`, as Apollo Server's cache-control plugin
 * sets for answers no subgraph marked cacheable (none is: they turn cache hints off).
 *
 * `supergraphSchema` and `apiSchema` are private fields of @apollo/gateway 2.14.4 (pinned exactly);
 * their absence stops the start rather than a request. The equivalence test
 * (registered-plans.e2e.ts) compares every registered partner operation's answer through this path
 * and through Apollo Server's, byte for byte.
 */

type PlanArguments = Parameters<Experimental_DidResolveQueryPlanCallback>[0];
/** What the gateway keeps of one registered text and operation name: its plan and its parsed operation. */
interface Plan {
  queryPlan: PlanArguments['queryPlan'];
  operationContext: PlanArguments['operationContext'];
  document: PlanArguments['requestContext']['document'];
  serviceMap: ServiceMap;
  /** The registered operation the text is a printing of (a cap on variants per operation). */
  hash: string;
  /** The plan as the plan runner runs it; null when it cannot (plan-runner.ts), undefined until first tried. */
  compiled?: CompiledPlan | null;
}

export interface PlanRunnerOptions {
  /** Its subgraph calls. */
  call: DirectCall<any>;
  /** It merges a `Parallel` node's entity fetches to one subgraph, as the data sources do (PASS_MERGE_ENTITY_FETCHES). */
  mergeEntityFetches: boolean;
  /** Told each request it answered, or handed back to executeQueryPlan (an error, a failure). */
  counted(outcome: 'answered' | 'handed_back'): void;
}

/** A subgraph call of the plan runner, made as the gateway's data sources make it (subgraph-data-source.ts). */
export type DirectCall<TContext> = (
  subgraph: string,
  request: SubgraphRequest,
  context: TContext,
  merged: number,
) => Promise<{ data?: unknown; errors?: unknown } | undefined>;

/** At most this many texts, least recently used first out. */
const MAX_PLANS = 500;
/**
 * At most this many printings of one registered operation: comments and spacing do not change
 * its hash, so a caller could otherwise fill the table with variants of one text.
 */
const MAX_VARIANTS = 8;

export interface RequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
  extensions?: unknown;
}

export interface AnswerOptions<TContext> {
  /** The request's `accept` header. */
  accept: string | undefined;
  /** Apollo Server's metrics plugin, as two calls: the request starts, then is answered. */
  observe(): (operationType: string, failed: boolean) => void;
  context(): Promise<TContext>;
}

export class RegisteredPlans {
  /** By text and operation name ('' for none), least recently used first. */
  private readonly plans = new Map<string, Plan>();
  /** Plans kept per registered operation. */
  private readonly variants = new Map<string, number>();
  private supergraphSchema: unknown;
  private apiSchema: unknown;
  /** Apollo Server's logger, as its request context carried it to the gateway. */
  private logger: unknown;

  constructor(
    /** The registered operation's hash when the text is a printing of one (persisted-operations.ts). */
    private readonly registeredHash: (text: string) => string | undefined,
    private readonly formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
    /** The gateway's own plan runner (plan-runner.ts); without it every plan runs through executeQueryPlan. */
    private readonly runner?: PlanRunnerOptions,
  ) {}

  /** The gateway's plan callback: keeps the plan of a registered text, the first time it runs. */
  readonly didResolveQueryPlan: Experimental_DidResolveQueryPlanCallback = ({ queryPlan, serviceMap, requestContext, operationContext }) => {
    const text = requestContext.source;
    // Only a request Apollo Server took from HTTP: reports and the live server's subscriptions have no `http`.
    if (!requestContext.request.http || typeof text !== 'string') return;
    const key = operationKey(text, requestContext.request.operationName ?? '');
    if (this.plans.has(key)) return;
    if (operationContext.operation.operation === 'subscription' || asksForSchema(requestContext.document)) return;
    const hash = this.registeredHash(text);
    if (hash === undefined || (this.variants.get(hash) ?? 0) >= MAX_VARIANTS) return;
    if (this.plans.size >= MAX_PLANS) {
      const [oldest, plan] = this.plans.entries().next().value as [string, Plan];
      this.plans.delete(oldest);
      this.variants.set(plan.hash, this.variants.get(plan.hash)! - 1);
    }
    this.logger ??= requestContext.logger;
    this.plans.set(key, { queryPlan, operationContext, document: requestContext.document, serviceMap, hash });
    this.variants.set(hash, (this.variants.get(hash) ?? 0) + 1);
  };

  /** Reads the gateway's schemas once it has loaded its supergraph (after Apollo Server's start), and again on any new one. */
  attach(gateway: ApolloGateway): void {
    const readSchemas = () => {
      const internals = gateway as unknown as { supergraphSchema?: unknown; apiSchema?: unknown };
      if (!internals.supergraphSchema || !internals.apiSchema) {
        throw new Error('@apollo/gateway has no supergraphSchema/apiSchema: registered-plans.ts is written for 2.14.4 (pinned); update it with the gateway');
      }
      this.supergraphSchema = internals.supergraphSchema;
      this.apiSchema = internals.apiSchema;
    };
    readSchemas();
    // A new supergraph (never at run time here: the SDL is the checked-in file) makes every plan stale.
    gateway.onSchemaLoadOrUpdate(() => {
      this.plans.clear();
      this.variants.clear();
      readSchemas();
    });
  }

  /** The plan compiled for the plan runner, once per plan; null for a plan it does not run. */
  private compiled(plan: Plan, runner: PlanRunnerOptions): CompiledPlan | null {
    if (plan.compiled !== undefined) return plan.compiled;
    const supergraph = this.supergraphSchema as GraphQLSchema;
    try {
      const compiled = compilePlan(plan.queryPlan, plan.operationContext, this.apiSchema as never, { mergeEntityFetches: runner.mergeEntityFetches }) ?? null;
      plan.compiled = compiled && entitiesAreObjects(compiled, (name) => isObjectType(supergraph.getType(name))) ? compiled : null;
    } catch (err) {
      // A plan the runner cannot read (an Apollo upgrade's new node, say): Apollo's executor runs
      // it, as any plan the runner does not compile; said once, not on every request.
      plan.compiled = null;
      const logger = this.logger as { warn?(message: string): void } | undefined;
      logger?.warn?.(`the plan runner could not compile the plan of ${plan.hash} (${err instanceof Error ? err.message : String(err)}); Apollo's executor runs it`);
    }
    return plan.compiled;
  }

  /**
   * Answers the request from its registered plan, or returns false (nothing written) when the
   * request must go through Apollo Server: no plan yet, or anything to refuse or negotiate.
   */
  async answer<TContext>(body: RequestBody, res: ServerResponse, options: AnswerOptions<TContext>): Promise<boolean> {
    if (typeof body.query !== 'string' || body.extensions !== undefined) return false;
    const { operationName } = body;
    if (operationName === '' || (operationName !== undefined && operationName !== null && typeof operationName !== 'string')) return false;
    const key = operationKey(body.query, operationName ?? '');
    const plan = this.plans.get(key);
    if (!plan) return false;
    const contentType = contentTypeFor(options.accept);
    if (contentType === null) return false;
    const variables = body.variables ?? {};
    if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) return false;
    const { operation, schema } = plan.operationContext;
    const { document } = plan;
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables as Record<string, unknown>);
    if (coerced.errors) return false;
    try {
      checkArguments(schema, document, operation, variables as Record<string, unknown>);
    } catch {
      return false;
    }
    // Most recently used last: the eviction takes the first.
    this.plans.delete(key);
    this.plans.set(key, plan);
    const answered = options.observe();
    const context = await options.context();
    // The plan runner, unless traces are on: Apollo's executor makes the spans a trace shows.
    const runner = this.runner;
    const compiled = runner && !tracingActive() ? this.compiled(plan, runner) : undefined;
    if (runner && compiled) {
      let result: Awaited<ReturnType<typeof runPlan>>;
      try {
        result = await runPlan(compiled, variables as Record<string, unknown>, (subgraph, request, merged) => runner.call(subgraph, request, context, merged));
      } catch {
        result = undefined; // executeQueryPlan says what went wrong, as Apollo says it
      }
      runner.counted(result ? 'answered' : 'handed_back');
      if (result) {
        const failed = writeApolloAnswer(res, { result }, contentType, { formatError: this.formatError, hideSuggestions: true, cacheControl: 'no-store' });
        answered(operation.operation, failed);
        return true;
      }
      // Something other than a whole answer: the same request through Apollo's executor, which reports it.
    }
    const requestContext = {
      request: { query: body.query, variables, operationName: operationName ?? undefined, http: { method: 'POST', headers: new HeaderMap(), search: '', body } },
      context,
      logger: this.logger,
      metrics: {},
      source: body.query,
      document,
      operation,
      operationName: operationName ?? operation.name?.value ?? null,
    };
    const attributes = operationContextSpanAttributes(plan.operationContext);
    const outcome = await tracer.startActiveSpan(OpenTelemetrySpanNames.REQUEST, { attributes }, async (span) => {
      try {
        const result = await executeQueryPlan(plan.queryPlan, plan.serviceMap, requestContext as never, plan.operationContext, this.supergraphSchema as never, this.apiSchema as never, undefined);
        if (result.errors?.length) {
          recordExceptions(span, result.errors, undefined);
          span.setStatus({ code: SpanStatusCode.ERROR });
        }
        return { result };
      } catch (err) {
        recordExceptions(span, [err as Error], undefined);
        span.setStatus({ code: SpanStatusCode.ERROR });
        return { thrown: err };
      } finally {
        span.end();
      }
    });
    const failed = writeApolloAnswer(res, outcome, contentType, { formatError: this.formatError, hideSuggestions: true, cacheControl: 'no-store' });
    answered(operation.operation, failed);
    return true;
  }
}

