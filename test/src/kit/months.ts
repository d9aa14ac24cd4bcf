import { parisDateParts } from '@pass/contracts';

/**
 * An instant on `day` of the Paris month `k` months from the current one (negative: before), at
 * `hourUtc` o'clock UTC. Tests name months as the hub does, in Paris: for an hour or two around
 * midnight on a month's last day, UTC is still in the old month while Paris is in the new one,
 * and a month computed from UTC fields is then the wrong one (a CI run at 23:21 UTC on 30
 * November closed "this month" as 2026-11 on the clock of 20 November: MONTH_NOT_ENDED).
 */
export function inParisMonth(k: number, day = 15, hourUtc = 12, now = new Date()): Date {
  const { year, month } = parisDateParts(now);
  return new Date(Date.UTC(Number(year), Number(month) - 1 + k, day, hourUtc));
}
