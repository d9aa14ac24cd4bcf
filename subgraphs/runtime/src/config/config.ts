import path from 'node:path';
import { HUB_PORTS, ROLES, Role, SUBGRAPH_NAMES, subgraphSocketVariable, subgraphUrl, subgraphUrlVariable, type SubgraphName } from '@pass/contracts';

/*
 * Every process of the hub reads its environment here, once, at start-up: the launcher
 * (`loadConfig`), the gateway's process (`loadGatewayProcessConfig`), a subgraph's process
 * (`loadSubgraphProcessConfig`) and the operator CLI (`loadCliConfig`). Each variable is read by
 * the same check wherever it is read, and a bad value stops the start with a message naming every
 * bad variable at once, rather than surfacing later as a strange failure (a port of `NaN` binds a
 * random port; a misspelt origin silently blocks a partner's frontend). The README's
 * Configuration table lists them (`CONFIG_VARIABLES`, checked by a test).
 */

export interface ConfigProblem {
  variable: string;
  problem: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const MAX_PORT = 65535;
/** `sun_path` is 108 bytes on Linux, its terminating zero included. */
const MAX_SOCKET_PATH_BYTES = 107;

/** The checks every loader shares. Problems pile up, so that one start reports them all. */
class EnvReader {
  readonly problems: ConfigProblem[] = [];

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  private problem(variable: string, problem: string): void {
    this.problems.push({ variable, problem });
  }

  /** The trimmed value; unset and empty are the same. */
  value(name: string): string | undefined {
    const raw = this.env[name]?.trim();
    return raw === '' ? undefined : raw;
  }

