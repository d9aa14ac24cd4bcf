import type { ServerResponse } from 'node:http';
import { executeQueryPlan, type ApolloGateway, type Experimental_DidResolveQueryPlanCallback, type ServiceMap } from '@apollo/gateway';
import { OpenTelemetrySpanNames, tracer } from '@apollo/gateway/dist/utilities/opentelemetry';
import { HeaderMap } from '@apollo/server';
import { getVariableValues, GraphQLError, type GraphQLFormattedError } from 'graphql';
import { asksForSchema } from '../introspection';
import { checkArguments } from './argument-checks';

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
 * Errors in the executed answer (a subgraph's, one unavailable) are formatted as Apollo Server
 * formats them (graphql-armor's suggestion mask, then errorNormalize.ts in @apollo/server 5: a code
 * defaults to INTERNAL_SERVER_ERROR, an `extensions.http` sets the status) and then by the
 * gateway's own formatter. Only an `accept` for which Apollo Server answers plain JSON is answered
 * here; any other goes to its content negotiation.
 *
 * `supergraphSchema` and `apiSchema` are private fields of @apollo/gateway 2.14.4 (pinned exactly);
 * their absence stops the start rather than a request. The equivalence test
 * (registered-plans.e2e.ts) compares every registered partner operation's answer through this path
 * and through Apollo Server's, byte for byte.
 */

/** What the gateway keeps of one registered text: its plan and its parsed operation. */
type PlanArguments = Parameters<Experimental_DidResolveQueryPlanCallback>[0];
interface Plan {
  queryPlan: PlanArguments['queryPlan'];
  operationContext: PlanArguments['operationContext'];
  document: PlanArguments['requestContext']['document'];
  serviceMap: ServiceMap;
}

/** At most this many texts: the registered operations, each as its few clients print it. */
const MAX_PLANS = 1000;

export interface RequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface AnswerOptions<TContext> {
  /** The `accept` header: only an answer Apollo Server would send as `application/json` is sent here. */
  accept: string | undefined;
  /** Apollo Server's metrics plugin, as two calls: the request starts, then is answered. */
  observe(): (operationType: string, failed: boolean) => void;
  context(): Promise<TContext>;
}

/** Accept headers for which Apollo Server answers `application/json; charset=utf-8` (chooseContentTypeForSingleResultResponse). */
const PLAIN_JSON = new Set(['*/*', 'application/json', 'application/*']);

export class RegisteredPlans {
  private readonly plans = new Map<string, Plan>();
  private supergraphSchema: unknown;
  /** Apollo Server's logger, as its request context carried it to the gateway. */
  private logger: unknown;
  private apiSchema: unknown;

  constructor(
    private readonly isRegistered: (text: string) => boolean,
    private readonly formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
  ) {}

  /** The gateway's plan callback: keeps the plan of a registered text, the first time it runs. */
  readonly didResolveQueryPlan: Experimental_DidResolveQueryPlanCallback = ({ queryPlan, serviceMap, requestContext, operationContext }) => {
    const text = requestContext.source;
    // Only a request Apollo Server took from HTTP: the live server's subscriptions have no `http`.
    if (!requestContext.request.http || typeof text !== 'string') return;
    const key = keyOf(text, requestContext.request.operationName);
    if (this.plans.has(key) || this.plans.size >= MAX_PLANS) return;
    if (operationContext.operation.operation === 'subscription' || asksForSchema(requestContext.document) || !this.isRegistered(text)) return;
    this.logger ??= requestContext.logger;
    this.plans.set(key, { queryPlan, operationContext, document: requestContext.document, serviceMap });
  };

  /** Reads the gateway's schemas once it has loaded its supergraph (after Apollo Server's start). */
  attach(gateway: ApolloGateway): void {
    const internals = gateway as unknown as { supergraphSchema?: unknown; apiSchema?: unknown };
    if (!internals.supergraphSchema || !internals.apiSchema) {
      throw new Error('@apollo/gateway has no supergraphSchema/apiSchema: registered-plans.ts is written for 2.14.4 (pinned); update it with the gateway');
    }
    this.supergraphSchema = internals.supergraphSchema;
    this.apiSchema = internals.apiSchema;
    // A new supergraph (never at run time here: the SDL is the checked-in file) makes every plan stale.
    gateway.onSchemaLoadOrUpdate(() => this.plans.clear());
  }

  /**
   * Answers the request from its registered plan, or returns false (nothing written) when the
   * request must go through Apollo Server: no plan yet, or variables or arguments to refuse.
   */
  async answer<TContext>(body: RequestBody, res: ServerResponse, options: AnswerOptions<TContext>): Promise<boolean> {
    if (options.accept !== undefined && options.accept !== '' && !PLAIN_JSON.has(options.accept.trim())) return false;
    if (typeof body.query !== 'string' || (body.operationName !== undefined && body.operationName !== null && typeof body.operationName !== 'string')) return false;
    const operationName = body.operationName ?? undefined;
    const plan = this.plans.get(keyOf(body.query, operationName));
    if (!plan) return false;
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
    const answered = options.observe();
    const context = await options.context();
    const requestContext = {
      request: { query: body.query, variables, operationName, http: { method: 'POST', headers: new HeaderMap(), search: '', body } },
      context,
      logger: this.logger,
      metrics: {},
      source: body.query,
      document,
      operation,
      operationName: operationName ?? operation.name?.value ?? null,
    };
    const result = await tracer.startActiveSpan(OpenTelemetrySpanNames.REQUEST, async (span) => {
      try {
        return await executeQueryPlan(
          plan.queryPlan,
          plan.serviceMap,
          requestContext as never,
          plan.operationContext,
          this.supergraphSchema as never,
          this.apiSchema as never,
          undefined,
        );
      } finally {
        span.end();
      }
    });
    let status = 200;
    let errors: GraphQLFormattedError[] | undefined;
    if (result.errors?.length) {
      errors = result.errors.map((error) => {
        // graphql-armor's blockFieldSuggestion plugin does this to every error in Apollo Server (didEncounterErrors).
        if (error instanceof GraphQLError) error.message = error.message.replace(/Did you mean ".+"/g, '[Suggestion hidden]');
        const enriched = enrich(error);
        if (enriched.status !== undefined) status = enriched.status;
        return this.formatError(enriched.formatted, error);
      });
    }
    answered(operation.operation, Boolean(errors));
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    // Apollo Server's field order and trailing newline (runHttpQuery.ts), so both paths answer the same bytes.
    res.end(`${JSON.stringify({ errors, data: result.data, extensions: result.extensions })}\n`);
    return true;
  }
}

const keyOf = (text: string, operationName: string | null | undefined) => `${operationName ?? ''}\n${text}`;

/** Apollo Server 5's `enrichError` (errorNormalize.ts), for errors from the gateway's execution. */
function enrich(error: unknown): { formatted: GraphQLFormattedError; status?: number } {
  const graphqlError =
    error instanceof GraphQLError ? error : new GraphQLError(error instanceof Error ? error.message : `Unexpected error value: ${String(error)}`, { originalError: error instanceof Error ? error : undefined });
  const extensions: Record<string, unknown> = { ...graphqlError.extensions, code: graphqlError.extensions.code ?? 'INTERNAL_SERVER_ERROR' };
  let status: number | undefined;
  const http = extensions.http as { status?: unknown } | undefined;
  if (http && typeof http === 'object' && (!('status' in http) || typeof http.status === 'number')) {
    status = http.status as number | undefined;
    delete extensions.http;
  }
  return { formatted: { ...graphqlError.toJSON(), extensions }, status };
}
