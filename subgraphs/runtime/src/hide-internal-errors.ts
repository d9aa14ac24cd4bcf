import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from './log';

/**
 * Expected failures are typed data or coded GraphQL errors; anything else is a bug: it is logged
 * with its stack and the caller gets a bland message, never SQL or internals.
 */
export function hideInternalErrors(formatted: GraphQLFormattedError, error: unknown, logger: Logger): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code && code !== 'INTERNAL_SERVER_ERROR') {
    // An upstream HTTP failure (at the gateway) carries the subgraph's URL and body: never for callers.
    const { response: _internal, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  logger.error({ err: (error as { originalError?: unknown }).originalError ?? error }, 'internal error');
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
