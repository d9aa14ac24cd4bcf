import pg from 'pg';

/*
 * Why: on the mixed partner load PostgreSQL spent ≈ 4 ms of CPU per request for ≈ 10 statements,
 * of which executing them was a fifth; planning alone took more than executing (pg_stat_statements
 * with track_planning, docs/benchmarks.md "Prepared statements"). pg and TypeORM send every
 * parameterised statement unnamed, so PostgreSQL parses, analyses and plans it afresh each time.
 * Named, a statement is parsed once per connection and, once PostgreSQL finds its generic plan as
 * good as the custom ones (plan_cache_mode auto, after five runs), planned once too.
 *
 * What is named: statements with parameters (the extended protocol, one statement each), up to
 * MAX_NAMED distinct texts per process; statements without parameters (BEGIN, a redemption's
 * simple-protocol round trips, DDL) are left alone. Not named either: a text that selects or
 * returns `*`. A column added by a migration changes such a statement's result type, and
 * PostgreSQL refuses to run a prepared statement whose result type changed ("cached plan must not
 * change result type") on every connection that prepared it, until it is deallocated; explicit
 * column lists keep their result type when columns are added. Should that error reach a named
 * statement anyway (a column's type changed), the connection re-prepares it under another name, so
 * only the one call fails, even inside a transaction.
 */

/** Distinct statement texts named per process: bounds the memory each connection's backend keeps. */
const MAX_NAMED = 256;

const names = new Map<string, string>();

/**
 * PASS_PREPARED_STATEMENTS=off sends every statement unnamed, as before: for a pooler in
 * transaction mode (PgBouncer's before 1.21), where a connection's prepared statements do not
 * follow the client, and for A/B runs of the benchmarks.
 */
const NAMING = process.env.PASS_PREPARED_STATEMENTS !== 'off';

/** `*` as a projection (`select *`, `b.*`, `returning *`), not `count(*)`. */
const STAR_PROJECTION = /\*\s*(,|from\b|$)/i;

/** The name a statement text runs under, or null when it runs unnamed. */
export function statementName(text: string): string | null {
  const known = names.get(text);
  if (known !== undefined) return known;
  if (!NAMING || names.size >= MAX_NAMED || STAR_PROJECTION.test(text)) return null;
  const name = `pass_${names.size + 1}`;
  names.set(text, name);
  return name;
}

const RESULT_TYPE_CHANGED = 'cached plan must not change result type';

/**
 * A `pg` client that names parameterised statements (handed to the pool as `Client`, see
 * openSubgraphDataSource). Callers keep calling `query(text, values)` as before.
 */
export class PreparingClient extends pg.Client {
  /**
   * Statements this connection re-prepared under another name after PostgreSQL refused the stale
   * one. Renaming needs no DEALLOCATE, which an aborted transaction would refuse; the stale
   * statement stays allocated until the connection closes (one per migration that changed it).
   */
  private renamed: Map<string, string> | undefined;
  private renames = 0;

  // pg's query has many overloads; this one only reroutes (text, values[, callback]).
  override query(config: any, values?: any, callback?: any): any {
    // pg's own query, read at call time (tracing wraps it), without a bound copy per statement.
    const query = (...args: unknown[]): any => (pg.Client.prototype.query as (...a: unknown[]) => any).apply(this, args);
    if (typeof config !== 'string' || !Array.isArray(values) || values.length === 0) return query(config, values, callback);
    const shared = statementName(config);
    if (shared === null) return query(config, values, callback);
    const name = this.renamed?.get(shared) ?? shared;
    if (typeof callback === 'function') {
      return query({ name, text: config }, values, (err: Error | null, result: unknown) => {
        if (err) this.renameIfStale(shared, err);
        callback(err, result);
      });
    }
    return (query({ name, text: config }, values) as Promise<unknown>).catch((err: Error) => {
      this.renameIfStale(shared, err);
      throw err;
    });
  }

  private renameIfStale(shared: string, err: Error): void {
    if (!err.message?.includes(RESULT_TYPE_CHANGED)) return;
    this.renamed ??= new Map();
    this.renamed.set(shared, `${shared}_r${++this.renames}`);
  }
}
