import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger, type LiveSettings, type Logger } from '@pass/runtime';
import { generateHubKeys, loadOrCreateHubKeys, type HubKeys } from '@pass/access';
import { HUB_PORTS, SUBGRAPH_NAMES, subgraphSocketVariable, subgraphUrlVariable, type SubgraphName } from '@pass/contracts';
import { subgraphModules } from '@pass/schema';
import { builtPagesDir, type HubHandle, type HubOptions } from './in-process';
import { openHubData, waitForReplicas } from './hub-data';
import { DEFAULT_RESTART, SupervisedProcess, prefixedSink, type LogSink, type RestartPolicy } from './supervisor';
import { operationsDir } from '../operations/operations';

const root = path.resolve(__dirname, '..', '..', '..');

/**
 * Each subgraph's V8 semi-space (the young generation's halves), in MB: PASS_SUBGRAPH_SEMI_SPACE_MB,
 * 32 unless set, 0 for V8's own default (16 on 64-bit). A request's short-lived objects (a page of
 * rows, its GraphQL result, its JSON) then die in the young generation more often: fewer scavenges,
 * less promoted to the old one. Measured in docs/benchmarks.md.
 */
export function subgraphNodeOptions(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const mb = Number(env.PASS_SUBGRAPH_SEMI_SPACE_MB ?? 32);
  if (!Number.isInteger(mb) || mb < 0) throw new Error(`PASS_SUBGRAPH_SEMI_SPACE_MB must be a whole number of MB (0: V8's default), not ${env.PASS_SUBGRAPH_SEMI_SPACE_MB}`);
  if (mb === 0) return {};
  return { NODE_OPTIONS: [env.NODE_OPTIONS, `--max-semi-space-size=${mb}`].filter(Boolean).join(' ') };
}

/** Each part's built entry point: `npm start` builds them first. */
export const ENTRY_POINTS: Record<SubgraphName | 'gateway', string> = {
  gateway: path.join(root, 'gateway', 'dist', 'main.js'),
  programmes: path.join(root, 'subgraphs', 'programmes', 'dist', 'main.js'),
  beneficiaries: path.join(root, 'subgraphs', 'beneficiaries', 'dist', 'main.js'),
  venues: path.join(root, 'subgraphs', 'venues', 'dist', 'main.js'),
  vouchers: path.join(root, 'subgraphs', 'vouchers', 'dist', 'main.js'),
};

export interface ProcessHubOptions extends Omit<HubOptions, 'keys' | 'gateway'> {
  /** The key ring's directory (hub-keys.json); absent, fresh keys go to a temporary one, removed on close. */
  keysDir?: string;
  keys?: HubKeys;
  gateway?: Pick<NonNullable<HubOptions['gateway']>, 'corsOrigins' | 'introspectionRoles' | 'rateLimit'> & { live?: LiveSettings };
  /** Gateway processes sharing its port (node:cluster). */
  gatewayWorkers?: number;
  /** Where the children's log lines go; by default prefixed with their name on this process's streams. */
  sink?: LogSink;
  /** The children's LOG_LEVEL (this process's, else info). */
  logLevel?: string;
  restart?: RestartPolicy;
  /** The gateway calls the subgraphs over Unix sockets (default true; `PASS_SUBGRAPH_SOCKETS`). */
  subgraphSockets?: boolean;
  /**
   * Tests only: the file the subgraphs' rules read their time from (`PASS_CLOCK_FILE`), which the
   * test writes through a `FileClock` of its own; the processes layout's counterpart of `clock`.
   */
  clockFile?: string;
}

export interface ProcessHub extends HubHandle {
  layout: 'processes';
  /** The running children by name, for a test that kills one or a status line. */
  processes: Record<SubgraphName | 'gateway', SupervisedProcess>;
  /** Each subgraph's Unix socket, which the gateway uses; empty when the hub runs without them. */
  subgraphSockets: Partial<Record<SubgraphName, string>>;
}

/**
 * The hub as five processes: the four subgraphs, each with its own port and PostgreSQL schema,
 * and the gateway (one process, or a node:cluster of `gatewayWorkers`). The launcher starts them
 * on the port table's ports (or free ones when `gatewayPort` is 0), waits for each one's /readyz,
 * forwards their logs, restarts any that dies, and stops them all on `close()`.
 *
 * It opens each subgraph's schema itself as well (`subgraphs.<name>.dataSource`) for the demo
 * loader and tests, and follows the replicas' progress in the database (`catchUp`).
 */
