import path from 'node:path';
import { ROLES, Role } from '@pass/access';
import { HUB_PORTS, SUBGRAPH_NAMES, subgraphUrl, subgraphUrlVariable, type SubgraphName } from '@pass/contracts';

/**
 * Every environment variable the hub reads, parsed once at start-up. A bad value stops the start
 * with a message naming the variable, rather than surfacing later as a strange failure (a port of
 * `NaN` binds a random port; a misspelt origin silently blocks a partner's frontend).
 */
export interface HubConfig {
  /** The gateway's port; the four subgraphs take theirs from the port table (`HUB_PORTS`) when it is not 0. */
  port: number;
  /** Where the gateway binds. Subgraphs always stay on loopback: only the gateway calls them. */
  host: string;
  /** An external PostgreSQL; when absent the launcher starts the embedded one. */
  databaseUrl: string | undefined;
  /** The embedded PostgreSQL's data directory and port. */
  dataDir: string;
  pgPort: number;
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
}

export interface ConfigVariable {
  name: string;
  /** Which processes read it: the launcher (`npm start`), the gateway's, a subgraph's. */
  readBy: string;
  /** As written in the README's table. */
  default: string;
  meaning: string;
}

/** Subgraphs' ports as the README's table writes them (`4001–4004`), read off the port table. */
const portRange = (names: readonly SubgraphName[]): string => `${HUB_PORTS[names[0]!]}–${HUB_PORTS[names[names.length - 1]!]}`;
const SUBGRAPH_PORTS = portRange(SUBGRAPH_NAMES);

