export { createLogger, type Logger } from './log';
export { NotFoundError, BadInputError, isUuid } from './errors';
export { keyedLoader, groupedLoader, aggregateLoader } from './loaders';
export type { SubgraphContext } from './context';
export { startPostgres, ensureDatabase, createScratchDatabase, type PostgresServer, type ScratchDatabase } from './db/postgres';
export { openSubgraphDataSource, sqlStatements, totalSqlStatements } from './db/data-source';
export { publish, ensureEventBus, startEventConsumer, type HubEvent, type EventHandler, type EventConsumer } from './events/event-bus';
export { refusal, refusalType, type Refusal } from './schema/refusal';
export { referenceBy } from './schema/reference';
export { buildFederatedSchema, type ReferenceResolvers, type FederatedSchema } from './schema/federation';
export { createSubgraph, runSubgraphMain, federatedSchemaOf, hideInternalErrors, type Subgraph, type SubgraphModule } from './server/subgraph';
export { bigintAsNumber } from './db/columns';
export { parisDayOf, parisMonthOf, parisYearOf, parisDateParts, type ParisDate } from './time/paris-date';
export { realTime, SettableClock, type Clock } from './time/clock';
export * from './events/topics';
export { anonymisationDueOn, isAnonymisationDue, firstEndDateStillRetained, RETENTION_MONTHS_AFTER_PROGRAMME_END } from './retention/retention';
export { listenWithReconnect, type ChannelListener, type ListenOptions } from './events/listener';
export { BYTE_ORDER_MARK, VENUE_STANDARD_CSV, SPREADSHEET_CSV, csvCell, csvLine, csvDocument, euros, type CsvDialect, type CsvCell } from './csv/csv';
export { assertCents, assertShares, splitByShares, formatEuros, BASIS_POINTS_TOTAL, VOUCHER_FACE_VALUE_CENTS, type Cents } from './money/money';
export {
  parseTerritoryEntry,
  formatTerritoryEntry,
  findCommune,
  isCommuneInTerritory,
  describeTerritory,
  type TerritoryEntry,
} from './territory/territory';
export {
  EducationLevel,
  BeneficiaryStatus,
  IneligibilityReason,
  ineligibilityReasons,
  type PersonFacts,
  type ProgrammeRules,
} from './eligibility/eligibility';
export { Role, ROLES, isRole, type Caller } from './auth/caller';
export { generateHubKeys, loadOrCreateHubKeys, rotatePartnerKey, generateKeyPairJwk, type HubKeys, type KeyPairJwk } from './auth/keys';
export {
  mintPartnerToken,
  partnerTokenVerifier,
  tokenIdOf,
  MAX_TOKEN_LIFETIME_SECONDS,
  type PartnerTokenRing,
  signCallerAssertion,
  callerAssertionSigner,
  callerAssertionVerifier,
  AuthError,
  CALLER_HEADER,
  type AuthFailure,
} from './auth/tokens';
export { AuditResolver, AuditEntry } from './audit/audit.resolver';
export { HubAuthResolver } from './hub-auth/hub-auth.resolver';
export {
  ensureHubAuth,
  revokeToken,
  revokeOrganisation,
  addPartnerKeys,
  retirePartnerKey,
  readHubAuth,
  sqlOfPg,
  type Sql,
} from './hub-auth/hub-auth.store';
export { watchHubAuth, type HubAuthWatcher } from './hub-auth/hub-auth.watcher';
export { type AuditTrail } from './audit/audit';
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
  type Connection,
  type Edge,
  type PageRequest,
  type PageRows,
} from './pagination/connection';
export { postgresTokenBuckets, memoryTokenBuckets, ensureHubLimits, type TokenBucketStore, type BucketTake } from './hub-limits/token-budget.store';
