import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Role, ROLES } from '@pass/contracts';
import { ConfigError, loadCliConfig, loadConfig, loadDatabaseUrl, loadGatewayProcessConfig, loadSubgraphProcessConfig } from './config';
import { CONFIG_VARIABLES } from './variables';

const problemsOf = (env: NodeJS.ProcessEnv, load: (env: NodeJS.ProcessEnv) => unknown = loadConfig) => {
  try {
    load(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('gives every default on an empty environment', () => {
    expect(loadConfig({}, '/srv/hub')).toEqual({
      port: 4000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: '/srv/hub/.data/pg',
      pgPort: 54320,
      keysDir: '/srv/hub/.data/keys',
      production: false,
      persistedOnly: false,
      corsOrigins: [],
      introspectionRoles: ROLES,
      logLevel: 'info',
      rateLimit: { perSecond: 50, burst: 200 },
      layout: 'processes',
      gatewayWorkers: 1,
      useSubgraphSockets: true,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://hub:secret@db.internal:5432/pass',
      PASS_DATA_DIR: '/var/lib/pass',
      PASS_PG_PORT: '5433',
      PASS_KEYS_DIR: '/var/lib/pass-keys',
      PASS_CORS_ORIGINS: 'https://partner.example.org, http://localhost:5173',
      PASS_INTROSPECTION_ROLES: 'analyst',
      PASS_RATE_PER_SECOND: '10',
      PASS_RATE_BURST: '20',
      LOG_LEVEL: 'debug',
      PASS_LAYOUT: 'single',
      PASS_GATEWAY_WORKERS: '2',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://hub:secret@db.internal:5432/pass',
      dataDir: '/var/lib/pass',
      pgPort: 5433,
      keysDir: '/var/lib/pass-keys',
      corsOrigins: ['https://partner.example.org', 'http://localhost:5173'],
      introspectionRoles: [Role.ANALYST],
      logLevel: 'debug',
      rateLimit: { perSecond: 10, burst: 20 },
      layout: 'single',
      gatewayWorkers: 2,
    });
  });

  it('the gateway reaches subgraphs over Unix sockets unless PASS_SUBGRAPH_SOCKETS=0; each socket is an absolute, short path', () => {
    expect(loadConfig({}).useSubgraphSockets).toBe(true);
    expect(loadConfig({ PASS_SUBGRAPH_SOCKETS: '1' }).useSubgraphSockets).toBe(true);
    expect(loadConfig({ PASS_SUBGRAPH_SOCKETS: '0' }).useSubgraphSockets).toBe(false);
    const gateway = loadGatewayProcessConfig({ VOUCHERS_SOCKET: '/tmp/pass-sockets-x/vouchers.sock' }, '/srv/hub');
    expect(gateway.subgraphSockets).toEqual({ vouchers: '/tmp/pass-sockets-x/vouchers.sock' });
    expect(loadGatewayProcessConfig({}, '/srv/hub').subgraphSockets).toEqual({});
    const subgraph = { DATABASE_URL: 'postgres://db/pass', PASS_GATEWAY_PUBLIC_JWK: '{"kty":"OKP"}' };
    expect(loadSubgraphProcessConfig({ ...subgraph, PASS_SUBGRAPH_SOCKET: '/run/pass/vouchers.sock' }, 'vouchers').socketPath).toBe('/run/pass/vouchers.sock');
    expect(loadSubgraphProcessConfig(subgraph, 'vouchers').socketPath).toBeUndefined();
    expect(() => loadSubgraphProcessConfig({ ...subgraph, PASS_SUBGRAPH_SOCKET: 'vouchers.sock' }, 'vouchers')).toThrow(/PASS_SUBGRAPH_SOCKET: expected an absolute path/);
    expect(() => loadGatewayProcessConfig({ VENUES_SOCKET: `/tmp/${'x'.repeat(120)}.sock` }, '/srv/hub')).toThrow(/VENUES_SOCKET: a Unix socket path holds at most 107 bytes/);
  });

  it('production mode closes introspection to partner roles unless configured otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production' })).toMatchObject({ production: true, persistedOnly: true, introspectionRoles: [Role.ANALYST, Role.OPERATOR] });
    expect(loadConfig({ PASS_PERSISTED_ONLY: '1' })).toMatchObject({ production: false, persistedOnly: true, introspectionRoles: [Role.ANALYST, Role.OPERATOR] });
    expect(loadConfig({ NODE_ENV: 'production', PASS_INTROSPECTION_ROLES: 'analyst,operator,coordinator' }).introspectionRoles).toEqual([
      Role.ANALYST,
      Role.OPERATOR,
      Role.COORDINATOR,
    ]);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['HOST', 'my host'],
    ['DATABASE_URL', 'mysql://db/pass'],
    ['DATABASE_URL', 'not a url'],
    ['PASS_PG_PORT', '0'],
    ['PASS_PERSISTED_ONLY', 'yes'],
    ['PASS_CORS_ORIGINS', 'https://partner.example.org/'],
    ['PASS_CORS_ORIGINS', 'partner.example.org'],
    ['PASS_CORS_ORIGINS', 'ftp://partner.example.org'],
    ['PASS_INTROSPECTION_ROLES', 'analyst,auditor'],
    ['PASS_RATE_PER_SECOND', '0'],
    ['PASS_RATE_BURST', '1.5'],
    ['LOG_LEVEL', 'verbose'],
    ['PASS_LAYOUT', 'threads'],
    ['PASS_GATEWAY_WORKERS', '0'],
    ['PASS_SUBGRAPH_SOCKETS', 'yes'],
  ])('%s=%s stops with a message naming the variable', (variable, value) => {
    const problems = problemsOf({ [variable]: value });
    expect(problems.map((p) => p.variable)).toEqual([variable]);
    expect(new ConfigError(problems).message).toContain(`${variable}: `);
  });

  it('reports every bad variable at once and never echoes a database password', () => {
    const problems = problemsOf({ PORT: 'x', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://hub:hunter2@db/pass' });
    expect(problems.map((p) => p.variable).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT']);
    expect(new ConfigError(problems).message).not.toContain('hunter2');
  });

  it('the README documents every variable in its table, with the processes that read it', () => {
    const readme = readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'README.md'), 'utf8');
    for (const variable of CONFIG_VARIABLES) expect(readme).toMatch(new RegExp(`^\\| \`${variable.name}\` \\| ${variable.readBy} \\|`, 'm'));
  });
});

