import { anonymisationDueOn, firstEndDateStillRetained, isAnonymisationDue } from './retention';

describe('retention: 12 months after a programme ends', () => {
  test.each([
    ['2025-06-30', '2026-07-01'],
    ['2025-12-31', '2027-01-01'],
    ['2024-02-29', '2025-03-01'],
    ['2025-01-31', '2026-02-01'],
  ])('a programme ending %s is due on %s', (end, due) => {
    expect(anonymisationDueOn(end)).toBe(due);
  });

  test('the day before is not due; the day itself is, in Paris time', () => {
    expect(isAnonymisationDue('2025-06-30', new Date('2026-06-30T21:59:00Z'))).toBe(false);
    expect(isAnonymisationDue('2025-06-30', new Date('2026-06-30T22:00:00Z'))).toBe(true);
  });

  test('the earliest end date still retained is the day after the latest one due', () => {
    const now = new Date('2026-07-01T10:00:00Z');
    expect(firstEndDateStillRetained(now)).toBe('2025-07-01');
    expect(isAnonymisationDue('2025-06-30', now)).toBe(true);
    expect(isAnonymisationDue('2025-07-01', now)).toBe(false);
  });
});
