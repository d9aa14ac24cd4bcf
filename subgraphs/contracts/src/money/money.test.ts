import fc from 'fast-check';
import {
  BASIS_POINTS_TOTAL,
  assertCents,
  assertShares,
  formatEuros,
  splitByShares,
  type Cents,
} from './money';

/** Shares as arbitrary positive basis points summing to 10,000, built from cut points. */
const sharesArb = fc
  .uniqueArray(fc.integer({ min: 1, max: BASIS_POINTS_TOTAL - 1 }), { maxLength: 12 })
  .map((cuts) => {
    const bounds = [0, ...[...cuts].sort((a, b) => a - b), BASIS_POINTS_TOTAL];
    return bounds.slice(1).map((bound, i) => bound - (bounds[i] ?? 0));
  });

const amountArb = fc.oneof(
  fc.integer({ min: 0, max: 1_000 }),
  fc.integer({ min: 0, max: 100_000_000 }),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  fc.constantFrom(0, 1, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 1),
);

/** The reference implementation, exact by construction, to check the Number arithmetic against. */
function splitWithBigInt(amount: Cents, basisPoints: readonly number[]): Cents[] {
  const total = BigInt(BASIS_POINTS_TOTAL);
  const exact = basisPoints.map((bp) => BigInt(amount) * BigInt(bp));
  const parts = exact.map((x) => x / total);
  let leftover = BigInt(amount) - parts.reduce((a, b) => a + b, 0n);
  const order = exact
    .map((x, index) => ({ index, fraction: x % total }))
    .sort((a, b) =>
      a.fraction === b.fraction ? a.index - b.index : a.fraction > b.fraction ? -1 : 1,
    );
  for (const { index } of order) {
    if (leftover === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    leftover -= 1n;
  }
  return parts.map(Number);
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('assertCents', () => {
  it.each([0, 1, 7_850_000, Number.MAX_SAFE_INTEGER])('accepts %p', (n) => {
    expect(() => assertCents(n)).not.toThrow();
  });

  it.each([
    -1,
    0.5,
    10.01,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.MAX_SAFE_INTEGER + 1,
    2 ** 60,
  ])('rejects %p with a RangeError', (n) => {
    expect(() => assertCents(n)).toThrow(RangeError);
  });
});

describe('assertShares', () => {
  it.each([[[10_000]], [[6500, 1400, 2100]], [[3333, 3333, 3334]], [[1, 9999]]])(
    'accepts %p',
    (shares) => {
      expect(() => assertShares(shares)).not.toThrow();
    },
  );

  it('rejects shares that do not sum to 10,000 and says what they summed to', () => {
    expect(() => assertShares([6500, 1400, 2000])).toThrow(
      new RangeError('shares must sum to 10000 basis points, got 9900 (6500 + 1400 + 2000)'),
    );
    expect(() => assertShares([5000, 5001])).toThrow(/got 10001/);
  });

  it('rejects an empty list', () => {
    expect(() => assertShares([])).toThrow(RangeError);
  });

  it.each([
    [[0, 10_000], /share #0/],
    [[10_001, -1], /share #1/],
    [[5000.5, 4999.5], /share #0/],
    [[Number.NaN, 10_000], /share #0/],
    [[Number.POSITIVE_INFINITY], /share #0/],
  ])('rejects %p, naming the bad share', (shares, message) => {
    expect(() => assertShares(shares)).toThrow(RangeError);
    expect(() => assertShares(shares)).toThrow(message);
  });
});

describe('splitByShares', () => {
  it('splits the CSO programme budget between the State, the EU and the CSO', () => {
    expect(splitByShares(7_850_000, [6500, 1400, 2100])).toEqual([5_102_500, 1_099_000, 1_648_500]);
  });

  it.each<[Cents, Cents[]]>([
    // 33.33 / 33.33 / 33.34: the largest remainder is the third funder's.
    [100, [33, 33, 34]],
    // .3333 / .3333 / .3334: the single cent goes to the largest share.
    [1, [0, 0, 1]],
    // 2.3331 / 2.3331 / 2.3338 → 2 / 2 / 2 with one cent left, for the largest remainder.
    [7, [2, 2, 3]],
    // 0.6666 / 0.6666 / 0.6668 → two cents left over, for the third then the first (lower index).
    [2, [1, 0, 1]],
    [0, [0, 0, 0]],
    [10_000, [3333, 3333, 3334]],
    [7_850_000, [2_616_405, 2_616_405, 2_617_190]],
  ])('splits %p cents between three funders at 3333/3333/3334 exactly', (amount, expected) => {
    const parts = splitByShares(amount, [3333, 3333, 3334]);
    expect(parts).toEqual(expected);
    expect(sum(parts)).toBe(amount);
  });

  it('breaks ties between equal remainders in favour of the lower index', () => {
    expect(splitByShares(1, [5000, 5000])).toEqual([1, 0]);
    expect(splitByShares(2, [2500, 2500, 2500, 2500])).toEqual([1, 1, 0, 0]);
    expect(splitByShares(5, [2000, 2000, 2000, 2000, 2000])).toEqual([1, 1, 1, 1, 1]);
  });

  it('gives a single funder the whole amount', () => {
    expect(splitByShares(Number.MAX_SAFE_INTEGER, [10_000])).toEqual([Number.MAX_SAFE_INTEGER]);
  });

  it('stays exact at Number.MAX_SAFE_INTEGER, where amount × share overflows a double', () => {
    const amount = Number.MAX_SAFE_INTEGER;
    const shares = [6500, 1400, 2100];
    const parts = splitByShares(amount, shares);
    expect(parts).toEqual(splitWithBigInt(amount, shares));
    expect(sum(parts)).toBe(amount);
  });

  it('can give a funder a cent less when the amount grows (Alabama paradox)', () => {
    expect(splitByShares(5, [4500, 4500, 1000])).toEqual([2, 2, 1]);
    expect(splitByShares(6, [4500, 4500, 1000])).toEqual([3, 3, 0]);
  });

  it('validates its inputs', () => {
    expect(() => splitByShares(-1, [10_000])).toThrow(RangeError);
    expect(() => splitByShares(1.5, [10_000])).toThrow(RangeError);
    expect(() => splitByShares(100, [5000, 4000])).toThrow(RangeError);
    expect(() => splitByShares(100, [])).toThrow(RangeError);
  });

  describe('properties', () => {
    it('parts always add up to the amount', () => {
      fc.assert(
        fc.property(amountArb, sharesArb, (amount, shares) => {
          expect(sum(splitByShares(amount, shares))).toBe(amount);
        }),
      );
    });

    it('returns one non-negative safe integer part per share', () => {
      fc.assert(
        fc.property(amountArb, sharesArb, (amount, shares) => {
          const parts = splitByShares(amount, shares);
          expect(parts).toHaveLength(shares.length);
          for (const part of parts) {
            expect(Number.isSafeInteger(part) && part >= 0).toBe(true);
          }
        }),
      );
    });

    it('each part is the floor or the ceiling of its exact proportional value', () => {
      fc.assert(
        fc.property(amountArb, sharesArb, (amount, shares) => {
          splitByShares(amount, shares).forEach((part, i) => {
            const exactTimesTotal = BigInt(amount) * BigInt(shares[i] ?? 0);
            const partTimesTotal = BigInt(part) * BigInt(BASIS_POINTS_TOTAL);
            const gap = partTimesTotal - exactTimesTotal;
            // |part − exact| < 1 cent, scaled by 10,000 to stay in integers.
            const oneCent = BigInt(BASIS_POINTS_TOTAL);
            expect(gap > -oneCent && gap < oneCent).toBe(true);
          });
        }),
      );
    });

    it('matches an exact BigInt reference implementation', () => {
      fc.assert(
        fc.property(amountArb, sharesArb, (amount, shares) => {
          expect(splitByShares(amount, shares)).toEqual(splitWithBigInt(amount, shares));
        }),
      );
    });

    it('a larger share never gets a smaller part', () => {
      fc.assert(
        fc.property(amountArb, sharesArb, (amount, shares) => {
          const parts = splitByShares(amount, shares);
          shares.forEach((a, i) =>
            shares.forEach((b, j) => {
              if (a > b) expect(parts[i]).toBeGreaterThanOrEqual(parts[j] ?? 0);
            }),
          );
        }),
      );
    });

    it('equal shares get parts at most one cent apart, the extra cent to the lower index', () => {
      fc.assert(
        fc.property(amountArb, sharesArb, (amount, shares) => {
          const parts = splitByShares(amount, shares);
          shares.forEach((a, i) =>
            shares.forEach((b, j) => {
              if (a === b && i < j) {
                expect([0, 1]).toContain((parts[i] ?? 0) - (parts[j] ?? 0));
              }
            }),
          );
        }),
      );
    });

    it('splits whole multiples of 10,000 cents exactly in proportion, with no rounding', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: Math.floor(Number.MAX_SAFE_INTEGER / BASIS_POINTS_TOTAL) }),
          sharesArb,
          (multiple, shares) => {
            expect(splitByShares(multiple * BASIS_POINTS_TOTAL, shares)).toEqual(
              shares.map((bp) => multiple * bp),
            );
          },
        ),
      );
    });

    it('is deterministic', () => {
      fc.assert(
        fc.property(amountArb, sharesArb, (amount, shares) => {
          expect(splitByShares(amount, shares)).toEqual(splitByShares(amount, shares));
        }),
      );
    });
  });
});

describe('formatEuros', () => {
  it.each<[Cents, string]>([
    [7_850_000, '78500.00 €'],
    [78_500, '785.00 €'],
    [0, '0.00 €'],
    [1, '0.01 €'],
    [10, '0.10 €'],
    [99, '0.99 €'],
    [100, '1.00 €'],
    [1_099_000, '10990.00 €'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91 €'],
    // Near 2^53, where cents / 100 is no longer exact as a double.
    [9_007_199_254_740_899, '90071992547408.99 €'],
  ])('formats %p cents as %p', (cents, expected) => {
    expect(formatEuros(cents)).toBe(expected);
  });

  it('round-trips through its digits for any amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (cents) => {
        const text = formatEuros(cents);
        expect(text).toMatch(/^\d+\.\d\d €$/);
        expect(BigInt(text.replace(/[. €]/g, ''))).toBe(BigInt(cents));
      }),
    );
  });

  it('rejects amounts that are not cents', () => {
    expect(() => formatEuros(-100)).toThrow(RangeError);
    expect(() => formatEuros(12.5)).toThrow(RangeError);
  });
});
