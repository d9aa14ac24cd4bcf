import type { GraphQLDataSource, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { Logger } from '@pass/runtime';
import type { SubgraphName } from '@pass/contracts';

/** What each subgraph holds, as a partner would name it: the part of the data that is missing. */
export const DATA_PARTS: Record<SubgraphName, string> = {
  programmes: 'programmes, funders and orders',
  beneficiaries: 'beneficiaries and distributors',
  venues: 'venues, workshops and sessions',
  vouchers: 'books, vouchers, redemptions and reimbursements',
};

export const DATA_UNAVAILABLE = 'DATA_UNAVAILABLE';

/** The message a partner reads when one part of the hub cannot be reached. */
export const unavailableMessage = (part: string): string =>
  `The ${part} are unavailable for a moment: the fields that need them are null, the rest of the answer is complete. Retry in a few seconds.`;

/**
 * When a subgraph cannot be reached (its process died and is restarting, or it answers 502–504),
 * Apollo's gateway reports the fetch library's error ("request to http://127.0.0.1:4004/graphql
 * failed, reason: connect ECONNREFUSED"), which names an internal host and which the error
 * trimming turns into a bare internal error. This says instead which part of the data is missing,
 * with a code a partner can retry on; the operator's log keeps the subgraph and the cause.
 * The other fetches of the plan go on: the answer is partial, not lost.
 */
export function reportUnavailable<TSource extends RemoteGraphQLDataSource<any>>(subgraph: string, source: TSource, logger: Logger): TSource {
  const part = DATA_PARTS[subgraph as SubgraphName] ?? 'data of one part of the hub';
  const process: GraphQLDataSource['process'] = source.process.bind(source);
  source.process = async (options) => {
    try {
      return await process(options);
    } catch (err) {
      if (!unreachable(err)) throw err;
      logger.warn({ subgraph, err: { message: (err as Error).message, code: (err as { code?: string }).code } }, `the ${subgraph} subgraph is unreachable`);
      throw new GraphQLError(unavailableMessage(part), { extensions: { code: DATA_UNAVAILABLE } });
    }
  };
  return source;
}

/** A failure to reach the subgraph at all, not an answer from it (which keeps its own errors). */
function unreachable(err: unknown): boolean {
  if (!(err instanceof GraphQLError)) return true;
  const status = (err.extensions?.response as { status?: number } | undefined)?.status;
  return status === 502 || status === 503 || status === 504;
}
