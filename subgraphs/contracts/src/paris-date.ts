/**
 * French calendar days, months and years of an instant, the one place the hub computes them.
 * Built from `formatToParts`, never from a locale's formatted string: the order and separators a
 * locale prints (`en-CA` gave YYYY-MM-DD) changed between ICU versions, the parts do not.
 */

// Built once: a formatter costs a fraction of a millisecond to make, on every redemption.
const PARIS = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

export interface ParisDate {
  year: string;
  month: string;
  day: string;
}

/**
 * The Paris date of every instant of one UTC hour is the same: Paris is UTC+1 or UTC+2, and its
 * clock changes at 01:00 UTC. `formatToParts` was 1.3 % of the vouchers subgraph's CPU profile
 * under redemptions (issue 12; two calls each), so the dates of the last hours asked are kept, a
 * bounded few (a call 2.3 µs → 0.9 µs alone on the development VM).
 */
const HOUR_MS = 3_600_000;
const KEPT_HOURS = 512;
const byHour = new Map<number, Readonly<ParisDate>>();

export function parisDateParts(at: Date): ParisDate {
  const time = at.getTime();
  if (Number.isNaN(time)) throw new RangeError(`no Paris date for ${String(at)}`);
  const hour = Math.floor(time / HOUR_MS);
  const kept = byHour.get(hour);
  if (kept) return { ...kept };
  const parts: Partial<ParisDate> = {};
  for (const { type, value } of PARIS.formatToParts(at)) {
    if (type === 'year' || type === 'month' || type === 'day') parts[type] = value;
  }
  if (!parts.year || !parts.month || !parts.day) throw new RangeError(`no Paris date for ${String(at)}`);
  const date = { year: parts.year.padStart(4, '0'), month: parts.month.padStart(2, '0'), day: parts.day.padStart(2, '0') };
  if (byHour.size >= KEPT_HOURS) byHour.clear();
  byHour.set(hour, Object.freeze(date));
  return { ...date };
}

/** The Paris calendar day of an instant, as YYYY-MM-DD. */
export function parisDayOf(at: Date): string {
  const { year, month, day } = parisDateParts(at);
  return `${year}-${month}-${day}`;
}

/** The Paris calendar month of an instant, as YYYY-MM. */
export function parisMonthOf(at: Date): string {
  const { year, month } = parisDateParts(at);
  return `${year}-${month}`;
}

/** The Paris calendar year of an instant. */
export function parisYearOf(at: Date): number {
  return Number(parisDateParts(at).year);
}
