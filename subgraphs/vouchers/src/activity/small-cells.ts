import { Role, type Caller } from '@pass/access';

/**
 * Small-cell suppression for analysts, as the CNIL recommends for statistics on people: a figure
 * per commune, département or venue is never shown to an analyst when it counts 1 to 4 redemptions
 * (a handful of beneficiaries in a village can be recognised). Insiders (the programme's
 * coordinators and funders, the operator) keep the exact figures under their own access rules.
 */
export const SMALL_CELL_THRESHOLD = 5;

export function suppressesSmallCells(caller: Caller): boolean {
  return caller.role === Role.ANALYST;
}

/** The finest cell the hub counts: one venue's redemptions in one commune (null when not known). */
export interface RedemptionCell {
  venueId: string;
  inseeCode: string | null;
  vouchersRedeemed: number;
  amountCents: number;
}

export interface SuppressedCells {
  /** Cells an analyst may see, each of 5 redemptions or more. */
  published: RedemptionCell[];
  /** Everything else merged: 0 or at least 5 redemptions, never 1 to 4. */
  other: { vouchersRedeemed: number; amountCents: number };
}

/**
 * Splits a programme's (venue, commune) cells into those an analyst may see and one merged rest.
 *
 * Why cells are (venue, commune) pairs and every table is rolled up from the same published ones:
 * the venue, commune and département tables then hold no information the finest one lacks, so
 * no count can be recovered by subtracting one table from another (a venue of 7 shown beside its
 * commune of 10 would give away a neighbour's 3). Every published roll-up is a sum of cells of 5
 * or more, hence at least 5 itself.
 *
 * Why the rest is itself kept at 0 or 5 and more: the programme's total is published to analysts,
 * so the merged rest is always recoverable as the total minus the published cells. When it would
 * count 1 to 4, the smallest published cells are merged into it as well (secondary suppression)
 * until it reaches 5; when the whole programme counts fewer than 5, nothing is published per place
 * and the merged row is hidden (the programme total is then the only figure, for no place).
 */
export function suppressSmallCells(cells: RedemptionCell[]): SuppressedCells {
  const isLarge = (c: RedemptionCell) => c.inseeCode !== null && c.vouchersRedeemed >= SMALL_CELL_THRESHOLD;
  // Smallest first, so that secondary suppression gives away the least detail.
  const published = cells.filter(isLarge).sort((a, b) => a.vouchersRedeemed - b.vouchersRedeemed || a.venueId.localeCompare(b.venueId));
  const merged = cells.filter((c) => !isLarge(c));
  const sum = (cs: RedemptionCell[], f: (c: RedemptionCell) => number) => cs.reduce((n, c) => n + f(c), 0);
  while (sum(merged, (c) => c.vouchersRedeemed) > 0 && sum(merged, (c) => c.vouchersRedeemed) < SMALL_CELL_THRESHOLD && published.length > 0) {
    merged.push(published.shift()!);
  }
  return { published, other: { vouchersRedeemed: sum(merged, (c) => c.vouchersRedeemed), amountCents: sum(merged, (c) => c.amountCents) } };
}

/** Whether the merged row may be shown: only when it counts 5 or more (see above). */
export function showsOther(other: SuppressedCells['other']): boolean {
  return other.vouchersRedeemed >= SMALL_CELL_THRESHOLD;
}

/**
 * The same rule for any other table an analyst reads whose rows count people or what they did —
 * a distributor's books handed out and vouchers redeemed, a day's redemptions: a row showing a
 * count of 1 to 4 in any of `counts` is left out, and when what is left out adds up to 1 to 4 in
 * any count (recoverable from the programme total an analyst also reads), the smallest published
 * rows are left out too until it does not. Zero is not a small cell: it tells about nobody.
 */
export function suppressSmallRows<T>(rows: T[], counts: (row: T) => number[]): T[] {
  const small = (n: number) => n >= 1 && n < SMALL_CELL_THRESHOLD;
  const size = (row: T) => counts(row).reduce((a, b) => a + b, 0);
  const published = rows.filter((row) => !counts(row).some(small)).sort((a, b) => size(a) - size(b));
  const hidden = rows.filter((row) => counts(row).some(small));
  const hiddenSums = () => hidden.reduce<number[]>((sums, row) => counts(row).map((n, i) => (sums[i] ?? 0) + n), []);
  while (published.length > 0 && hiddenSums().some(small)) hidden.push(published.shift()!);
  const kept = new Set(published);
  return rows.filter((row) => kept.has(row));
}
