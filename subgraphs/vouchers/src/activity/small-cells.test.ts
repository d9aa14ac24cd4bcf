import { suppressSmallCells, suppressSmallRows, type RedemptionCell } from './small-cells';

const cell = (venueId: string, inseeCode: string | null, n: number): RedemptionCell => ({ venueId, inseeCode, vouchersRedeemed: n, amountCents: n * 1000 });

describe('suppressSmallCells', () => {
  test('cells of 1 to 4 are merged; a merged rest of 5 or more is kept as it is', () => {
    const { published, other } = suppressSmallCells([cell('a', '60175', 9), cell('b', '60175', 3), cell('c', '60463', 2), cell('d', '60414', 6)]);
    expect(published.map((c) => c.venueId).sort()).toEqual(['a', 'd']);
    expect(other).toEqual({ vouchersRedeemed: 5, amountCents: 5000 });
  });

  test('a merged rest of 1 to 4, recoverable from the total, takes in the smallest published cells until it reaches 5', () => {
    const { published, other } = suppressSmallCells([cell('a', '60175', 9), cell('b', '60175', 3), cell('d', '60414', 6)]);
    expect(published.map((c) => c.venueId)).toEqual(['a']);
    expect(other.vouchersRedeemed).toBe(9);
  });

  test('fewer than 5 in all: nothing is published, and the rest is below 5 (the caller hides it)', () => {
    const { published, other } = suppressSmallCells([cell('a', '60175', 3)]);
    expect(published).toEqual([]);
    expect(other.vouchersRedeemed).toBe(3);
  });

  test('a cell whose commune is not known yet is never published', () => {
    const { published, other } = suppressSmallCells([cell('a', null, 8), cell('b', '60175', 5)]);
    expect(published.map((c) => c.venueId)).toEqual(['b']);
    expect(other.vouchersRedeemed).toBe(8);
  });
});

describe('suppressSmallRows', () => {
  const row = (id: string, handedOut: number, redeemed: number) => ({ id, handedOut, redeemed });
  const counts = (r: ReturnType<typeof row>) => [r.handedOut, r.redeemed];

  test('a row with any count of 1 to 4 is left out; rows of 0 or 5 and more stay, in their order', () => {
    const rows = [row('a', 20, 40), row('b', 0, 0), row('c', 3, 10), row('d', 8, 2), row('e', 12, 25), row('f', 6, 4)];
    // Left out: c (3), d (2 redeemed), f (4 redeemed): they add up to 17 handed out and 16 redeemed.
    expect(suppressSmallRows(rows, counts).map((r) => r.id)).toEqual(['a', 'b', 'e']);
  });

  test('what is left out never adds up to 1 to 4: the smallest published rows go with it', () => {
    const rows = [row('a', 20, 40), row('b', 7, 9), row('c', 2, 0)];
    const published = suppressSmallRows(rows, counts);
    expect(published.map((r) => r.id)).toEqual(['a']);
    const left = rows.filter((r) => !published.includes(r));
    for (const i of [0, 1]) {
      const sum = left.reduce((n, r) => n + counts(r)[i]!, 0);
      expect(sum === 0 || sum >= 5).toBe(true);
    }
  });

  test('fewer than 5 in all: nothing is published', () => {
    expect(suppressSmallRows([row('a', 2, 1), row('b', 1, 0)], counts)).toEqual([]);
  });
});
