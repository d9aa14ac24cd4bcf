import type { DataSource } from 'typeorm';
import type { Logger } from './log';
import type { Caller } from './auth/caller';

/** What every resolver of a subgraph gets for one request. */
export interface SubgraphContext<TLoaders> {
  requestId: string;
  logger: Logger;
  dataSource: DataSource;
  /** The organisation calling, as the gateway vouched for it. */
  caller: Caller;
  /** Created per request: batching and caching never leak from one caller to another. */
  loaders: TLoaders;
}
