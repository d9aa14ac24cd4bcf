import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createLogger, loadOrCreateHubKeys } from '@pass/kit';
import { createGateway } from './server';
import { buildManifest } from './persisted-operations';

/**
 * The gateway as its own process: `node gateway/dist/main.js`. Every setting is an environment
 * variable (docs/live.md lists them); the defaults match `npm start`'s ports.
 *
 *   PORT, HOST                  where to listen (4000, 127.0.0.1)
 *   PROGRAMMES_URL, BENEFICIARIES_URL, VENUES_URL, VOUCHERS_URL
 *                               each subgraph's /graphql (http://127.0.0.1:4001 … 4004/graphql)
 *   DATABASE_URL                optional: live redemptions wake on LISTEN instead of polling
 *   PASS_KEYS_DIR               the key ring directory, holding hub-keys.json (.data/keys)
 *   PASS_SUPERGRAPH             the supergraph SDL (schema/supergraph.graphql)
 *   PASS_OPERATIONS_DIR         registered partner operations (clients/operations)
 *   PASS_PERSISTED_ONLY=1 or NODE_ENV=production   partner roles may run registered operations only
 */
function readEnvironment(env: NodeJS.ProcessEnv) {
  const root = path.resolve(__dirname, '..', '..');
  const subgraph = (name: string, port: number) => env[`${name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${port}/graphql`;
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    subgraphUrls: {
      programmes: subgraph('programmes', 4001),
      beneficiaries: subgraph('beneficiaries', 4002),
      venues: subgraph('venues', 4003),
      vouchers: subgraph('vouchers', 4004),
    },
    databaseUrl: env.DATABASE_URL || undefined,
    keysDir: env.PASS_KEYS_DIR ?? path.join(root, '.data', 'keys'),
    supergraphPath: env.PASS_SUPERGRAPH ?? path.join(root, 'schema', 'supergraph.graphql'),
    operationsDir: env.PASS_OPERATIONS_DIR ?? path.join(root, 'clients', 'operations'),
    persistedOnly: env.PASS_PERSISTED_ONLY === '1' || env.NODE_ENV === 'production',
  };
}

async function main(): Promise<void> {
  const logger = createLogger('gateway');
  const config = readEnvironment(process.env);
  const operations = readdirSync(config.operationsDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => ({ name: f.replace(/\.graphql$/, ''), document: readFileSync(path.join(config.operationsDir, f), 'utf8') }));
  const gateway = await createGateway({
    supergraphSdl: readFileSync(config.supergraphPath, 'utf8'),
    subgraphUrls: config.subgraphUrls,
    keys: await loadOrCreateHubKeys(config.keysDir),
    logger,
    operations: buildManifest(operations),
    persistedOnly: config.persistedOnly,
    databaseUrl: config.databaseUrl,
  });
  const url = await gateway.listen(config.port, config.host);
  logger.info({ url }, 'gateway ready');
  const stop = async () => {
    logger.info('shutting down');
    await gateway.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((err) => {
  createLogger('gateway').fatal({ err }, 'the gateway could not start');
  process.exit(1);
});
