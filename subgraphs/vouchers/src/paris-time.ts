/** Calendar months and days are French ones: a redemption at 00:30 on 1 March in Paris belongs to March. */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(text: string): boolean {
  return MONTH.test(text);
}

/** The Paris calendar month of an instant, as YYYY-MM. */
// Built once: a formatter costs a fraction of a millisecond to make, on every redemption.
const MONTH_FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' });
const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' });

export function parisMonthOf(at: Date): string {
  return MONTH_FORMAT.format(at);
}

/** The Paris calendar day of an instant, as YYYY-MM-DD. */
export function parisDayOf(at: Date): string {
  return DAY_FORMAT.format(at);
}

/** A month has ended once Paris time has reached the first day of the next one. */
export function hasMonthEnded(month: string, now: Date): boolean {
  if (!isMonth(month)) throw new RangeError(`month must be written YYYY-MM, got ${month}`);
  return month < parisMonthOf(now);
}
