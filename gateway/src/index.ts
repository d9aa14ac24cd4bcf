export { createGateway, type Gateway, type GatewayOptions } from './server';
export { buildManifest, sha256, type OperationManifest } from './persisted-operations';
