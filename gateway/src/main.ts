import cluster from 'node:cluster';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, createLogger, loadGatewayProcessConfig, stopTracing, type GatewayProcessConfig, type Logger } from '@pass/runtime';
import { loadOrCreateHubKeys } from '@pass/access';
import { createGateway } from './server';
import { buildManifest } from './persisted-operations';

/**
 * The gateway as its own process: `node gateway/dist/main.js`, as the launcher (`npm start`)
 * starts it. Every setting is an environment variable, read and checked by `loadGatewayProcessConfig`
 * (the README's Configuration table lists them); the defaults match the port table.
 *
 * With PASS_GATEWAY_WORKERS=N above 1 this process is a node:cluster primary that serves nothing
 * itself: N workers share the port, and a worker that dies is replaced.
 *
 * Under a launcher (an IPC channel is open) the process says `ready` with its URL over the
 * channel, and stops when the launcher goes away, so no orphan keeps the port.
 */
const root = path.resolve(__dirname, '..', '..');

async function serve(config: GatewayProcessConfig, logger: Logger): Promise<() => Promise<void>> {
  const operations = readdirSync(config.operationsDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => ({ name: f.replace(/\.graphql$/, ''), document: readFileSync(path.join(config.operationsDir, f), 'utf8') }));
  const gateway = await createGateway({
    supergraphSdl: readFileSync(config.supergraphPath, 'utf8'),
    subgraphUrls: config.subgraphUrls,
    subgraphSockets: config.subgraphSockets,
    keys: await loadOrCreateHubKeys(config.keysDir),
    logger,
    operations: buildManifest(operations.map((o) => o.document)),
    exampleOperations: operations,
    persistedOnly: config.persistedOnly,
    databaseUrl: config.databaseUrl,
    corsOrigins: config.corsOrigins,
    introspectionRoles: config.introspectionRoles,
    rateLimit: config.rateLimit,
    pagesDir: existsSync(config.pagesDir) ? config.pagesDir : undefined,
    registeredPlans: config.registeredPlans,
    mergeEntityFetches: config.mergeEntityFetches,
    planRunner: config.planRunner,
    live: config.live,
  });
  const url = await gateway.listen(config.port, config.host);
  if (cluster.isWorker) logger.info({ url, worker: cluster.worker?.id }, 'gateway worker listening');
  else announceReady(url, logger);
  return () => gateway.close();
}

function announceReady(url: string, logger: Logger): void {
  logger.info({ url }, 'gateway ready');
  process.send?.({ type: 'ready', url });
}

/** The primary of N workers: forks them, says ready once all listen, replaces one that dies. */
function supervise(config: GatewayProcessConfig, logger: Logger): () => Promise<void> {
  let stopping = false;
  let listening = 0;
  cluster.on('listening', (_worker, address) => {
    listening += 1;
    if (listening === config.gatewayWorkers) {
      const host = address.address ?? config.host;
      announceReady(`http://${host.includes(':') ? `[${host}]` : host}:${address.port}/graphql`, logger);
      // Workers forked later (replacements) must bind the same port, even when it was 0.
      process.env.PORT = String(address.port);
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.error({ worker: worker.id, code, signal }, 'a gateway worker died; starting another');
    cluster.fork({ PORT: process.env.PORT });
  });
  for (let i = 0; i < config.gatewayWorkers; i++) cluster.fork();
  return async () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (!worker || worker.isDead()) return resolve();
            worker.once('exit', () => resolve());
            worker.process.kill('SIGTERM');
          }),
      ),
    );
  };
}

async function main(): Promise<void> {
  const config = loadGatewayProcessConfig(process.env, root);
  const logger = createLogger(cluster.isWorker ? `gateway-${cluster.worker?.id}` : 'gateway');
  const close = config.gatewayWorkers > 1 && cluster.isPrimary ? supervise(config, logger) : await serve(config, logger);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down');
    await close();
    await stopTracing();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  // The launcher is gone (killed outright): stop rather than hold the port as an orphan.
  if (!cluster.isWorker) process.once('disconnect', () => void stop());
}

main().catch((err) => {
  // A configuration mistake is the operator's to fix: its message names the variables.
  if (err instanceof ConfigError) console.error(err.message);
  else createLogger('gateway').fatal({ err }, 'the gateway could not start');
  process.exit(1);
});
