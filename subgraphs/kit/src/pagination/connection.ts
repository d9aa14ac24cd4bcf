import { Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { BadInputError } from '../errors';

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
  const edges = nodes.map((node) => ({ cursor: encodeCursor(list, keyOf(node)), node }));
  const pageInfo = Object.assign(new PageInfo(), {
    hasNextPage: page.rows.length > request.first,
    endCursor: edges.at(-1)?.cursor ?? null,
  });
  return { edges, nodes, pageInfo, totalCount: page.totalCount };
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
