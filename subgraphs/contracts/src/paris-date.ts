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

export function parisDateParts(at: Date): ParisDate {
  const parts: Partial<ParisDate> = {};
  for (const { type, value } of PARIS.formatToParts(at)) {
    if (type === 'year' || type === 'month' || type === 'day') parts[type] = value;
  }
  if (!parts.year || !parts.month || !parts.day) throw new RangeError(`no Paris date for ${String(at)}`);
  return { year: parts.year.padStart(4, '0'), month: parts.month.padStart(2, '0'), day: parts.day.padStart(2, '0') };
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
