import { ROLES, Role } from '@pass/kit';

/**
 * Every environment variable the hub reads, parsed once at start-up. A bad value stops the start
 * with a message naming the variable, rather than surfacing later as a strange failure (a port of
 * `NaN` binds a random port; a misspelt origin silently blocks a partner's frontend).
 */
export interface HubConfig {
  /** The gateway's port; the four subgraphs take 4001–4004 when it is not 0. */
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
}

export interface ConfigVariable {
  name: string;
  /** As written in the README's table. */
  default: string;
  meaning: string;
}

/** The documented list; a test checks the README's table names each of them. */
export const CONFIG_VARIABLES: ConfigVariable[] = [
  { name: 'PORT', default: '4000', meaning: "the gateway's port (`/graphql`, `/graphiql`, health, metrics); the subgraphs take 4001–4004" },
  { name: 'HOST', default: '127.0.0.1', meaning: 'the address the gateway binds; `0.0.0.0` to serve beyond this machine (behind a TLS proxy). Subgraphs stay on loopback' },
  { name: 'DATABASE_URL', default: '(embedded)', meaning: 'a `postgres://` URL of an existing PostgreSQL server and database; unset, `npm start` runs an embedded PostgreSQL' },
  { name: 'PASS_DATA_DIR', default: '.data/pg', meaning: "the embedded PostgreSQL's data directory (delete it to start from scratch)" },
  { name: 'PASS_PG_PORT', default: '54320', meaning: "the embedded PostgreSQL's port" },
  { name: 'NODE_ENV', default: '(unset)', meaning: '`production` turns on production mode: persisted operations only for partner roles, introspection only for `PASS_INTROSPECTION_ROLES`' },
  { name: 'PASS_PERSISTED_ONLY', default: '0', meaning: '`1`: production mode for operations and introspection without `NODE_ENV=production`' },
  { name: 'PASS_CORS_ORIGINS', default: '(none)', meaning: 'comma-separated origins (`https://app.example.org`) whose browser pages may call `/graphql`; no cookies, bearer tokens only' },
  { name: 'PASS_INTROSPECTION_ROLES', default: 'every role; `analyst,operator` in production mode', meaning: 'comma-separated roles whose tokens may introspect the schema (GraphiQL needs it)' },
  { name: 'PASS_RATE_PER_SECOND', default: '50', meaning: 'requests per second allowed per token at the gateway' },
  { name: 'PASS_RATE_BURST', default: '200', meaning: 'burst allowed per token above that rate' },
  { name: 'LOG_LEVEL', default: 'info (warn under tests)', meaning: 'pino level: `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`' },
  { name: 'PASS_GATEWAY_PUBLIC_JWK', default: '(required for a lone subgraph)', meaning: "the gateway's public key (JWK, JSON) with which a subgraph started alone checks caller assertions" },
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
  };
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
