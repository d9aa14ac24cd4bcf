import { splitByShares, type Cents } from '@pass/contracts';

export interface FundingShareFact {
  funderId: string;
  basisPoints: number;
}

export interface FunderCredit {
  funderId: string;
  amountCents: Cents;
}

/**
 * The blocked value of a programme's unused vouchers, split between its funders by their shares
 * with the largest-remainder method, so the credits add up to the blocked value exactly. A funder
 * whose part rounds to nothing gets no credit row rather than a zero one.
 */
export function creditsFor(blockedCents: Cents, shares: readonly FundingShareFact[]): FunderCredit[] {
  if (blockedCents === 0) return [];
  const parts = splitByShares(
    blockedCents,
    shares.map((s) => s.basisPoints),
  );
  return shares
    .map((share, index) => ({ funderId: share.funderId, amountCents: parts[index] ?? 0 }))
    .filter((credit) => credit.amountCents > 0);
}
