import { spawnSync } from 'node:child_process';
import path from 'node:path';

const launcher = path.resolve(__dirname, '..', '..', 'clients', 'dist', 'cli', 'start.js');

/**
 * `npm start` with a bad variable stops before it starts anything (no PostgreSQL, no port taken),
 * with a message naming the variable. Runs the built launcher, as `npm start` does.
 */
describe('the launcher refuses a bad configuration', () => {
  it('exits 1 naming every bad variable, without a stack trace', () => {
    const bad = { PORT: 'eighty', PASS_CORS_ORIGINS: 'https://partner.example.org/app', PASS_INTROSPECTION_ROLES: 'analyst,everyone' };
    const run = spawnSync(process.execPath, [launcher], {
      env: { PATH: process.env.PATH, ...bad, PASS_DATA_DIR: '/nonexistent/never-created' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    for (const variable of Object.keys(bad)) expect(run.stderr).toContain(`${variable}: `);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stdout).not.toContain('hub ready');
  });
});