export async function startProcessHub(options: ProcessHubOptions): Promise<ProcessHub> {
  const logger: Logger = options.logger ?? createLogger('launcher');
  const sink = options.sink ?? prefixedSink();
  // The gateway reads the key ring from a directory; the subgraphs get its public key.
  let keysDir = options.keysDir;
  let temporaryKeys: string | null = null;
  let ring: HubKeys;
  if (keysDir) {
    ring = options.keys ?? (await loadOrCreateHubKeys(keysDir));
  } else {
    ring = options.keys ?? (await generateHubKeys());
    temporaryKeys = mkdtempSync(path.join(tmpdir(), 'pass-keys-'));
    writeFileSync(path.join(temporaryKeys, 'hub-keys.json'), JSON.stringify(ring), { mode: 0o600 });
    keysDir = temporaryKeys;
  }
  const fixedPorts = (options.gatewayPort ?? 0) !== 0;
  // A private folder (mode 0700, from mkdtemp) for the subgraphs' sockets: only this user's
  // processes can connect, as only loopback can reach their ports. Its path stays short, as
  // socket paths must (108 bytes).
  const socketsDir = (options.subgraphSockets ?? true) ? mkdtempSync(path.join(tmpdir(), 'pass-sockets-')) : null;
  const sockets: Partial<Record<SubgraphName, string>> = socketsDir
    ? Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, path.join(socketsDir, `${name}.sock`)]))
    : {};
  const common = { DATABASE_URL: options.databaseUrl, LOG_LEVEL: options.logLevel ?? process.env.LOG_LEVEL ?? 'info', HOST: '127.0.0.1' };
  const supervise = (name: SubgraphName | 'gateway', env: Record<string, string>, port: number) =>
    new SupervisedProcess({ name, entry: ENTRY_POINTS[name], env: { ...common, ...env }, port }, logger, sink, options.restart ?? DEFAULT_RESTART);

  const subgraphs = Object.fromEntries(
    SUBGRAPH_NAMES.map((name) => [
      name,
      supervise(
        name,
        {
          PASS_GATEWAY_PUBLIC_JWK: JSON.stringify(ring.gateway.publicJwk),
          ...subgraphNodeOptions(),
          ...(sockets[name] ? { PASS_SUBGRAPH_SOCKET: sockets[name] } : {}),
          ...(options.clockFile ? { PASS_CLOCK_FILE: options.clockFile } : {}),
        },
        options.subgraphPorts?.[name] ?? (fixedPorts ? HUB_PORTS[name] : 0)),
    ]),
  ) as Record<SubgraphName, SupervisedProcess>;
  const started: SupervisedProcess[] = [];
  let data: HubHandle['subgraphs'] | null = null;
  const stopAll = async () => {
    for (const p of started) p.markStopping();
    // The gateway first, so no request reaches a subgraph that is going.
    const gateway = started.find((p) => p.spec.name === 'gateway');
    await gateway?.stop();
    await Promise.all(started.filter((p) => p !== gateway).map((p) => p.stop()));
    if (data) await Promise.all(Object.values(data).map((d) => d.dataSource.destroy().catch(() => undefined)));
    if (temporaryKeys) rmSync(temporaryKeys, { recursive: true, force: true });
    if (socketsDir) rmSync(socketsDir, { recursive: true, force: true });
  };
  try {
    // The first creates the shared event bus, audit log and key tables; the others then migrate
    // their own schemas side by side.
    const [first, ...others] = SUBGRAPH_NAMES.map((name) => subgraphs[name]);
    started.push(first!);
    await first!.start();
    started.push(...others);
    await Promise.all(others.map((p) => p.start()));

    const gatewayOptions = options.gateway ?? {};
    const gateway = supervise(
      'gateway',
      {
        HOST: options.gatewayHost ?? '127.0.0.1',
        PASS_KEYS_DIR: keysDir,
        PASS_PAGES_DIR: builtPagesDir,
        PASS_OPERATIONS_DIR: operationsDir,
        PASS_PERSISTED_ONLY: options.persistedOnly ? '1' : '0',
        PASS_GATEWAY_WORKERS: String(options.gatewayWorkers ?? 1),
        ...(gatewayOptions.corsOrigins ? { PASS_CORS_ORIGINS: gatewayOptions.corsOrigins.join(',') } : {}),
        ...(gatewayOptions.introspectionRoles ? { PASS_INTROSPECTION_ROLES: gatewayOptions.introspectionRoles.join(',') } : {}),
        ...(gatewayOptions.rateLimit
          ? { PASS_RATE_PER_SECOND: String(gatewayOptions.rateLimit.perSecond), PASS_RATE_BURST: String(gatewayOptions.rateLimit.burst) }
          : {}),
        ...liveVariables(gatewayOptions.live ?? {}),
        ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [subgraphUrlVariable(name), subgraphs[name].url])),
        ...Object.fromEntries(Object.entries(sockets).map(([name, socket]) => [subgraphSocketVariable(name as SubgraphName), socket])),
      },
      options.gatewayPort ?? 0,
    );
    started.push(gateway);
    const gatewayUrl = await gateway.start();
    data = await openHubData(subgraphModules, options.databaseUrl, logger);
    const opened = data;
    return {
      layout: 'processes',
      gatewayUrl,
      subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphs[name].url])) as Record<SubgraphName, string>,
      subgraphs: opened,
      keys: ring,
      processes: { ...subgraphs, gateway },
      subgraphSockets: sockets,
      catchUp: () => waitForReplicas(opened, subgraphModules),
      close: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

/** The gateway's `PASS_LIVE_*` variables for the live settings given (the others keep their defaults). */
function liveVariables(live: LiveSettings): Record<string, string> {
  const names: Record<keyof LiveSettings, string> = {
    pollMs: 'PASS_LIVE_POLL_MS',
    maxSubscriptionsPerToken: 'PASS_LIVE_MAX_SUBSCRIPTIONS_PER_TOKEN',
    maxQueuedEvents: 'PASS_LIVE_MAX_QUEUED_EVENTS',
    keepAliveMs: 'PASS_LIVE_KEEPALIVE_MS',
  };
  return Object.fromEntries(
    Object.entries(live)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [names[key as keyof LiveSettings], String(value)]),
  );
}
