/** Sums come back from PostgreSQL as strings (bigint, numeric); money stays far below 2^53 cents. */
export function centsOf(value: unknown): number {
  const n = Number(value ?? 0);
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount ${String(value)} is not a safe integer number of cents`);
  return n;
}
