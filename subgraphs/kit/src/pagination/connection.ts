import { Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type DataLoader from 'dataloader';
import type { DataSource, ObjectLiteral } from 'typeorm';
import { entityReader } from '../db/entity-reader';
import { BadInputError, isUuid } from '../errors';
import { aggregateLoader } from '../loaders';

/**
 * Lists that can grow are connections: `first` / `after` with an opaque cursor, keyset-paginated
 * in SQL by the list's own order. A cursor names the last row a page showed (its sort key), so a
 * page costs the same whatever its depth, and rows added before the cursor never shift the pages
 * after it. Every connection of the hub uses these helpers, so they all bound, encode and answer
 * the same way.
 */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

/** Shared by every connection; shareable so that any subgraph may serve connections. */
@ObjectType({ description: 'Where a page of a connection stands: pass `endCursor` as `after` to get the next page.' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether rows follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last row of this page; null when the page is empty.' })
  endCursor!: string | null;
}

/** The arguments a page is asked with, checked: `afterKey` is the sort key the page starts after. */
export interface PageRequest {
  first: number;
  afterKey: string | null;
}

// The list's name is part of the cursor, so a cursor from one list is refused by another.
const CURSOR_VERSION = 'v1';

export function encodeCursor(list: string, key: string): string {
  return Buffer.from(JSON.stringify([CURSOR_VERSION, list, key]), 'utf8').toString('base64url');
}

/** Checks `first` (1 to 100) and decodes `after`; either mistake is BAD_USER_INPUT naming the argument. */
export function readPageRequest(list: string, first: number, after: string | null | undefined): PageRequest {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadInputError(`first must be between 1 and ${MAX_PAGE_SIZE}`, 'first');
  }
  if (after === null || after === undefined) return { first, afterKey: null };
  return { first, afterKey: decodeCursor(list, after) };
}

function decodeCursor(list: string, cursor: string): string {
  const refused = () => new BadInputError('after is not a cursor of this list: pass an endCursor it returned', 'after');
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) throw refused();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  if (!Array.isArray(decoded) || decoded.length !== 3) throw refused();
  const [version, ofList, key] = decoded as unknown[];
  if (version !== CURSOR_VERSION || ofList !== list || typeof key !== 'string' || key === '') throw refused();
  return key;
}

/** A page as a store answers it: up to `first + 1` rows (the extra one only says more follow) and the list's size. */
export interface PageRows<T> {
  rows: T[];
  totalCount: number;
}

export const emptyPage = <T>(): PageRows<T> => ({ rows: [], totalCount: 0 });

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Turns a store's page into the connection a resolver returns; `keyOf` gives the row's sort key. */
export function toConnection<T>(list: string, request: PageRequest, page: PageRows<T>, keyOf: (row: T) => string): Connection<T> {
  const nodes = page.rows.slice(0, request.first);
  const last = nodes.at(-1);
  const pageInfo = Object.assign(new PageInfo(), {
    hasNextPage: page.rows.length > request.first,
    endCursor: last === undefined ? null : encodeCursor(list, keyOf(last)),
  });
  // Each row's cursor is encoded only when `edges` is asked for: most pages are read as `nodes`.
  let edges: Edge<T>[] | undefined;
  return {
    get edges() {
      return (edges ??= nodes.map((node) => ({ cursor: encodeCursor(list, keyOf(node)), node })));
    },
    nodes,
    pageInfo,
    totalCount: page.totalCount,
  };
}

