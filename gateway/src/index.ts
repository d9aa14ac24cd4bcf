export { createGateway, type Gateway, type GatewayOptions } from './server';
export { buildManifest, sha256, type OperationManifest } from './persisted-operations';
export { LiveCloseCode } from './live/close-codes';
export { DEFAULT_LIVE_LIMITS, type LiveLimits, type LiveServer } from './live/live-server';