/** The documented list; a test checks the README's table names each of them. Port numbers come from the port table only. */
export const CONFIG_VARIABLES: ConfigVariable[] = [
  { name: 'PORT', readBy: 'launcher, gateway, subgraph', default: `${HUB_PORTS.gateway} (a subgraph: its port in the table)`, meaning: `the gateway's port (\`/graphql\`, \`/graphiql\`, health, metrics); the subgraphs take ${SUBGRAPH_PORTS} (the port table, \`subgraphs/contracts/src/ports.ts\`). \`0\` picks free ports. A subgraph started on its own reads it as its own port` },
  { name: 'HOST', readBy: 'launcher, gateway, subgraph', default: '127.0.0.1', meaning: 'the address the gateway binds; `0.0.0.0` to serve beyond this machine (behind a TLS proxy). Subgraphs stay on loopback' },
  { name: 'DATABASE_URL', readBy: 'launcher, gateway, subgraph', default: '(embedded)', meaning: "a `postgres://` URL of an existing PostgreSQL server and database; unset, `npm start` runs an embedded PostgreSQL and hands its URL to every process. Required by a subgraph started on its own; the gateway's key ring, revocations and live wake-ups use it" },
  { name: 'PASS_DATA_DIR', readBy: 'launcher', default: '.data/pg', meaning: "the embedded PostgreSQL's data directory (delete it to start from scratch)" },
  { name: 'PASS_PG_PORT', readBy: 'launcher', default: '54320', meaning: "the embedded PostgreSQL's port" },
  { name: 'PASS_LAYOUT', readBy: 'launcher', default: 'processes', meaning: '`processes`: the gateway and each subgraph in a process of its own, restarted by the launcher when one dies; `single`: everything in the launcher\'s process (docs/benchmarks.md, "Process layout", compares them)' },
  { name: 'PASS_GATEWAY_WORKERS', readBy: 'launcher, gateway', default: '1', meaning: 'gateway processes sharing its port (node:cluster), `processes` layout only; each enforces the per-token rate limit on its own' },
  { name: 'NODE_ENV', readBy: 'launcher, gateway', default: '(unset)', meaning: '`production` turns on production mode: persisted operations only for partner roles, introspection only for `PASS_INTROSPECTION_ROLES`' },
  { name: 'PASS_PERSISTED_ONLY', readBy: 'launcher, gateway', default: '0', meaning: '`1`: production mode for operations and introspection without `NODE_ENV=production`' },
  { name: 'PASS_CORS_ORIGINS', readBy: 'launcher, gateway', default: '(none)', meaning: 'comma-separated origins (`https://app.example.org`) whose browser pages may call `/graphql`; no cookies, bearer tokens only' },
  { name: 'PASS_INTROSPECTION_ROLES', readBy: 'launcher, gateway', default: 'every role; `analyst,operator` in production mode', meaning: 'comma-separated roles whose tokens may introspect the schema (GraphiQL needs it)' },
  { name: 'PASS_RATE_PER_SECOND', readBy: 'launcher, gateway', default: '50', meaning: 'units per second allowed per token at the gateway, a light request being one unit and a costly one more (query cost and aggregates, calibrated on measured CPU)' },
  { name: 'PASS_RATE_BURST', readBy: 'launcher, gateway', default: '200', meaning: 'units a token may spend at once above that rate' },
  { name: 'LOG_LEVEL', readBy: 'every process', default: 'info (warn under tests)', meaning: 'pino level: `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`' },
  ...SUBGRAPH_NAMES.map((name, i) => ({
    name: subgraphUrlVariable(name),
    readBy: 'gateway',
    default: subgraphUrl(name),
    meaning:
      i === 0
        ? `the ${name} subgraph's \`/graphql\` (the launcher sets it; likewise ${SUBGRAPH_NAMES.slice(1).map((other) => `\`${subgraphUrlVariable(other)}\``).join(', ')} on ${portRange(SUBGRAPH_NAMES.slice(1))})`
        : `the ${name} subgraph's \`/graphql\``,
  })),
  { name: 'PASS_KEYS_DIR', readBy: 'launcher, gateway', default: '.data/keys', meaning: 'the directory holding the key ring `hub-keys.json` (created on first start); the launcher hands the gateway its public key for the subgraphs' },
  { name: 'PASS_SUPERGRAPH', readBy: 'gateway', default: 'schema/supergraph.graphql', meaning: 'the composed supergraph the gateway plans with' },
  { name: 'PASS_OPERATIONS_DIR', readBy: 'gateway', default: 'clients/operations', meaning: "the registered partner operations (`.graphql` files): production mode's allow-list and GraphiQL's tabs" },
  { name: 'PASS_PAGES_DIR', readBy: 'gateway', default: 'clients/dist/pages', meaning: 'the built dashboard and venue pages the gateway serves; a missing directory serves none' },
  { name: 'PASS_GATEWAY_PUBLIC_JWK', readBy: 'subgraph', default: '(set by the launcher)', meaning: "the gateway's public key (JWK, JSON) with which a subgraph checks caller assertions; required when a subgraph is started on its own" },
];

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; problem: string }[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads the environment; throws a `ConfigError` listing every bad variable at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, defaults: { dataDir: string } = { dataDir: '.data/pg' }): HubConfig {
  const problems: { variable: string; problem: string }[] = [];
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === '' ? undefined : raw;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems.push({ variable: name, problem: `expected a whole number from ${min} to ${max}, got "${raw}"` });
      return fallback;
    }
    return Number(raw);
  };
  const flag = (name: string): boolean => {
    const raw = value(name);
    if (raw === undefined) return false;
    if (raw === '1' || raw === 'true') return true;
    if (raw === '0' || raw === 'false') return false;
    problems.push({ variable: name, problem: `expected 1 or 0, got "${raw}"` });
    return false;
  };
  const list = (name: string): string[] | undefined =>
    value(name)
      ?.split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');

  const port = integer('PORT', 4000, 0, 65535);
  const host = value('HOST') ?? '127.0.0.1';
  if (!/^[\w.:-]+$/.test(host)) problems.push({ variable: 'HOST', problem: `expected an address or host name, got "${host}"` });

  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl !== undefined) {
    let protocol = '';
    try {
      protocol = new URL(databaseUrl).protocol;
    } catch {
      // Reported below with the same message as a wrong scheme.
    }
    // The URL itself may hold a password: never echo it.
    if (protocol !== 'postgres:' && protocol !== 'postgresql:') problems.push({ variable: 'DATABASE_URL', problem: 'expected a postgres:// or postgresql:// URL' });
  }

  const nodeEnv = value('NODE_ENV');
  const production = nodeEnv === 'production';
  const persistedOnly = flag('PASS_PERSISTED_ONLY') || production;

  const corsOrigins = (list('PASS_CORS_ORIGINS') ?? []).filter((origin) => {
    // Browsers send the origin as scheme://host[:port], nothing more: anything else can never match.
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      problems.push({ variable: 'PASS_CORS_ORIGINS', problem: `"${origin}" is not an origin (scheme://host[:port], no path or trailing slash)` });
      return false;
    }
    return true;
  });

  const roles = list('PASS_INTROSPECTION_ROLES');
  const unknownRoles = roles?.filter((r) => !ROLES.includes(r as Role)) ?? [];
  if (unknownRoles.length > 0) {
    problems.push({ variable: 'PASS_INTROSPECTION_ROLES', problem: `unknown role ${unknownRoles.map((r) => `"${r}"`).join(', ')} (roles: ${ROLES.join(', ')})` });
  }
  const introspectionRoles = roles ? (roles.filter((r) => ROLES.includes(r as Role)) as Role[]) : defaultIntrospectionRoles(persistedOnly);

  const logLevel = value('LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push({ variable: 'LOG_LEVEL', problem: `expected one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"` });

  const config: HubConfig = {
    port,
    host,
    databaseUrl,
    dataDir: value('PASS_DATA_DIR') ?? defaults.dataDir,
    pgPort: integer('PASS_PG_PORT', 54320, 1, 65535),
    production,
    persistedOnly,
    corsOrigins,
    introspectionRoles,
    logLevel,
    rateLimit: { perSecond: integer('PASS_RATE_PER_SECOND', 50, 1, 1_000_000), burst: integer('PASS_RATE_BURST', 200, 1, 1_000_000) },
    layout: 'processes',
    gatewayWorkers: integer('PASS_GATEWAY_WORKERS', 1, 1, 64),
  };
  const layout = value('PASS_LAYOUT') ?? 'processes';
  if (layout === 'processes' || layout === 'single') config.layout = layout;
  else problems.push({ variable: 'PASS_LAYOUT', problem: `expected processes or single, got "${layout}"` });
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
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
  keysDir: string;
  supergraphPath: string;
  operationsDir: string;
  pagesDir: string;
}

