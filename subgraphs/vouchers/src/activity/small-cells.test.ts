import { suppressSmallCells, type RedemptionCell } from './small-cells';

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
