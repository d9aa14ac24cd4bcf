import 'reflect-metadata';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { ensureDatabase, startPostgres } from '@pass/kit';
import { ConfigError, createLogger, loadConfig, stopTracing } from '@pass/runtime';
import { loadOrCreateHubKeys } from '@pass/access';
import { demoTokens } from './demo-tokens';
import { loadDemoData } from '../demo/demo-data';
import { startHub, type HubHandle } from '../launcher/in-process';
import { startProcessHub } from '../launcher/processes';

/**
 * `npm start`: PostgreSQL (embedded unless DATABASE_URL is set), the four subgraphs, the gateway,
 * and the demo data on first start. By default (PASS_LAYOUT=processes) the gateway and each
 * subgraph run in a process of their own, restarted if one dies; PASS_LAYOUT=single runs them all
 * in this one. Ctrl-C (or SIGTERM) stops everything cleanly.
 */
async function main(): Promise<void> {
  const t0 = performance.now();
  const root = path.resolve(__dirname, '..', '..', '..');
  // Before anything starts: a bad variable stops here, named, with nothing to clean up.
  const config = loadConfig(process.env, root);
  const logger = createLogger('hub');
  const postgres = await startPostgres({ dataDir: config.dataDir, port: config.pgPort, logger });
  const databaseUrl = config.databaseUrl ?? (await ensureDatabase(postgres.serverUrl, 'pass_hub'));
  // Keys live beside the database: tokens minted for the demo stay valid across restarts.
  const keysDir = config.keysDir;
  const keys = await loadOrCreateHubKeys(keysDir);
  const common = {
    databaseUrl,
    gatewayPort: config.port,
    gatewayHost: config.host,
    keys,
    persistedOnly: config.persistedOnly,
    gateway: { corsOrigins: config.corsOrigins, introspectionRoles: config.introspectionRoles, rateLimit: config.rateLimit },
    logger,
  };
  let hub: HubHandle;
  try {
    hub =
      config.layout === 'processes'
        ? await startProcessHub({ ...common, keysDir, gatewayWorkers: config.gatewayWorkers, logLevel: config.logLevel, subgraphSockets: config.useSubgraphSockets })
        : await startHub(common);
  } catch (err) {
    await postgres.stop();
    throw err;
  }
  const [{ n }] = await hub.subgraphs.programmes.dataSource.query('select count(*)::int as n from funder');
  if (n === 0) {
    const demo = await loadDemoData(hub, logger);
    logger.info({ redemptions: demo.redemptions }, 'demo data loaded');
    writeFileSync(path.join(root, '.data', 'demo.json'), JSON.stringify(demo, null, 2));
    const tokens = await demoTokens(keys, demo);
    writeFileSync(path.join(root, '.data', 'demo-tokens.json'), JSON.stringify(tokens, null, 2), { mode: 0o600 });
  }
  const base = hub.gatewayUrl.replace(/\/graphql$/, '');
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  process.stdout.write(
    [
      '',
      `Pass numérique hub ready in ${seconds} s (${postgres.embedded ? 'embedded PostgreSQL' : 'PostgreSQL from DATABASE_URL'}; ${layoutLine(hub, config.gatewayWorkers)})`,
      `  GraphQL     ${hub.gatewayUrl}`,
      `  GraphiQL    ${base}/graphiql (paste a token from the demo tokens below)`,
      `  health      ${base}/healthz   ${base}/readyz   ${base}/metrics`,
      ...Object.entries(hub.subgraphUrls).map(([name, url]) => `  ${name.padEnd(14)}${url}${socketNote(hub, name)}`),
      `  demo tokens ${path.join(root, '.data', 'demo-tokens.json')} (one per demo organisation; \`npm run token\` mints more)`,
      '',
    ].join('\n') + '\n',
  );
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping');
    await hub.close();
    await stopTracing();
    await postgres.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

/** Where the gateway reaches a subgraph when it is not its URL's port. */
function socketNote(hub: HubHandle, name: string): string {
  if (hub.layout === 'single') return '';
  const sockets: Partial<Record<string, string>> = (hub as Awaited<ReturnType<typeof startProcessHub>>).subgraphSockets;
  return sockets[name] ? `   (the gateway's way in: ${sockets[name]})` : '';
}

function layoutLine(hub: HubHandle, workers: number): string {
  if (hub.layout === 'single') return 'gateway and subgraphs in this one process';
  const processes = (hub as Awaited<ReturnType<typeof startProcessHub>>).processes;
  const pids = Object.values(processes).map((p) => `${p.spec.name} ${p.pid}`);
  return `a process each: ${pids.join(', ')}${workers > 1 ? `; ${workers} gateway workers` : ''}`;
}

main().catch((err) => {
  // A configuration mistake is the user's to fix: its message says which variable, no stack needed.
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