/**
 * The gateway process's configuration (`node gateway/dist/main.js`): the hub's variables, checked
 * by `loadConfig`, and where the subgraphs, keys, supergraph, operations and pages are. Every bad
 * variable is reported at once, as for `npm start`.
 */
export function loadGatewayProcessConfig(env: NodeJS.ProcessEnv, root: string): GatewayProcessConfig {
  const problems: { variable: string; problem: string }[] = [];
  let hub: HubConfig | undefined;
  try {
    hub = loadConfig(env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    problems.push(...err.problems);
  }
  const subgraphUrls = {} as Record<SubgraphName, string>;
  for (const name of SUBGRAPH_NAMES) {
    const variable = subgraphUrlVariable(name);
    const raw = env[variable]?.trim() || subgraphUrl(name, HUB_PORTS[name]);
    let protocol = '';
    try {
      protocol = new URL(raw).protocol;
    } catch {
      // reported below
    }
    if (protocol !== 'http:' && protocol !== 'https:') problems.push({ variable, problem: `expected an http:// URL of the subgraph's /graphql, got "${raw}"` });
    subgraphUrls[name] = raw;
  }
  const pathOf = (variable: string, fallback: string) => env[variable]?.trim() || fallback;
  if (problems.length > 0 || !hub) throw new ConfigError(problems);
  return {
    ...hub,
    subgraphUrls,
    keysDir: pathOf('PASS_KEYS_DIR', path.join(root, '.data', 'keys')),
    supergraphPath: pathOf('PASS_SUPERGRAPH', path.join(root, 'schema', 'supergraph.graphql')),
    operationsDir: pathOf('PASS_OPERATIONS_DIR', path.join(root, 'clients', 'operations')),
    pagesDir: pathOf('PASS_PAGES_DIR', path.join(root, 'clients', 'dist', 'pages')),
  };
}
