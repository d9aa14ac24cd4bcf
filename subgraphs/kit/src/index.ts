export { NotFoundError, BadInputError, ReplicaBehindError, isUuid } from './errors';
export { keyedLoader, groupedLoader, aggregateLoader, sharedWhileInFlight } from './loaders';
export type { SubgraphContext } from './context';
export { startPostgres, ensureDatabase, createScratchDatabase, type PostgresServer, type ScratchDatabase } from './db/postgres';
export { openSubgraphDataSource, sqlStatements, totalSqlStatements } from './db/data-source';
export { publish, ensureEventBus, startEventConsumer, type HubEvent, type EventHandler, type EventConsumer } from './events/event-bus';
export { refusal, refusalType, type Refusal } from './schema/refusal';
export { referenceBy } from './schema/reference';
export { registerEnumOnce } from './schema/enums';
export { buildFederatedSchema, type ReferenceResolvers, type FederatedSchema } from './schema/federation';
export { createSubgraph, runSubgraphMain, federatedSchemaOf, type Subgraph, type SubgraphModule } from './server/subgraph';
export { bigintAsNumber } from './db/columns';
export { entityReader, readEntities, type EntityReader } from './db/entity-reader';
export { AuditResolver, AuditEntry, AuditEntryConnection } from './audit/audit.resolver';
export { realTime, SettableClock, FileClock, type Clock } from './time/clock';
export { HubAuthResolver } from './hub-auth/hub-auth.resolver';
export { type AuditTrail, mutationEntry } from './audit/audit';
export { ForbiddenError, ensure, roleChecker, is, isOrganisation, coordinates, SEES_ALL_AGGREGATES, EVERY_ROLE } from './auth/access';
export * from './observability';
export {
  ConnectionType,
  PageInfo,
  readPageRequest,
  toConnection,
  encodeCursor,
  emptyPage,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  readSortKey,
  sortKeyTime,
  keysetPages,
  pageLoaders,
  type Keyed,
  type KeyPart,
  type Connection,
  type Edge,
  type PageRequest,
  type PageRows,
  timeOrderedPages,
  type TimeOrderedList,
} from './pagination/connection';
