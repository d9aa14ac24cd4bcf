import { DataSource, type EntityManager, type ObjectLiteral, type ValueTransformer } from 'typeorm';

type ColumnMetadata = ReturnType<DataSource['getMetadata']>['columns'][number];

/** As TypeORM applies a column's transformers when it reads: a list from the last to the first. */
function transformFrom(transformer: ValueTransformer | ValueTransformer[], value: unknown): unknown {
  return Array.isArray(transformer) ? transformer.reduceRight((v, t) => t.from(v), value) : transformer.from(value);
}

/**
 * The hot reads of the subgraphs (the entities a partner query loads by id or by owner) as plain
 * SQL, hydrated to the same entity objects TypeORM's repositories return. On the funder's
 * programme query TypeORM's query building and hydration cost more CPU than the statements they
 * send (issue 12: `getQuery` alone was 6 % of the programmes subgraph's busy time); the select
 * list is built once per entity from its column metadata, so nothing is built per request.
 *
 * Kept equal to the repository's answer by `test/src/entity-reader.e2e.ts`: the column names and their
 * transformers (`bigintAsNumber`) come from the same decorators, `date` columns come back as
 * `YYYY-MM-DD` strings as TypeORM gives them, and a column kind it would hydrate differently from
 * `pg` (simple-array, simple-json, relations) is refused when the reader is built.
 */
export interface EntityReader<T> {
  /**
   * Every column as `"column" as "property"`, the column prefixed with `alias.` when one is given
   * and the property with `prefix` (two entities read in one join: `"funder.name"`).
   */
  columns(alias?: string, prefix?: string): string;
  table: string;
  /** A row of `columns()` (or of `columns(alias, prefix)`, with the same prefix) as the repository's entity object. */
  hydrate(row: Record<string, unknown>, prefix?: string): T;
}

// `char(n)` too: pg and TypeORM both hand over the padded text as it is.
const HYDRATED_BY_PG = new Set(['uuid', 'text', 'char', 'character', 'varchar', 'character varying', 'int', 'integer', 'smallint', 'bigint', 'boolean', 'timestamptz', 'timestamp with time zone', 'jsonb', 'json', 'double precision', 'numeric']);

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const readers = new WeakMap<Function, EntityReader<unknown>>();

function typeName(column: ColumnMetadata): string {
  return typeof column.type === 'string' ? column.type : column.type.name.toLowerCase();
}

function selectOf(column: ColumnMetadata, alias = '', prefix = ''): string {
  const type = typeName(column);
  const name = `${alias ? `${alias}.` : ''}"${column.databaseName}"`;
  // pg parses `date` into a JavaScript Date at local midnight; TypeORM hands it over as text.
  if (type === 'date') return `${name}::text as "${prefix}${column.propertyName}"`;
  if (!HYDRATED_BY_PG.has(type)) throw new Error(`readEntities: ${column.entityMetadata.name}.${column.propertyName} is a ${type} column, which pg and TypeORM hydrate differently`);
  return `${name} as "${prefix}${column.propertyName}"`;
}

/** The reader of an entity's rows, built once from its column metadata (see above). */
export function entityReader<T extends ObjectLiteral>(db: DataSource | EntityManager, entity: new () => T): EntityReader<T> {
  let reader = readers.get(entity) as EntityReader<T> | undefined;
  if (reader) return reader;
  const metadata = (db instanceof DataSource ? db : db.connection).getMetadata(entity);
  if (metadata.relations.length > 0 || metadata.embeddeds.length > 0) throw new Error(`readEntities: ${metadata.name} has relations or embedded columns`);
  const columns = metadata.columns;
  const unaliased = columns.map((c) => selectOf(c)).join(', ');
  const aliased = new Map<string, string>();
  const transformed = columns.filter((c) => c.transformer !== undefined);
  reader = {
    columns: (alias, prefix) => {
      if (alias === undefined && prefix === undefined) return unaliased;
      const key = `${alias ?? ''} ${prefix ?? ''}`;
      let select = aliased.get(key);
      if (select === undefined) aliased.set(key, (select = columns.map((c) => selectOf(c, alias, prefix)).join(', ')));
      return select;
    },
    table: `"${metadata.tableName}"`,
    hydrate(row, prefix) {
      let found: T;
      if (prefix === undefined) found = Object.assign(new entity(), row);
      else {
        found = new entity();
        for (const column of columns) (found as Record<string, unknown>)[column.propertyName] = row[`${prefix}${column.propertyName}`];
      }
      for (const column of transformed) {
        (found as Record<string, unknown>)[column.propertyName] = transformFrom(column.transformer!, (found as Record<string, unknown>)[column.propertyName]);
      }
      return found;
    },
  };
  readers.set(entity, reader as EntityReader<unknown>);
  return reader;
}

/**
 * `select <every column> from <entity's table> where <where> [order by <orderBy>]`, each row an
 * entity object. `where` and `orderBy` are SQL with `$n` parameters; the caller writes column
 * names as stored (`programme_id`), since they reach PostgreSQL as they are.
 */
export async function readEntities<T extends ObjectLiteral>(
  db: DataSource | EntityManager,
  entity: new () => T,
  where: string,
  params: unknown[],
  orderBy?: string,
): Promise<T[]> {
  const reader = entityReader(db, entity);
  const rows: Record<string, unknown>[] = await db.query(`select ${reader.columns()} from ${reader.table} where ${where}${orderBy ? ` order by ${orderBy}` : ''}`, params);
  return rows.map((row) => reader.hydrate(row));
}
