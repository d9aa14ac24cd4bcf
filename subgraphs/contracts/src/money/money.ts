/**
 * Money is held as integer euro cents so that every euro ordered can be reconciled exactly
 * (ordered = redeemed + outstanding + credited back); floats would leak fractions of a cent.
 */

/** An amount in euro cents: a non-negative safe integer. */
export type Cents = number;

/** Shares are expressed in basis points; a full set of shares sums to exactly this. */
export const BASIS_POINTS_TOTAL = 10_000;

export function assertCents(n: number): asserts n is Cents {
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`amount must be a safe integer number of cents, got ${n}`);
  }
  if (n < 0) {
    throw new RangeError(`amount must not be negative, got ${n} cents`);
  }
}

export function assertShares(basisPoints: readonly number[]): void {
  if (basisPoints.length === 0) {
    throw new RangeError('shares must not be empty: at least one funder must carry the amount');
  }
  let total = 0;
  basisPoints.forEach((bp, index) => {
    // A zero share would make a funder appear in every split while never receiving anything,
    // which hides configuration mistakes; callers drop such funders instead.
    if (!Number.isSafeInteger(bp) || bp <= 0) {
      throw new RangeError(
        `share #${index} must be a positive integer number of basis points, got ${bp}`,
      );
    }
    total += bp;
  });
  if (total !== BASIS_POINTS_TOTAL) {
    throw new RangeError(
      `shares must sum to ${BASIS_POINTS_TOTAL} basis points, ` +
        `got ${total} (${basisPoints.join(' + ')})`,
    );
  }
}

/**
 * Splits an amount by shares with the largest-remainder (Hamilton) method so the parts add up to
 * the amount exactly: each part first gets floor(amount × share / 10,000), then the cents left
 * over go one each to the parts with the largest fractional remainders.
 *
 * Ties between equal remainders go to the lower index, so the same inputs always give the same
 * split; callers that want a particular funder to win ties should list it first.
 *
 * Every part is within one cent of its exact proportional value. Note that, as with any
 * Hamilton apportionment, a part can shrink by a cent when the amount grows (the Alabama paradox),
 * so splits of different amounts must not be compared part by part.
 */
export function splitByShares(amount: Cents, basisPoints: readonly number[]): Cents[] {
  assertCents(amount);
  assertShares(basisPoints);

  // amount × share can reach 2^53 × 10^4, well past the exact range of a double. Splitting the
  // amount into whole multiples of 10,000 and a remainder keeps every intermediate product safe:
  // quotient × share ≤ amount and remainder × share < 10^8.
  const quotient = Math.floor(amount / BASIS_POINTS_TOTAL);
  const remainder = amount % BASIS_POINTS_TOTAL;

  const parts: Cents[] = [];
  const fractions: number[] = [];
  let allotted = 0;
  for (const bp of basisPoints) {
    const scaled = remainder * bp;
    const part = quotient * bp + Math.floor(scaled / BASIS_POINTS_TOTAL);
    parts.push(part);
    fractions.push(scaled % BASIS_POINTS_TOTAL);
    allotted += part;
  }

  // Fewer leftover cents than parts, because each part lost less than one cent to flooring.
  const leftover = amount - allotted;
  if (leftover > 0) {
    const order = parts.map((_, index) => index);
    order.sort((a, b) => (fractions[b] ?? 0) - (fractions[a] ?? 0) || a - b);
    for (let k = 0; k < leftover; k++) {
      const index = order[k];
      if (index === undefined) {
        throw new Error(`internal error: ${leftover} leftover cents for ${parts.length} parts`);
      }
      parts[index] = (parts[index] ?? 0) + 1;
    }
  }
  return parts;
}

/** Cents as euros with a dot and two decimals, 7850000 → "78500.00 €", whatever the locale. */
export function formatEuros(cents: Cents): string {
  assertCents(cents);
  const centPart = cents % 100;
  // Subtracting first makes the division exact, so no argument about float rounding is needed.
  const euros = (cents - centPart) / 100;
  return `${euros}.${String(centPart).padStart(2, '0')} €`;
}

/** The face value of every voucher of the Pass numérique: €10. */
export const VOUCHER_FACE_VALUE_CENTS = 1000;
