import fc from 'fast-check';
import { creditsFor } from './credit-split';

const thirds = [
  { funderId: 'a', basisPoints: 3333 },
  { funderId: 'b', basisPoints: 3333 },
  { funderId: 'c', basisPoints: 3334 },
];

describe('credits back to funders', () => {
  test('three funders at 3333/3333/3334 bp get the blocked value to the cent', () => {
    // One €50 book: 1666.5 + 1666.5 + 1667; the leftover cent goes to the first of the tied remainders.
    expect(creditsFor(5000, thirds)).toEqual([
      { funderId: 'a', amountCents: 1667 },
      { funderId: 'b', amountCents: 1666 },
      { funderId: 'c', amountCents: 1667 },
    ]);
    expect(creditsFor(100, thirds).map((c) => c.amountCents)).toEqual([33, 33, 34]);
  });

  test('the CSO split, 65 % State, 14 % EU, 21 % CSO, of its whole budget', () => {
    const cso = [
      { funderId: 'state', basisPoints: 6500 },
      { funderId: 'eu', basisPoints: 1400 },
      { funderId: 'cso', basisPoints: 2100 },
    ];
    expect(creditsFor(7_850_000, cso).map((c) => c.amountCents)).toEqual([5_102_500, 1_099_000, 1_648_500]);
  });

  test('nothing blocked, nothing credited; a part that rounds to nothing gets no row', () => {
    expect(creditsFor(0, thirds)).toEqual([]);
    expect(creditsFor(1, thirds)).toEqual([{ funderId: 'c', amountCents: 1 }]);
  });

  test('credits always sum to the blocked value, each within a cent of its exact share', () => {
    const shares = fc
      .array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 8 })
      .map((weights) => {
        // Turn arbitrary weights into basis points summing to exactly 10,000.
        const total = weights.reduce((a, b) => a + b, 0);
        const bps = weights.map((w) => Math.max(1, Math.floor((w * 10_000) / total)));
        bps[0]! += 10_000 - bps.reduce((a, b) => a + b, 0);
        return bps;
      })
      .filter((bps) => bps.every((bp) => bp > 0))
      .map((bps) => bps.map((basisPoints, i) => ({ funderId: `f${i}`, basisPoints })));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), shares, (blocked, funders) => {
        const credits = creditsFor(blocked, funders);
        expect(credits.reduce((sum, c) => sum + c.amountCents, 0)).toBe(blocked);
        for (const c of credits) {
          const exact = (blocked * funders.find((f) => f.funderId === c.funderId)!.basisPoints) / 10_000;
          expect(Math.abs(c.amountCents - exact)).toBeLessThan(1);
        }
      }),
    );
  });
});
