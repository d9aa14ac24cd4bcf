import type { ServerResponse } from 'node:http';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import Negotiator from 'negotiator';

/*
 * An executed operation's answer written as Apollo Server 5 writes it (requestPipeline.ts,
 * errorNormalize.ts, runHttpQuery.ts), for the paths that run an operation outside its request
 * pipeline once Apollo Server has validated the text (the gateway's registered plans, the
 * subgraphs' validated operations): errors given a code (INTERNAL_SERVER_ERROR by default) and an
 * `extensions.http` status, then the server's own formatter; 400 for errors without data, 500
 * when execution throws; the content type negotiated as Apollo Server negotiates it
 * (`negotiator`, the same list); Apollo Server's field order and trailing newline. Each path's
 * equivalence test compares its answers with Apollo Server's byte for byte.
 */

/** Apollo Server 5's MEDIA_TYPES, in the order of chooseContentTypeForSingleResultResponse. */
const APPLICATION_JSON = 'application/json; charset=utf-8';
const SINGLE_RESULT_TYPES = [APPLICATION_JSON, 'application/graphql-response+json; charset=utf-8', 'application/json; callbackSpec=1.0; charset=utf-8'];
/** Accept headers already negotiated (a client sends the same one all day); null: Apollo Server refuses it. */
const negotiated = new Map<string, string | null>();

/** The content type Apollo Server would answer for this `accept`, or null where it answers 406. */
export function contentTypeFor(accept: string | undefined): string | null {
  if (!accept) return APPLICATION_JSON;
  let type = negotiated.get(accept);
  if (type === undefined) {
    type = new Negotiator({ headers: { accept } }).mediaType(SINGLE_RESULT_TYPES) ?? null;
    if (negotiated.size >= 100) negotiated.clear();
    negotiated.set(accept, type);
  }
  return type;
}

/**
 * A text and an operation name as one key; the name's length first, so that no other pair of
 * name and text (a name ending in a newline and the rest of the text) can spell the same key.
 */
export const operationKey = (text: string, operationName: string) => `${operationName.length}:${operationName}\n${text}`;

/** What running an operation gave: its result, or what it threw. */
export type ExecutionOutcome = { result: { data?: unknown; errors?: readonly unknown[]; extensions?: unknown } } | { thrown: unknown };

export interface AnswerStyle {
  /** The server's formatError. */
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  /** graphql-armor's blockFieldSuggestion plugin is installed (the gateway): its mask on every error. */
  hideSuggestions?: boolean;
  /** The `cache-control` Apollo Server's cache-control plugin sets, if it is on (the gateway: no-store). */
  cacheControl?: string;
}

/** Writes the outcome as Apollo Server 5 writes it; true when the answer carries errors. */
export function writeApolloAnswer(res: ServerResponse, outcome: ExecutionOutcome, contentType: string, style: AnswerStyle): boolean {
  let status: number | undefined;
  const headers = new Map<string, string>();
  const format = (errors: readonly unknown[]) =>
    errors.map((error) => {
      // graphql-armor's blockFieldSuggestion plugin does this to every error in Apollo Server (didEncounterErrors).
      if (style.hideSuggestions && error instanceof GraphQLError) error.message = error.message.replace(/Did you mean ".+"/g, '[Suggestion hidden]');
      const enriched = enrich(error);
      if (enriched.status !== undefined) status = enriched.status;
      for (const [name, value] of enriched.headers) headers.set(name, value);
      try {
        return style.formatError(enriched.formatted, error);
      } catch {
        return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
      }
    });
  let payload: { errors?: GraphQLFormattedError[]; data?: unknown; extensions?: unknown };
  if ('thrown' in outcome) {
    // sendErrorResponse: the error alone, 500 unless it says otherwise.
    payload = { errors: format([outcome.thrown]) };
    status ??= 500;
  } else {
    const { result } = outcome;
    const errors = result.errors?.length ? format(result.errors) : undefined;
    // status400ForVariableCoercionErrors: errors and no data at all is the caller's 400.
    if (errors && result.data === undefined) status ??= 400;
    payload = { errors, data: result.data, extensions: result.extensions };
  }
  res.statusCode = status ?? 200;
  for (const [name, value] of headers) res.setHeader(name, value);
  if (style.cacheControl) res.setHeader('cache-control', style.cacheControl);
  res.setHeader('content-type', contentType);
  // Apollo Server's field order and trailing newline (runHttpQuery.ts), so both paths answer the same bytes.
  res.end(`${JSON.stringify({ errors: payload.errors, data: payload.data, extensions: payload.extensions })}\n`);
  return Boolean(payload.errors);
}

/** Apollo Server 5's `enrichError` (errorNormalize.ts), with the HTTP head an error may carry. */
function enrich(error: unknown): { formatted: GraphQLFormattedError; status?: number; headers: Map<string, string> } {
  const graphqlError =
    error instanceof GraphQLError ? error : new GraphQLError(error instanceof Error ? error.message : `Unexpected error value: ${String(error)}`, { originalError: error instanceof Error ? error : undefined });
  const extensions: Record<string, unknown> = { ...graphqlError.extensions, code: graphqlError.extensions.code ?? 'INTERNAL_SERVER_ERROR' };
  let status: number | undefined;
  const headers = new Map<string, string>();
  const http = extensions.http as { status?: unknown; headers?: unknown } | undefined;
  // isPartialHTTPGraphQLHead: only a well-formed head is taken (and removed); any other stays in extensions.
  if (http && typeof http === 'object' && (!('status' in http) || typeof http.status === 'number') && (!('headers' in http) || http.headers instanceof Map)) {
    status = http.status as number | undefined;
    if (http.headers instanceof Map) for (const [name, value] of http.headers as Map<string, string>) headers.set(name, value);
    delete extensions.http;
  }
  return { formatted: { ...graphqlError.toJSON(), extensions }, status, headers };
}
