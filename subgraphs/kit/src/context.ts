import type { DataSource } from 'typeorm';
import type { Logger } from './log';

/** What every resolver of a subgraph gets for one request. */
export interface SubgraphContext<TLoaders> {
  requestId: string;
  logger: Logger;
  dataSource: DataSource;
  /** Created per request: batching and caching never leak from one caller to another. */
  loaders: TLoaders;
}
