import path from 'node:path';
import { createLogger, startPostgres } from '@pass/kit';

/**
 * Starts one PostgreSQL for the whole test run (embedded unless DATABASE_URL is set); each test
 * file then gets a fresh database of its own on it.
 */
export default async function globalSetup(): Promise<void> {
  const postgres = await startPostgres({
    dataDir: process.env.PASS_TEST_DATA_DIR ?? path.resolve(__dirname, '..', '..', '..', '.data', 'pg-test'),
    port: Number(process.env.PASS_TEST_PG_PORT ?? 54321),
    logger: createLogger('test-postgres'),
  });
  process.env.PASS_TEST_SERVER_URL = postgres.serverUrl;
  (globalThis as { __passPostgres?: typeof postgres }).__passPostgres = postgres;
}