/**
 * The GraphQL types of a connection of `nodeType`: `<Name>Connection` and `<Name>Edge`. Extend the
 * returned class with `@ObjectType('<Name>Connection')`, as type-graphql's generic types ask.
 */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} of a page, with its cursor.` })
  class EdgeType implements Edge<T> {
    @Field(() => String, { description: 'Pass as `after` to get the rows that follow this one.' })
    cursor!: string;

    @Field(() => nodeType, { description: 'The row itself.' })
    node!: T;
  }

  // Never emitted itself: only the named subclass is reachable from a field.
  @ObjectType()
  abstract class ConnectionClass implements Connection<T> {
    @Field(() => [EdgeType], { description: 'The rows of this page, each with its cursor.' })
    edges!: EdgeType[];

    @Field(() => [nodeType], { description: 'The rows of this page, when their cursors are not needed.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Whether more rows follow, and the cursor to ask for them.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Rows in the whole list, over every page.' })
    totalCount!: number;
  }
  return ConnectionClass;
}

/**
 * A row with its sort key as the store read it: several columns (a time then an id, a name then an
 * id) in one string, times to the microsecond as PostgreSQL keeps them, so that the next page starts
 * exactly after this row.
 */
export type Keyed<T> = T & { pageKey: string };

/** The shape of each column of a sort key, checked before a cursor's key reaches SQL. */
export type KeyPart = 'text' | 'uuid' | 'timestamp';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** The columns of a page's `afterKey` (null on the first page); a key that does not fit is BAD_USER_INPUT naming `after`. */
export function readSortKey(request: PageRequest, parts: KeyPart[]): string[] | null {
  if (request.afterKey === null) return null;
  const refused = () => new BadInputError('after is not a cursor of this list: pass an endCursor it returned', 'after');
  let columns: unknown;
  try {
    columns = JSON.parse(request.afterKey);
  } catch {
    throw refused();
  }
  if (!Array.isArray(columns) || columns.length !== parts.length) throw refused();
  const fits = (value: unknown, part: KeyPart) =>
    typeof value === 'string' &&
    (part === 'text' || (part === 'uuid' ? isUuid(value) : TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value))));
  if (!columns.every((value, i) => fits(value, parts[i]!))) throw refused();
  return columns as string[];
}

/** SQL giving a `timestamptz` column as a sort-key column: UTC, to the microsecond. */
export const sortKeyTime = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Pages of several parents' lists in one statement, whatever the number of parents. `keysetSql`
 * is given `columns`, the entity's select list (entity-reader.ts), and answers, for each parent,
 * `__owner` (the parent's id), `__total` (its list's size) and, when the page is not empty, the
 * page's rows in order: the entity's columns and `pageKey` (the sort key's columns, `text[]`); an
 * empty page is one row with a null `pageKey`. Typically a lateral join per parent that walks an
 * index on (parent, sort key), ordered by a `__rank` column. The rows come out as the entity's
 * repository would hydrate them (one reader for both), without a second statement to read them by id.
 */
export async function keysetPages<T extends ObjectLiteral>(
  db: DataSource,
  entity: new () => T,
  keysetSql: (columns: (alias?: string) => string) => string,
  parameters: unknown[],
): Promise<Map<string, PageRows<Keyed<T>>>> {
  const reader = entityReader(db, entity);
  const found: Array<Record<string, unknown> & { __owner: string; __total: number; __rank?: unknown; pageKey: string[] | null }> = await db.query(
    keysetSql(reader.columns),
    parameters,
  );
  const pages = new Map<string, PageRows<Keyed<T>>>();
  for (const { __owner: owner, __total: total, __rank: _rank, pageKey, ...columns } of found) {
    let page = pages.get(owner);
    if (!page) pages.set(owner, (page = { rows: [], totalCount: total }));
    // A row in several parents' pages (a venue qualified for two programmes) is a row of each.
    if (pageKey) page.rows.push(Object.assign(reader.hydrate(columns), { pageKey: JSON.stringify(pageKey) }));
  }
  return pages;
}

/**
 * One loader per page asked for (its size and cursor): the parents of a request that ask the same
 * page share one statement.
 */
export function pageLoaders<T>(
  fetch: (ids: string[], request: PageRequest) => Promise<Map<string, PageRows<T>>>,
): (request: PageRequest) => DataLoader<string, PageRows<T>> {
  const made = new Map<string, DataLoader<string, PageRows<T>>>();
  return (request) => {
    const asked = JSON.stringify(request);
    let loader = made.get(asked);
    if (!loader) made.set(asked, (loader = aggregateLoader((ids) => fetch(ids, request), () => emptyPage<T>())));
    return loader;
  };
}

/** Where a list of rows ordered by a time then id lives: its table, its parent's column, its time column. */
export interface TimeOrderedList {
  table: string;
  ownerColumn: string;
  timeColumn: string;
}

/**
 * One page of each owner's rows, by time then id, for all owners at once, after the sort key
 * (time, id) of the previous page's last row: a distributor's beneficiaries, a programme's orders,
 * a venue's or a workshop's sessions. Names come from the calling store, never from a request.
 */
export function timeOrderedPages<T extends ObjectLiteral>(
  db: DataSource,
  list: TimeOrderedList,
  entity: new () => T,
  ownerIds: string[],
  page: PageRequest,
): Promise<Map<string, PageRows<Keyed<T>>>> {
  const after = readSortKey(page, ['timestamp', 'uuid']);
  const { table, ownerColumn: owner, timeColumn: time } = list;
  return keysetPages(
    db,
    entity,
    (columns) =>
      `select o.id as "__owner", counted.total as "__total", r.*
         from unnest($1::uuid[]) as o(id)
         cross join lateral (select count(*)::int as total from ${table} where ${owner} = o.id) counted
         left join lateral (
           select ${columns()}, array[${sortKeyTime(time)}, id::text] as "pageKey", row_number() over (order by ${time}, id) as "__rank"
             from ${table}
            where ${owner} = o.id and ($3::timestamptz is null or (${time}, id) > ($3::timestamptz, $4::uuid))
            order by ${time}, id limit $2) r on true
        order by o.id, r."__rank"`,
    [ownerIds, page.first + 1, after?.[0] ?? null, after?.[1] ?? null],
  );
}
