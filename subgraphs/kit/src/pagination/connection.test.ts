import { readPageRequest, readSortKey, toConnection, type PageRequest } from './connection';

const page = (afterKey: string | null): PageRequest => ({ first: 2, afterKey });
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: Record<string, unknown> }).extensions;
  }
  return undefined;
};

describe('sort keys of several columns', () => {
  test('the first page has none; a key the list wrote reads back column by column', () => {
    expect(readSortKey(page(null), ['timestamp', 'uuid'])).toBeNull();
    const key = JSON.stringify(['2026-11-30T21:00:00.123456Z', '0b7c2f9e-6a0e-4b7f-9a51-3f1f0c3f5a10']);
    expect(readSortKey(page(key), ['timestamp', 'uuid'])).toEqual(['2026-11-30T21:00:00.123456Z', '0b7c2f9e-6a0e-4b7f-9a51-3f1f0c3f5a10']);
    expect(readSortKey(page(JSON.stringify(["L'Atelier", '0b7c2f9e-6a0e-4b7f-9a51-3f1f0c3f5a10'])), ['text', 'uuid'])).toEqual([
      "L'Atelier",
      '0b7c2f9e-6a0e-4b7f-9a51-3f1f0c3f5a10',
    ]);
  });

  test('an edited key never reaches SQL: BAD_USER_INPUT naming after', () => {
    const id = '0b7c2f9e-6a0e-4b7f-9a51-3f1f0c3f5a10';
    for (const key of ['not json', '"a string"', JSON.stringify([id]), JSON.stringify(['2026-13-45T99:00:00Z', id]), JSON.stringify(['2026-11-30', id]), JSON.stringify(['2026-11-30T21:00:00Z', 'x']), JSON.stringify(['2026-11-30T21:00:00Z', 7])]) {
      expect(refusal(() => readSortKey(page(key), ['timestamp', 'uuid']))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    }
  });

  test("a page's cursors carry its rows' keys, and the next page reads them back", () => {
    const rows = [{ pageKey: JSON.stringify(['A', '0b7c2f9e-6a0e-4b7f-9a51-3f1f0c3f5a10']) }, { pageKey: JSON.stringify(['B', '1b7c2f9e-6a0e-4b7f-9a51-3f1f0c3f5a10']) }, { pageKey: 'unused' }];
    const connection = toConnection('Query.venues', page(null), { rows, totalCount: 5 }, (r) => r.pageKey);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    const next = readPageRequest('Query.venues', 2, connection.pageInfo.endCursor);
    expect(readSortKey(next, ['text', 'uuid'])).toEqual(['B', '1b7c2f9e-6a0e-4b7f-9a51-3f1f0c3f5a10']);
    expect(refusal(() => readPageRequest('Venue.sessions', 2, connection.pageInfo.endCursor))).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  test("each edge's cursor starts the page after its row; the last one's is the page's endCursor", () => {
    const rows = [{ pageKey: 'A' }, { pageKey: 'B' }, { pageKey: 'C' }];
    const connection = toConnection('Query.venues', { first: 2, afterKey: null }, { rows, totalCount: 3 }, (r) => r.pageKey);
    expect(connection.nodes).toEqual(rows.slice(0, 2));
    expect(connection.edges.map((e) => e.node)).toEqual(rows.slice(0, 2));
    expect(connection.edges.map((e) => readPageRequest('Query.venues', 1, e.cursor).afterKey)).toEqual(['A', 'B']);
    expect(connection.edges.at(-1)!.cursor).toBe(connection.pageInfo.endCursor);
    expect(toConnection('Query.venues', { first: 2, afterKey: null }, { rows: [], totalCount: 0 }, (r: { pageKey: string }) => r.pageKey).pageInfo.endCursor).toBeNull();
  });
});
