import { daysLeftUntil } from './programme.resolver';

describe('daysLeftUntil', () => {
  it('counts today and the last day, in Paris time', () => {
    expect(daysLeftUntil('2026-12-31', new Date('2026-12-31T12:00:00Z'))).toBe(1);
    expect(daysLeftUntil('2026-12-31', new Date('2026-12-01T12:00:00Z'))).toBe(31);
    // 23:30 UTC on 30 December is already 31 December in Paris.
    expect(daysLeftUntil('2026-12-31', new Date('2026-12-30T23:30:00Z'))).toBe(1);
  });

  it('is 0 once the last day has passed', () => {
    expect(daysLeftUntil('2026-12-31', new Date('2027-01-01T00:30:00+01:00'))).toBe(0);
    expect(daysLeftUntil('2026-12-31', new Date('2027-03-01T12:00:00Z'))).toBe(0);
  });
});
