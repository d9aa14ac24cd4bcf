import type { ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { execute, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { contentTypeFor, operationKey, writeApolloAnswer, type ExecutionOutcome } from '@pass/runtime';

/*
 * A subgraph's answer to an operation text it has already validated, outside Apollo Server's
 * request pipeline: the subgraph side of the gateway's registered plans (gateway/src/edge/
 * registered-plans.ts).
 *
 * A subgraph hears only the gateway (every request carries its signed caller assertion), and the
 * gateway sends the same few texts all day: the fetches of its plans, each with new variables.
 * Through Apollo Server each of them went through the whole pipeline again: a request context and
 * every plugin's hooks, the document looked up by a SHA-256 of its text, content negotiation, a
 * pretty-printer. `npm run bench:overhead` measured `{ __typename }` at 0.11 – 0.21 ms of a
 * subgraph's CPU through it and 0.06 – 0.15 ms straight to graphql-js's `execute` (4 December);
 * a partner request makes three or four subgraph calls.
 *
 * So the first request of a text still goes through Apollo Server, which parses and validates it
 * and resolves its operation; the plugin below keeps that document. Later requests of the same
 * text and operation name run it with graphql-js's `execute`, as Apollo Server does, on the same
 * schema and with the same context, then do what the subgraph's plugins do at the end (the audit
 * log's entries, the operation metrics) and write the answer as Apollo Server writes it
 * (runtime's apollo-answer.ts). Anything else goes to Apollo Server:
 * - a body with `extensions`, or an `operationName` that is not a non-empty string or absent;
 * - variables that are not an object, or that the operation refuses (execution then returns
 *   errors without data before any resolver ran: Apollo Server answers the same request again);
 * - an `accept` Apollo Server would refuse (406).
 * A failed audit write answers 500, as Apollo Server does when a plugin's hook throws.
 * `PASS_SUBGRAPH_VALIDATED_OPERATIONS=0` turns it off. `subgraph_validated_operation_answers_total`
 * counts its answers; `test/src/validated-operations.e2e.ts` compares them with Apollo Server's.
 */

/** At most this many texts, least recently used first out (the gateway's plans use a few dozen). */
const MAX_OPERATIONS = 1000;

interface Validated {
  document: DocumentNode;
  operation: OperationDefinitionNode;
}

export interface ValidatedAnswerOptions<TContext> {
  /** The request's `accept` header. */
  accept: string | undefined;
  context(): Promise<TContext>;
  /** What the subgraph's plugins do at the end of a request (audit, metrics); may throw. */
  finish(context: TContext, operation: OperationDefinitionNode, data: Record<string, unknown> | null, failed: boolean): Promise<void>;
}

export class ValidatedOperations {
  /** By text and operation name ('' for none), least recently used first. */
  private readonly operations = new Map<string, Validated>();
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
    /** Counts an answer given here (the metric). */
    private readonly counted: () => void = () => {},
  ) {}

  /** The Apollo Server plugin that keeps each text's document once Apollo Server has validated it. */
  plugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
    return {
      requestDidStart: async () => ({
        // Called after parsing and validation passed, with the operation resolved.
        didResolveOperation: async ({ request, source, document, operation }) => {
          if (!request.http || request.http.method !== 'POST' || typeof source !== 'string') return;
          if (!operation || operation.operation === 'subscription') return;
          const key = operationKey(source, request.operationName ?? '');
          if (this.operations.has(key)) return;
          if (this.operations.size >= MAX_OPERATIONS) this.operations.delete(this.operations.keys().next().value as string);
          this.operations.set(key, { document, operation });
        },
      }),
    };
  }

  /**
   * Answers a request whose text was validated before, or returns false (nothing written) when
   * Apollo Server must answer it.
   */
  async answer<TContext>(body: unknown, res: ServerResponse, options: ValidatedAnswerOptions<TContext>): Promise<boolean> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
    const { query, variables, operationName, extensions } = body as Record<string, unknown>;
    if (typeof query !== 'string' || extensions !== undefined) return false;
    if (operationName !== undefined && operationName !== null && (typeof operationName !== 'string' || operationName === '')) return false;
    if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return false;
    const key = operationKey(query, (operationName as string | null | undefined) ?? '');
    const validated = this.operations.get(key);
    if (!validated) return false;
    const contentType = contentTypeFor(options.accept);
    if (contentType === null) return false;
    // Most recently used last: the eviction takes the first.
    this.operations.delete(key);
    this.operations.set(key, validated);
    const context = await options.context();
    let outcome: ExecutionOutcome;
    try {
      const result = await execute({
        schema: this.schema,
        document: validated.document,
        contextValue: context,
        variableValues: (variables as Record<string, unknown> | null | undefined) ?? undefined,
        operationName: (operationName as string | null | undefined) ?? undefined,
      });
      // Errors without data: the variables were refused before any resolver ran. Apollo Server
      // answers that request (its own status and messages), as if this path did not exist.
      if (result.data === undefined) return false;
      outcome = { result };
      await options.finish(context, validated.operation, result.data ?? null, Boolean(result.errors?.length));
    } catch (err) {
      outcome = { thrown: err };
    }
    writeApolloAnswer(res, outcome, contentType, { formatError: this.formatError });
    this.counted();
    return true;
  }
}
