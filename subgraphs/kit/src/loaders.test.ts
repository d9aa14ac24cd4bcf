import { aggregateLoader, groupedLoader, keyedLoader, sharedWhileInFlight } from './loaders';
import { NotFoundError } from './errors';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

describe('loaders', () => {
  test('keyedLoader batches one fetch, answers in key order, and gives an Error per missing key', async () => {
    const fetch = jest.fn(async (ids: string[]) => ids.filter((id) => id !== B).reverse().map((id) => ({ id })));
    const loader = keyedLoader('Thing', fetch, (row) => row.id);
    const results = await loader.loadMany([A, B, C, 'not-a-uuid']);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]![0]).toEqual([A, B, C]);
    expect(results[0]).toEqual({ id: A });
    expect(results[1]).toBeInstanceOf(NotFoundError);
    expect((results[1] as NotFoundError).extensions.code).toBe('NOT_FOUND');
    expect(results[2]).toEqual({ id: C });
    expect(results[3]).toBeInstanceOf(NotFoundError);
  });

  test('malformed ids never reach the store', async () => {
    const fetch = jest.fn(async () => []);
    await keyedLoader('Thing', fetch, (row: { id: string }) => row.id).loadMany(['1 or 1=1', '']);
    expect(fetch).not.toHaveBeenCalled();
  });

  test('groupedLoader gives every key its list, empty when nothing matches', async () => {
    const rows = [
      { parent: A, n: 1 },
      { parent: C, n: 2 },
      { parent: A, n: 3 },
    ];
    const loader = groupedLoader(async () => rows, (row) => row.parent);
    expect(await loader.loadMany([A, B, C])).toEqual([[rows[0], rows[2]], [], [rows[1]]]);
  });

  test('aggregateLoader falls back to the empty value', async () => {
    const loader = aggregateLoader(async () => new Map([[A, 5]]), () => 0);
    expect(await loader.loadMany([A, B])).toEqual([5, 0]);
  });

  test('sharedWhileInFlight: identical calls under way share one read; none is kept after it', async () => {
    const reads: string[][] = [];
    const answers: ((rows: string) => void)[] = [];
    const read = sharedWhileInFlight((ids: string[]) => {
      reads.push(ids);
      return new Promise<string>((resolve) => answers.push(resolve));
    });
    const first = read([A, B]);
    const same = read([B, A]);
    const other = read([A]);
    expect(reads).toEqual([[A, B], [A]]);
    answers[0]!('rows of A and B');
    answers[1]!('rows of A');
    await expect(Promise.all([first, same, other])).resolves.toEqual(['rows of A and B', 'rows of A and B', 'rows of A']);
    // Answered: the next call reads afresh, and a failed read is not kept either.
    const again = read([A, B]);
    expect(reads).toHaveLength(3);
    answers[2]!('fresh');
    await expect(again).resolves.toBe('fresh');
    const failing = sharedWhileInFlight(async () => {
      reads.push(['failing']);
      throw new Error('statement failed');
    });
    await expect(failing([A])).rejects.toThrow('statement failed');
    await expect(failing([A])).rejects.toThrow('statement failed');
    expect(reads.filter((r) => r[0] === 'failing')).toHaveLength(2);
  });
});
