import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { ensureDatabase, openSubgraphDataSource, startPostgres, type SubgraphModule } from '@pass/kit';
import { ConfigError, createLogger, loadCliConfig, type CliConfig } from '@pass/runtime';

/**
 * What every operator command shares: exit codes, errors a person can act on, the database
 * (DATABASE_URL, else the embedded one of `npm start` — reused if it is running, started and
 * stopped around the command if not), and progress on standard error.
 */

export const ExitCode = {
  OK: 0,
  /** Something unexpected: a bug or an unreachable database. */
  FAILED: 1,
  /** The command line is wrong; `--help` says how. */
  USAGE: 2,
  /** The work was done, but some input was refused (e.g. bad rows of a venue file). */
  PARTIAL: 3,
  /** Nothing was done: the input as a whole was refused. */
  REFUSED: 4,
} as const;

/** An error whose message is meant for the operator, with the exit code to leave with. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = ExitCode.USAGE,
  ) {
    super(message);
  }
}

/** The one argument of a command that takes no option; anything else is a usage error. */
export function onlyArgument(args: string[], usage: string): string {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const [value, ...extra] = positionals;
  if (!value || extra.length > 0) throw new CliError(`expected ${usage}`);
  return value;
}

export interface Command {
  name: string;
  summary: string;
  help: string;
  run(args: string[]): Promise<number>;
}

const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * The CLI's settings (DATABASE_URL, PASS_DATA_DIR, PASS_PG_PORT, PASS_KEYS_DIR, LOG_LEVEL), checked by
 * the hub's config module each time a command needs them: a bad one is a usage error naming it.
 */
export function cliConfig(): CliConfig {
  try {
    return loadCliConfig(process.env, ROOT);
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message, ExitCode.USAGE);
    throw err;
  }
}

/** The hub's key file directory: PASS_KEYS_DIR, else .data/keys as `npm start` writes it. */
export const keysDir = (): string => cliConfig().keysDir;

/** The embedded PostgreSQL of `npm start` on its port (PASS_PG_PORT), `database` in it. */
export const embeddedUrl = (pgPort: number, database = 'postgres'): string => `postgres://postgres:pass-numerique-local@127.0.0.1:${pgPort}/${database}`;

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface Database {
  url: string;
  description: string;
  close(): Promise<void>;
}

/** The hub's database: DATABASE_URL, else the embedded server of `npm start` (started here if needed). */
export async function openDatabase(): Promise<Database> {
  const config = cliConfig();
  if (config.databaseUrl) {
    return { url: config.databaseUrl, description: 'PostgreSQL from DATABASE_URL', close: async () => undefined };
  }
  const running = embeddedUrl(config.pgPort);
  if (await reachable(running)) {
    return { url: await ensureDatabase(running, 'pass_hub'), description: `the running embedded PostgreSQL (port ${config.pgPort})`, close: async () => undefined };
  }
  const logger = createLogger('cli', { toStandardError: true });
  logger.level = 'warn';
  const postgres = await startPostgres({ dataDir: config.dataDir, port: config.pgPort, logger });
  return { url: await ensureDatabase(postgres.serverUrl, 'pass_hub'), description: `the embedded PostgreSQL (${config.dataDir}, started for this command)`, close: () => postgres.stop() };
}

/** A subgraph's own tables, brought up to date by its migrations, as the subgraph itself opens them. */
export async function openSubgraphTables(url: string, module: SubgraphModule<unknown>): Promise<DataSource> {
  const logger = createLogger(`cli-${module.name}`, { toStandardError: true });
  // A job's statements are long by nature (100,000 vouchers per insert): the server's "slow sql"
  // warnings would only break the progress bar. LOG_LEVEL=warn brings them back.
  logger.level = cliConfig().logLevel ?? 'error';
  return openSubgraphDataSource({ url, schema: module.name, entities: module.entities, migrations: module.migrations, logger, poolSize: 2 });
}

const number = (n: number): string => n.toLocaleString('en-GB');

/**
 * A progress bar on standard error: redrawn in place on a terminal, one line per tenth of the
 * work otherwise (logs, CI, tests), so a long job always shows signs of life.
 */
export class Progress {
  private readonly started = performance.now();
  private lastDecile = -1;
  private readonly tty = Boolean(process.stderr.isTTY);

  constructor(
    private readonly label: string,
    private readonly total: number | undefined,
    /** What `items` counts, for the rate ("rows"). */
    private readonly unit: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  /** `last` forces a line off a terminal: the final figures always show. */
  update(done: number, detail: string, last = false, items = done): void {
    const seconds = (performance.now() - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(items / seconds) : 0;
    const fraction = this.total ? Math.min(1, done / this.total) : undefined;
    if (this.tty) {
      const width = 30;
      const bar = fraction === undefined ? '' : `[${'#'.repeat(Math.round(fraction * width)).padEnd(width, '-')}] ${Math.round(fraction * 100)}% `;
      this.stream.write(`\r${this.label} ${bar}${detail} (${number(rate)} ${this.unit}/s)   `);
      return;
    }
    const decile = fraction === undefined ? Math.floor(done / 1000) : Math.floor(fraction * 10);
    if (decile === this.lastDecile && !last) return;
    this.lastDecile = decile;
    this.stream.write(`${this.label} ${fraction === undefined ? '' : `${Math.round(fraction * 100)}% `}${detail} (${number(rate)} ${this.unit}/s)\n`);
  }

  done(): { seconds: number } {
    if (this.tty) this.stream.write('\n');
    return { seconds: (performance.now() - this.started) / 1000 };
  }
}

export { number as formatNumber };

/** Peak resident memory of this process so far, in MiB. */
export function peakRssMiB(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
