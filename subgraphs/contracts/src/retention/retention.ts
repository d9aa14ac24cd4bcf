import { parisDayOf } from '../paris-date';

/**
 * How long the hub keeps a beneficiary's personal data: until 12 months after the last day of the
 * programme they were registered for. The anonymisation job strips it in every subgraph from that
 * day on (docs/domain.md, "Retention of personal data").
 */
export const RETENTION_MONTHS_AFTER_PROGRAMME_END = 12;

/** The first Paris day on which a programme ending on `validUntil` (YYYY-MM-DD) may be anonymised. */
export function anonymisationDueOn(validUntil: string): string {
  const [y, m, d] = validUntil.split('-').map(Number) as [number, number, number];
  // 12 months after the end, then the day after: a programme ending 2025-06-30 is due on 2026-07-01.
  const end = new Date(Date.UTC(y + Math.floor((m - 1 + RETENTION_MONTHS_AFTER_PROGRAMME_END) / 12), (m - 1 + RETENTION_MONTHS_AFTER_PROGRAMME_END) % 12, 1));
  const lastDayOfMonth = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  const sameDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), Math.min(d, lastDayOfMonth) + 1));
  return sameDay.toISOString().slice(0, 10);
}

/** Whether, on `now` (Paris day), a programme ending on `validUntil` is past its retention period. */
export function isAnonymisationDue(validUntil: string, now: Date = new Date()): boolean {
  return parisDayOf(now) >= anonymisationDueOn(validUntil);
}

/**
 * The earliest programme end date still within its retention period on `now`: a person also
 * eligible for a programme ending on or after it is kept until that programme is due too.
 */
export function firstEndDateStillRetained(now: Date = new Date()): string {
  const today = parisDayOf(now);
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() - 3);
  for (;;) {
    const candidate = d.toISOString().slice(0, 10);
    if (anonymisationDueOn(candidate) > today) return candidate;
    d.setUTCDate(d.getUTCDate() + 1);
  }
}
