import DataLoader from 'dataloader';
import { NotFoundError, isUuid } from './errors';

/**
 * Loaders live for one request. Each batch function runs one SQL statement for all the keys a
 * request level asked for, and answers in key order: that is what keeps a list of N items at a
 * constant number of statements.
 */
export function keyedLoader<V>(
  what: string,
  fetch: (ids: string[]) => Promise<V[]>,
  idOf: (row: V) => string,
): DataLoader<string, V> {
  return new DataLoader<string, V>(async (keys) => {
    const wellFormed = keys.filter(isUuid);
    const rows = wellFormed.length ? await fetch([...new Set(wellFormed)]) : [];
    const byId = new Map(rows.map((row) => [idOf(row), row]));
    // PostgreSQL answers uuids in lower case, whatever case they were asked in.
    return keys.map((key) => byId.get(key.toLowerCase()) ?? new NotFoundError(what, key));
  });
}

/** One-to-many: every key gets its (possibly empty) list, still in one statement per batch. */
export function groupedLoader<V>(
  fetch: (ids: string[]) => Promise<V[]>,
  parentIdOf: (row: V) => string,
): DataLoader<string, V[]> {
  return new DataLoader<string, V[]>(async (keys) => {
    const wellFormed = keys.filter(isUuid);
    const rows = wellFormed.length ? await fetch([...new Set(wellFormed)]) : [];
    const groups = new Map<string, V[]>();
    for (const row of rows) {
      const parent = parentIdOf(row);
      const group = groups.get(parent);
      if (group) group.push(row);
      else groups.set(parent, [row]);
    }
    return keys.map((key) => groups.get(key.toLowerCase()) ?? []);
  });
}

/** Aggregates per key (counts, sums): a key with no rows gets `empty`, not an error. */
export function aggregateLoader<V>(
  fetch: (ids: string[]) => Promise<Map<string, V>>,
  empty: () => V,
): DataLoader<string, V> {
  return new DataLoader<string, V>(async (keys) => {
    const wellFormed = keys.filter(isUuid);
    const found = wellFormed.length ? await fetch([...new Set(wellFormed)]) : new Map<string, V>();
    return keys.map((key) => found.get(key.toLowerCase()) ?? empty());
  });
}

/**
 * One read for every identical call while it runs: a call with the same ids (in any order) as a
 * call not yet answered gets that call's promise instead of a statement of its own. Nothing is
 * kept once it is answered, so an answer is never older than the read it waited for.
 *
 * For the statistical views of a programme (redemptions by day, by place, by venue): the gateway
 * sends one subgraph request per alias, each with its own per-request loaders, so an analyst's 15
 * aliases of `redemptionsByDay` made 15 identical scans (issue 12: 164 ms of PostgreSQL CPU for
 * the 15-alias query against 8 ms for one alias). The price: a call may be answered by a read that
 * started up to one statement earlier, and miss a redemption committed in between. Not for money
 * figures a caller may compare with what it just wrote.
 */
export function sharedWhileInFlight<V>(fetch: (ids: string[]) => Promise<V>): (ids: string[]) => Promise<V> {
  const running = new Map<string, Promise<V>>();
  return (ids) => {
    const key = [...ids].sort().join(',');
    let read = running.get(key);
    if (!read) {
      read = fetch(ids).finally(() => running.delete(key));
      running.set(key, read);
    }
    return read;
  };
}