describe('loadGatewayProcessConfig', () => {
  it("defaults to the port table's subgraph URLs and the repository's files", () => {
    const config = loadGatewayProcessConfig({}, '/srv/hub');
    expect(config.subgraphUrls).toEqual({
      programmes: 'http://127.0.0.1:4001/graphql',
      beneficiaries: 'http://127.0.0.1:4002/graphql',
      venues: 'http://127.0.0.1:4003/graphql',
      vouchers: 'http://127.0.0.1:4004/graphql',
    });
    expect(config).toMatchObject({
      port: 4000,
      keysDir: '/srv/hub/.data/keys',
      supergraphPath: '/srv/hub/schema/supergraph.graphql',
      operationsDir: '/srv/hub/clients/operations',
      pagesDir: '/srv/hub/clients/dist/pages',
    });
  });

  it('takes the live settings given, leaves the others to the live server, and names a bad one', () => {
    expect(loadGatewayProcessConfig({}, '/srv/hub').live).toEqual({});
    expect(loadGatewayProcessConfig({ PASS_LIVE_POLL_MS: '250', PASS_LIVE_MAX_QUEUED_EVENTS: '20' }, '/srv/hub').live).toEqual({ pollMs: 250, maxQueuedEvents: 20 });
    expect(() => loadGatewayProcessConfig({ PASS_LIVE_MAX_SUBSCRIPTIONS_PER_TOKEN: '0' }, '/srv/hub')).toThrow(/PASS_LIVE_MAX_SUBSCRIPTIONS_PER_TOKEN: expected a whole number from 1 to 100000, got "0"/);
    expect(() => loadGatewayProcessConfig({ PASS_LIVE_KEEPALIVE_MS: '5s' }, '/srv/hub')).toThrow(/PASS_LIVE_KEEPALIVE_MS: expected a whole number/);
  });

  it("reads what the launcher hands it, the hub's settings included", () => {
    const config = loadGatewayProcessConfig(
      { VOUCHERS_URL: 'http://127.0.0.1:39999/graphql', PASS_KEYS_DIR: '/tmp/keys', PASS_CORS_ORIGINS: 'https://partner.example.org', PASS_RATE_PER_SECOND: '7' },
      '/srv/hub',
    );
    expect(config.subgraphUrls.vouchers).toBe('http://127.0.0.1:39999/graphql');
    expect(config).toMatchObject({ keysDir: '/tmp/keys', corsOrigins: ['https://partner.example.org'], rateLimit: { perSecond: 7, burst: 200 } });
  });

  it('reports a bad subgraph URL together with bad hub settings', () => {
    let problems: { variable: string }[] = [];
    try {
      loadGatewayProcessConfig({ VENUES_URL: 'venues:4003', PORT: 'x' }, '/srv/hub');
    } catch (err) {
      if (err instanceof ConfigError) problems = err.problems;
    }
    expect(problems.map((p) => p.variable).sort()).toEqual(['PORT', 'VENUES_URL']);
  });
});

