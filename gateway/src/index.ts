export { createGateway, type Gateway, type GatewayOptions } from './server';
export { buildManifest, documentHash, manifestFromPersistedDocuments, normaliseDocument, sha256, type OperationManifest } from './persisted-operations';
export { LiveCloseCode } from './live/close-codes';
export { DEFAULT_LIVE_LIMITS, type LiveLimits, type LiveServer } from './live/live-server';
export { startPartnerAuth, type PartnerAuth } from './auth/partner-auth';
export { DEFAULT_TOKEN_LIMITS, TokenLimits, requestCost, type TokenLimitOptions } from './rate-limit';
