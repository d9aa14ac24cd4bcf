import { runDdlOnce } from '@pass/runtime';
import { DataSource, type Logger as TypeOrmLogger, type MixedList, type EntitySchema } from 'typeorm';
import type { Logger } from '@pass/runtime';
import { PreparingClient } from './prepared-statements';

/**
 * Statements sent to PostgreSQL, per subgraph schema. The N+1 guard reads these: a list query
 * must cost the same number of statements for 10 items as for 1,000.
 */
export const sqlStatements = new Map<string, number>();

export function totalSqlStatements(): number {
  let total = 0;
  for (const count of sqlStatements.values()) total += count;
  return total;
}

class CountingLogger implements TypeOrmLogger {
  constructor(
    private readonly schema: string,
    private readonly logger: Logger,
  ) {}
  logQuery(query: string, _parameters?: unknown, queryRunner?: { data?: { background?: boolean } }): void {
    // Background work (replicating facts) is not a request's cost: the N+1 guard must not see it.
    if (queryRunner?.data?.background) return;
    sqlStatements.set(this.schema, (sqlStatements.get(this.schema) ?? 0) + 1);
    this.logger.trace({ sql: query }, 'sql');
  }
  logQueryError(error: string | Error, query: string): void {
    sqlStatements.set(this.schema, (sqlStatements.get(this.schema) ?? 0) + 1);
    this.logger.debug({ err: error, sql: query }, 'sql failed');
  }
  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, sql: query }, 'slow sql');
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.logger.info({ migration: message }, 'migration');
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn({ typeorm: message });
    else this.logger.debug({ typeorm: message });
  }
}

export interface SubgraphDataSourceOptions {
  url: string;
  /** The subgraph's own PostgreSQL schema: it owns every table in it and reads no other. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  logger: Logger;
  poolSize?: number;
}

/**
 * Opens the subgraph's DataSource on its own schema and brings the schema up to date with its
 * migrations (never `synchronize`: the schema changes only through reviewed migrations).
 * `search_path` is the subgraph's schema alone, so unqualified SQL cannot reach another's tables.
 */
export async function openSubgraphDataSource(options: SubgraphDataSourceOptions): Promise<DataSource> {
  await createSchemaOnce(options.url, options.schema);
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['query', 'error', 'warn', 'migration'],
    logger: new CountingLogger(options.schema, options.logger),
    maxQueryExecutionTime: 1000,
    applicationName: `pass-${options.schema}`,
    extra: {
      // Parameterised statements run as named prepared statements (prepared-statements.ts).
      Client: PreparingClient,
      max: options.poolSize ?? 10,
      options: `-c search_path=${options.schema}`,
    },
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}

function createSchemaOnce(url: string, schema: string): Promise<void> {
  if (!/^[a-z_]+$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  return runDdlOnce(url, `create schema if not exists ${schema}`);
}