describe('loadSubgraphProcessConfig', () => {
  const key = JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' });
  const alone = { DATABASE_URL: 'postgres://hub@127.0.0.1:5432/pass_hub', PASS_GATEWAY_PUBLIC_JWK: key };

  it("takes its port from the port table and its key as JSON", () => {
    expect(loadSubgraphProcessConfig(alone, 'venues')).toEqual({
      port: 4003,
      host: '127.0.0.1',
      databaseUrl: 'postgres://hub@127.0.0.1:5432/pass_hub',
      gatewayPublicKey: JSON.parse(key),
      logLevel: undefined,
      clockFile: undefined,
    });
    expect(loadSubgraphProcessConfig({ ...alone, PORT: '0', HOST: 'localhost', LOG_LEVEL: 'debug' }, 'vouchers')).toMatchObject({ port: 0, host: 'localhost', logLevel: 'debug' });
  });

  it('takes a test clock file only outside production, as an absolute path', () => {
    expect(loadSubgraphProcessConfig({ ...alone, PASS_CLOCK_FILE: '/tmp/pass-clock-x/now' }, 'vouchers').clockFile).toBe('/tmp/pass-clock-x/now');
    expect(() => loadSubgraphProcessConfig({ ...alone, PASS_CLOCK_FILE: 'now' }, 'vouchers')).toThrow(/PASS_CLOCK_FILE: expected an absolute path/);
    expect(() => loadSubgraphProcessConfig({ ...alone, PASS_CLOCK_FILE: '/tmp/now', NODE_ENV: 'production' }, 'vouchers')).toThrow(/PASS_CLOCK_FILE: a test clock is refused with NODE_ENV=production/);
  });

  it('requires its database and the gateway key, naming both at once', () => {
    const problems = problemsOf({}, (env) => loadSubgraphProcessConfig(env, 'programmes'));
    expect(problems.map((p) => p.variable)).toEqual(['DATABASE_URL', 'PASS_GATEWAY_PUBLIC_JWK']);
    expect(problems.every((p) => p.problem.startsWith('required: '))).toBe(true);
  });

  it.each([
    ['PORT', 'NaN'],
    ['PORT', '4003.5'],
    ['PORT', '65536'],
    ['PORT', ' -1'],
    ['HOST', 'two words'],
    ['DATABASE_URL', 'mysql://hub@db/pass'],
    ['PASS_GATEWAY_PUBLIC_JWK', '{not json'],
    ['PASS_GATEWAY_PUBLIC_JWK', '"a string"'],
    ['PASS_GATEWAY_PUBLIC_JWK', '{"crv":"Ed25519"}'],
    ['LOG_LEVEL', 'chatty'],
  ])('%s=%s stops a subgraph with a message naming the variable', (variable, value) => {
    const problems = problemsOf({ ...alone, [variable]: value }, (env) => loadSubgraphProcessConfig(env, 'beneficiaries'));
    expect(problems.map((p) => p.variable)).toEqual([variable]);
  });
});

describe('loadCliConfig', () => {
  it('defaults to the data and keys of `npm start` under the repository', () => {
    expect(loadCliConfig({}, '/srv/hub')).toEqual({ databaseUrl: undefined, dataDir: '/srv/hub/.data/pg', pgPort: 54320, keysDir: '/srv/hub/.data/keys', logLevel: undefined });
    expect(loadCliConfig({ PASS_PG_PORT: '5544', PASS_DATA_DIR: '/data', PASS_KEYS_DIR: '/keys', LOG_LEVEL: 'warn' }, '/srv/hub')).toEqual({
      databaseUrl: undefined,
      dataDir: '/data',
      pgPort: 5544,
      keysDir: '/keys',
      logLevel: 'warn',
    });
  });

  it('names each bad variable it reads, and ignores those it does not read', () => {
    const problems = problemsOf({ PASS_PG_PORT: 'five', DATABASE_URL: 'db.internal:5432', LOG_LEVEL: 'all', PORT: 'eighty', PASS_LAYOUT: 'threads' }, (env) => loadCliConfig(env, '/srv/hub'));
    expect(problems.map((p) => p.variable).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PASS_PG_PORT']);
  });
});

describe('loadDatabaseUrl', () => {
  it('gives the external server or nothing, and refuses a URL that is not PostgreSQL', () => {
    expect(loadDatabaseUrl({})).toBeUndefined();
    expect(loadDatabaseUrl({ DATABASE_URL: 'postgresql://db/pass' })).toBe('postgresql://db/pass');
    expect(problemsOf({ DATABASE_URL: 'http://db/pass' }, loadDatabaseUrl).map((p) => p.variable)).toEqual(['DATABASE_URL']);
  });
});
