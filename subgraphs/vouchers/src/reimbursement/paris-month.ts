/**
 * The months statements are written for. Calendar months are French ones (kit `time/paris-date.ts`):
 * a redemption at 00:30 on 1 March in Paris belongs to March.
 */
import { parisMonthOf } from '@pass/contracts';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(text: string): boolean {
  return MONTH.test(text);
}

/** A month has ended once Paris time has reached the first day of the next one. */
export function hasMonthEnded(month: string, now: Date): boolean {
  if (!isMonth(month)) throw new RangeError(`month must be written YYYY-MM, got ${month}`);
  return month < parisMonthOf(now);
}
