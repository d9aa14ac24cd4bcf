import { Client } from 'pg';

/**
 * Runs idempotent DDL (`create … if not exists`) under one advisory lock: several subgraphs start
 * at once against a fresh database, and PostgreSQL's catalog does not like concurrent creators.
 */
export async function runDdlOnce(url: string, ddl: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock(727001)');
    await client.query(ddl);
  } finally {
    await client.end();
  }
}
