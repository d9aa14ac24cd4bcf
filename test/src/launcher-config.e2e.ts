import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const launcher = path.join(root, 'clients', 'dist', 'cli', 'start.js');

/** Runs a built entry point as `npm start` / `npm run hub` would, with only `env` set (and PATH). */
const run = (script: string, args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [script, ...args], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 60_000 });

/**
 * Every process checks its environment through the one config module and stops before it starts
 * anything (no PostgreSQL, no port taken), with a message naming each bad variable and no stack.
 */
describe('the launcher refuses a bad configuration', () => {
  it('exits 1 naming every bad variable, without a stack trace', () => {
    const bad = { PORT: 'eighty', PASS_CORS_ORIGINS: 'https://partner.example.org/app', PASS_INTROSPECTION_ROLES: 'analyst,everyone' };
    const started = run(launcher, [], { ...bad, PASS_DATA_DIR: '/nonexistent/never-created' });
    expect(started.status).toBe(1);
    for (const variable of Object.keys(bad)) expect(started.stderr).toContain(`${variable}: `);
    expect(started.stderr).not.toMatch(/^\s+at /m);
    expect(started.stdout).not.toContain('hub ready');
  });
});

describe('a subgraph started on its own refuses a bad configuration', () => {
  it('exits 1 naming a port that is not a number and the two variables it requires', () => {
    const started = run(path.join(root, 'subgraphs', 'venues', 'dist', 'main.js'), [], { PORT: 'NaN' });
    expect(started.status).toBe(1);
    for (const variable of ['PORT', 'DATABASE_URL', 'PASS_GATEWAY_PUBLIC_JWK']) expect(started.stderr).toContain(`${variable}: `);
    expect(started.stderr).not.toMatch(/^\s+at /m);
    expect(started.stdout).not.toContain('subgraph ready');
  });
});

describe('the operator CLI refuses a bad configuration', () => {
  it('`npm run hub` exits 2 (usage) naming the bad variables before it touches a database', () => {
    const started = run(path.join(root, 'clients', 'dist', 'cli', 'hub.js'), ['venues', 'export'], { PASS_PG_PORT: 'NaN', DATABASE_URL: 'db.internal:5432' });
    expect(started.status).toBe(2);
    for (const variable of ['PASS_PG_PORT', 'DATABASE_URL']) expect(started.stderr).toContain(`${variable}: `);
    expect(started.stdout).toBe('');
  });

  it('`npm run token` exits 1 naming the bad variable', () => {
    const started = run(path.join(root, 'clients', 'dist', 'cli', 'token.js'), ['--role', 'analyst', '--org', 'a'], { PASS_PG_PORT: '99999' });
    expect(started.status).toBe(1);
    expect(started.stderr).toContain('PASS_PG_PORT: ');
    expect(started.stdout).toBe('');
  });
});