  text(name: string, fallback: string): string {
    return this.value(name) ?? fallback;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.value(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      this.problem(name, `expected a whole number from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return Number(raw);
  }

  /** A whole number when set (the consumer's own default applies when unset). */
  optionalInteger(name: string, min: number, max: number): number | undefined {
    return this.value(name) === undefined ? undefined : this.integer(name, min, min, max);
  }

  /** A TCP port; `0` (a free port) unless `min` says otherwise. */
  port(name: string, fallback: number, min = 0): number {
    return this.integer(name, fallback, min, MAX_PORT);
  }

  flag(name: string): boolean {
    const raw = this.value(name);
    if (raw === undefined) return false;
    if (raw === '1' || raw === 'true') return true;
    if (raw === '0' || raw === 'false') return false;
    this.problem(name, `expected 1 or 0, got "${raw}"`);
    return false;
  }

  list(name: string): string[] | undefined {
    return this.value(name)
      ?.split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }

  oneOf<T extends string>(name: string, options: readonly T[], fallback: T): T {
    const raw = this.value(name) ?? fallback;
    if ((options as readonly string[]).includes(raw)) return raw as T;
    this.problem(name, `expected ${options.length === 2 ? options.join(' or ') : `one of ${options.join(', ')}`}, got "${raw}"`);
    return fallback;
  }

  host(name: string): string {
    const host = this.text(name, '127.0.0.1');
    if (!/^[\w.:-]+$/.test(host)) this.problem(name, `expected an address or host name, got "${host}"`);
    return host;
  }

  logLevel(name = 'LOG_LEVEL'): string | undefined {
    const level = this.value(name);
    if (level !== undefined && !LOG_LEVELS.includes(level)) this.problem(name, `expected one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
    return level;
  }

  /** A `postgres://` URL. `required` says why when it must be set. The URL may hold a password: never echoed. */
  postgresUrl(name: string, required?: string): string | undefined {
    const url = this.value(name);
    if (url === undefined) {
      if (required !== undefined) this.problem(name, `required: ${required}`);
      return undefined;
    }
    if (!['postgres:', 'postgresql:'].includes(protocolOf(url))) this.problem(name, 'expected a postgres:// or postgresql:// URL');
    return url;
  }

  /**
   * An optional Unix socket path: absolute, and short enough for the kernel (108 bytes with its
   * terminating zero on Linux; a longer path fails only when the server binds, far from its cause).
   */
  socketPath(name: string): string | undefined {
    const socket = this.value(name);
    if (socket === undefined) return undefined;
    if (!path.isAbsolute(socket)) this.problem(name, `expected an absolute path of a Unix socket, got "${socket}"`);
    else if (Buffer.byteLength(socket) > MAX_SOCKET_PATH_BYTES) this.problem(name, `a Unix socket path holds at most ${MAX_SOCKET_PATH_BYTES} bytes, got ${Buffer.byteLength(socket)}`);
    return socket;
  }

  /**
   * A test clock's file (tests only): an absolute path, and never in production, where the rules
   * must read the real time whatever a file says.
   */
  clockFile(name: string): string | undefined {
    const file = this.value(name);
    if (file === undefined) return undefined;
    if (this.value('NODE_ENV') === 'production') this.problem(name, 'a test clock is refused with NODE_ENV=production: the rules must read the real time');
    else if (!path.isAbsolute(file)) this.problem(name, `expected an absolute path, got "${file}"`);
    return file;
  }

  httpUrl(name: string, fallback: string, what: string): string {
    const url = this.text(name, fallback);
    if (!['http:', 'https:'].includes(protocolOf(url))) this.problem(name, `expected an http:// URL of ${what}, got "${url}"`);
    return url;
  }

  /** A public key as JSON (a JWK: an object with its `kty`). */
  jwk(name: string, required: string): PublicJwk {
    const raw = this.value(name);
    if (raw === undefined) {
      this.problem(name, `required: ${required}`);
      return { kty: '' };
    }
    let key: unknown;
    try {
      key = JSON.parse(raw);
    } catch {
      key = undefined;
    }
    if (typeof key !== 'object' || key === null || Array.isArray(key) || typeof (key as { kty?: unknown }).kty !== 'string') {
      this.problem(name, 'expected a public key as JSON (a JWK object with its "kty")');
      return { kty: '' };
    }
    return key as PublicJwk;
  }

  introspectionRoles(name: string, productionMode: boolean): Role[] {
    const roles = this.list(name);
    if (roles === undefined) return defaultIntrospectionRoles(productionMode);
    const unknown = roles.filter((r) => !ROLES.includes(r as Role));
    if (unknown.length > 0) this.problem(name, `unknown role ${unknown.map((r) => `"${r}"`).join(', ')} (roles: ${ROLES.join(', ')})`);
    return roles.filter((r) => ROLES.includes(r as Role)) as Role[];
  }

  corsOrigins(name: string): string[] {
    return (this.list(name) ?? []).filter((origin) => {
      // Browsers send the origin as scheme://host[:port], nothing more: anything else can never match.
      let parsed: URL | undefined;
      try {
        parsed = new URL(origin);
      } catch {
        parsed = undefined;
      }
      if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
        this.problem(name, `"${origin}" is not an origin (scheme://host[:port], no path or trailing slash)`);
        return false;
      }
      return true;
    });
  }

  /** The configuration read, or a `ConfigError` naming every bad variable. */
  done<T>(config: T): T {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
    return config;
  }
}

function protocolOf(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return '';
  }
}

/** Where PostgreSQL and the key ring are: what the launcher and the CLI both read. */
export interface DatabaseConfig {
  /** An external PostgreSQL; when absent the launcher (or the CLI) uses the embedded one. */
  databaseUrl: string | undefined;
  /** The embedded PostgreSQL's data directory and port. */
  dataDir: string;
  pgPort: number;
  /** The key ring's directory (`hub-keys.json`). */
  keysDir: string;
}

const EMBEDDED_PG_PORT = 54320;

function readDatabase(read: EnvReader, root: string): DatabaseConfig {
  return {
    databaseUrl: read.postgresUrl('DATABASE_URL'),
    dataDir: read.text('PASS_DATA_DIR', path.join(root, '.data', 'pg')),
    pgPort: read.port('PASS_PG_PORT', EMBEDDED_PG_PORT, 1),
    keysDir: read.text('PASS_KEYS_DIR', path.join(root, '.data', 'keys')),
  };
}

/** The hub's settings, as `npm start` reads them (the gateway's process reads the same). */
export interface HubConfig extends DatabaseConfig {
  /** The gateway's port; the four subgraphs take theirs from the port table (`HUB_PORTS`) when it is not 0. */
  port: number;
  /** Where the gateway binds. Subgraphs always stay on loopback: only the gateway calls them. */
  host: string;
  /** NODE_ENV=production. */
  production: boolean;
  /** Partner roles may send registered operations only. */
  persistedOnly: boolean;
  /** Browser origins allowed to call /graphql (CORS), exactly as browsers send them. */
  corsOrigins: string[];
  /** Roles whose tokens may introspect the schema (GraphiQL's docs and completion). */
  introspectionRoles: Role[];
  logLevel: string;
  rateLimit: { perSecond: number; burst: number };
  /** `processes`: the gateway and each subgraph in a process of its own (the default); `single`: all in one. */
  layout: 'processes' | 'single';
  /** Gateway processes behind the one port (node:cluster), in the `processes` layout. */
  gatewayWorkers: number;
  /**
   * In the `processes` layout, the gateway reaches each subgraph over a Unix socket the launcher
   * gives it (the TCP port stays, for health checks, metrics and tools): cheaper per call than
   * loopback TCP (docs/benchmarks.md, "Subgraphs over Unix sockets").
   */
  useSubgraphSockets: boolean;
}

function readHub(read: EnvReader, root: string): HubConfig {
  const production = read.value('NODE_ENV') === 'production';
  const persistedOnly = read.flag('PASS_PERSISTED_ONLY') || production;
  return {
    port: read.port('PORT', HUB_PORTS.gateway),
    host: read.host('HOST'),
    ...readDatabase(read, root),
    production,
    persistedOnly,
    corsOrigins: read.corsOrigins('PASS_CORS_ORIGINS'),
    introspectionRoles: read.introspectionRoles('PASS_INTROSPECTION_ROLES', persistedOnly),
    logLevel: read.logLevel() ?? 'info',
    rateLimit: { perSecond: read.integer('PASS_RATE_PER_SECOND', 50, 1, 1_000_000), burst: read.integer('PASS_RATE_BURST', 200, 1, 1_000_000) },
    layout: read.oneOf('PASS_LAYOUT', ['processes', 'single'] as const, 'processes'),
    gatewayWorkers: read.integer('PASS_GATEWAY_WORKERS', 1, 1, 64),
    useSubgraphSockets: read.value('PASS_SUBGRAPH_SOCKETS') === undefined || read.flag('PASS_SUBGRAPH_SOCKETS'),
  };
}

/**
 * The launcher's configuration (`npm start`). `root` is the repository, under which the embedded
 * PostgreSQL's data and the key ring live by default (`.data/pg`, `.data/keys`).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, root = '.'): HubConfig {
  const read = new EnvReader(env);
  return read.done(readHub(read, root));
}

/**
 * Introspection is how GraphiQL learns the schema. In production mode partner roles run the
 * registered operations only, so the schema stays with the people who explore it: analysts and
 * operators. Apollo's own switch would close it for everyone.
 */
export function defaultIntrospectionRoles(productionMode: boolean): Role[] {
  return productionMode ? [Role.ANALYST, Role.OPERATOR] : [...ROLES];
}

/** What the gateway's own process reads beyond the hub's settings: where everything else is. */
export interface GatewayProcessConfig extends HubConfig {
  subgraphUrls: Record<SubgraphName, string>;
  /** The Unix socket through which the gateway reaches a subgraph, where one is given. */
  subgraphSockets: Partial<Record<SubgraphName, string>>;
  supergraphPath: string;
  operationsDir: string;
  pagesDir: string;
  /** Registered operations run from their plan without Apollo Server's pipeline (PASS_REGISTERED_PLANS). */
  registeredPlans: boolean;
  /** A request's parallel entity fetches to one subgraph go in one call (PASS_MERGE_ENTITY_FETCHES). */
  mergeEntityFetches: boolean;
  /** Registered plans run by the gateway's own plan runner, not Apollo's executor (PASS_PLAN_RUNNER). */
  planRunner: boolean;
  /** The live server's limits and feed poll where set (`PASS_LIVE_*`); the live server's defaults otherwise. */
  live: LiveSettings;
}

/** What `PASS_LIVE_*` set: only the variables given (docs/live.md has the defaults). */
export interface LiveSettings {
  pollMs?: number;
  maxSubscriptionsPerToken?: number;
  maxQueuedEvents?: number;
  keepAliveMs?: number;
}

const DAY_MS = 86_400_000;

function readLive(read: EnvReader): LiveSettings {
  const settings: LiveSettings = {
    pollMs: read.optionalInteger('PASS_LIVE_POLL_MS', 10, DAY_MS),
    maxSubscriptionsPerToken: read.optionalInteger('PASS_LIVE_MAX_SUBSCRIPTIONS_PER_TOKEN', 1, 100_000),
    maxQueuedEvents: read.optionalInteger('PASS_LIVE_MAX_QUEUED_EVENTS', 1, 1_000_000),
    keepAliveMs: read.optionalInteger('PASS_LIVE_KEEPALIVE_MS', 1000, DAY_MS),
  };
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
}

/**
 * The gateway process's configuration (`node gateway/dist/main.js`): the hub's variables, and
 * where the subgraphs, supergraph, operations and pages are.
 */
export function loadGatewayProcessConfig(env: NodeJS.ProcessEnv, root: string): GatewayProcessConfig {
  const read = new EnvReader(env);
  const hub = readHub(read, root);
  const subgraphUrls = {} as Record<SubgraphName, string>;
  const subgraphSockets: Partial<Record<SubgraphName, string>> = {};
  for (const name of SUBGRAPH_NAMES) {
    subgraphUrls[name] = read.httpUrl(subgraphUrlVariable(name), subgraphUrl(name, HUB_PORTS[name]), "the subgraph's /graphql");
    const socket = read.socketPath(subgraphSocketVariable(name));
    if (socket !== undefined) subgraphSockets[name] = socket;
  }
  return read.done({
    ...hub,
    subgraphUrls,
    subgraphSockets,
    supergraphPath: read.text('PASS_SUPERGRAPH', path.join(root, 'schema', 'supergraph.graphql')),
    operationsDir: read.text('PASS_OPERATIONS_DIR', path.join(root, 'clients', 'operations')),
    pagesDir: read.text('PASS_PAGES_DIR', path.join(root, 'clients', 'dist', 'pages')),
    registeredPlans: read.value('PASS_REGISTERED_PLANS') === undefined || read.flag('PASS_REGISTERED_PLANS'),
    mergeEntityFetches: read.value('PASS_MERGE_ENTITY_FETCHES') === undefined || read.flag('PASS_MERGE_ENTITY_FETCHES'),
    planRunner: read.value('PASS_PLAN_RUNNER') === undefined || read.flag('PASS_PLAN_RUNNER'),
    live: readLive(read),
  });
}

/** A public key as a JWK object; `jose` checks the rest when it imports it. */
export type PublicJwk = { kty: string } & Record<string, unknown>;

/** A subgraph's own process (`node subgraphs/<name>/dist/main.js`). */
export interface SubgraphProcessConfig {
  /** Its entry in the port table unless `PORT` says otherwise (0: a free port). */
  port: number;
  host: string;
  /** A Unix socket it listens on as well (the gateway's way in, set by the launcher). */
  socketPath: string | undefined;
  databaseUrl: string;
  /** The gateway's public key, with which the subgraph checks caller assertions. */
  gatewayPublicKey: PublicJwk;
  logLevel: string | undefined;
  /** Tests only: the file the rules read their time from (the test kit's processes layout). */
  clockFile: string | undefined;
}

/** What a subgraph's process reads: all but `PORT`, `HOST` and `LOG_LEVEL` are required. */
export function loadSubgraphProcessConfig(env: NodeJS.ProcessEnv, name: SubgraphName): SubgraphProcessConfig {
  const read = new EnvReader(env);
  const config = {
    port: read.port('PORT', HUB_PORTS[name]),
    host: read.host('HOST'),
    socketPath: read.socketPath('PASS_SUBGRAPH_SOCKET'),
    databaseUrl: read.postgresUrl('DATABASE_URL', 'the hub database of a subgraph run alone (`npm start` runs the whole hub with its own)') ?? '',
    gatewayPublicKey: read.jwk('PASS_GATEWAY_PUBLIC_JWK', "the gateway's public key (JSON): subgraphs trust no caller without it"),
    logLevel: read.logLevel(),
    clockFile: read.clockFile('PASS_CLOCK_FILE'),
  };
  return read.done(config);
}

/** What the operator CLI reads (`npm run hub`, `npm run token`). */
export interface CliConfig extends DatabaseConfig {
  /** Unset: each command's own default. */
  logLevel: string | undefined;
}

/** The CLI's configuration; `root` as for `loadConfig`. Variables the CLI does not read are not checked. */
export function loadCliConfig(env: NodeJS.ProcessEnv, root: string): CliConfig {
  const read = new EnvReader(env);
  return read.done({ ...readDatabase(read, root), logLevel: read.logLevel() });
}

/** `DATABASE_URL` alone, checked: for code that needs the external server, if any, and nothing else. */
export function loadDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const read = new EnvReader(env);
  return read.done(read.postgresUrl('DATABASE_URL'));
}
