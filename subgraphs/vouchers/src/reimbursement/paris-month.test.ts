import { parisDayOf, parisMonthOf } from '@pass/contracts';
import { hasMonthEnded, isMonth } from './paris-month';

describe('Paris calendar months', () => {
  test('an instant belongs to its Paris month, not its UTC one', () => {
    // 23:30 UTC on 31 January is 00:30 on 1 February in Paris (UTC+1 in winter).
    expect(parisMonthOf(new Date('2025-01-31T23:30:00Z'))).toBe('2025-02');
    expect(parisDayOf(new Date('2025-01-31T23:30:00Z'))).toBe('2025-02-01');
    // 22:30 UTC on 31 July is 00:30 on 1 August in Paris (UTC+2 in summer).
    expect(parisMonthOf(new Date('2025-07-31T22:30:00Z'))).toBe('2025-08');
    expect(parisMonthOf(new Date('2025-07-31T21:59:59Z'))).toBe('2025-07');
  });

  test('a month has ended from the first Paris instant of the next one', () => {
    expect(hasMonthEnded('2025-01', new Date('2025-01-31T22:59:59Z'))).toBe(false);
    expect(hasMonthEnded('2025-01', new Date('2025-01-31T23:00:00Z'))).toBe(true);
    expect(hasMonthEnded('2024-12', new Date('2025-01-01T00:00:00Z'))).toBe(true);
    expect(hasMonthEnded('2025-02', new Date('2025-01-15T12:00:00Z'))).toBe(false);
  });

  test.each(['2025-1', '2025-13', '2025-00', '25-01', '2025-01-01', ' 2025-01'])('%j is not a month', (text) => {
    expect(isMonth(text)).toBe(false);
    expect(() => hasMonthEnded(text, new Date())).toThrow(RangeError);
  });
});
