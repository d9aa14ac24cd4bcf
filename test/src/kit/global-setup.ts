import { mkdtempSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { startPostgres } from '@pass/kit';
import { createLogger } from '@pass/runtime';
import { freePort } from './free-port';

/**
 * Starts one PostgreSQL for the whole test run (embedded unless DATABASE_URL is set) in a cluster
 * folder of its own on a free port, so two test runs on one machine never share a server; each
 * test file then gets a fresh database of its own on it.
 */
export default async function globalSetup(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..', '.data');
  mkdirSync(root, { recursive: true });
  const dataDir = mkdtempSync(path.join(root, 'pg-test-'));
  const postgres = await startPostgres({ dataDir, port: await freePort(), logger: createLogger('test-postgres') });
  process.env.PASS_TEST_SERVER_URL = postgres.serverUrl;
  (globalThis as { __passPostgres?: unknown }).__passPostgres = { postgres, dataDir };
}
