export { Role, ROLES, isRole, type Caller } from './caller';
export { generateHubKeys, loadOrCreateHubKeys, rotatePartnerKey, generateKeyPairJwk, type HubKeys, type KeyPairJwk } from './keys';
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
} from './tokens';
export {
  ensureHubAuth,
  revokeToken,
  revokeOrganisation,
  addPartnerKeys,
  retirePartnerKey,
  readHubAuth,
  sqlOfPg,
  sqlOfDataSource,
  type Sql,
  type RevocationResult,
  type RevocationErrorCode,
  type RetireKeyErrorCode,
  type HubAuthSnapshot,
} from './hub-auth.store';
export { watchHubAuth, type HubAuthWatcher } from './hub-auth.watcher';
export { postgresTokenBuckets, memoryTokenBuckets, ensureHubLimits, type TokenBucketStore, type BucketTake } from './token-budget.store';
