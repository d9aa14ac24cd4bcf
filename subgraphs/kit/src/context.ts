import type { DataSource } from 'typeorm';
import type { Logger } from '@pass/runtime';
import type { Caller } from '@pass/access';
import type { AuditTrail } from './audit/audit';
import type { Clock } from './time/clock';

/** What every resolver of a subgraph gets for one request. */
export interface SubgraphContext<TLoaders> {
  requestId: string;
  logger: Logger;
  dataSource: DataSource;
  /** The organisation calling, as the gateway vouched for it. */
  caller: Caller;
  /** Personal records read in this request, appended to the audit log when it ends. */
  audit: AuditTrail;
  /** Created per request: batching and caching never leak from one caller to another. */
  loaders: TLoaders;
  /** The time the rules read: the real time, unless the process that built the subgraph injected one (tests). */
  clock: Clock;
}
