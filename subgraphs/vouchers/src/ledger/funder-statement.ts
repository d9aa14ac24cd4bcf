import { Field, Int, ObjectType } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';
import { splitByShares } from '@pass/contracts';
import type { FundingShareFact } from '../expiry/credit-split';
import { FunderRef } from '../funder/funder.entity';
import type { ProgrammeLedger } from './ledger.entity';

/** One co-funder's part of a programme's money. */
@ObjectType({ description: "One co-funder's part of a programme's money: its share of what was paid, redeemed and is outstanding, and what it was credited back." })
export class FunderStatementLine {
  @Field(() => FunderRef, { description: 'The co-funder.' })
  funder!: FunderRef;

  @Field(() => Int, { description: 'Its share of the programme, in basis points (10,000 = 100 %).' })
  basisPoints!: number;

  @Field(() => SafeIntResolver, { description: 'Its share of the paid orders whose vouchers were issued (the ledger\'s orderedCents), in euro cents.' })
  paidCents!: number;

  @Field(() => SafeIntResolver, { description: 'Its share of the face value redeemed at venues, in euro cents.' })
  redeemedCents!: number;

  @Field(() => SafeIntResolver, { description: 'Its share of the face value of vouchers still usable, in euro cents.' })
  outstandingCents!: number;

  @Field(() => SafeIntResolver, { description: 'What it was credited back when the programme expired, in euro cents (the credits recorded then).' })
  creditedBackCents!: number;
}

/**
 * The ledger split by co-funder. Paid, redeemed and outstanding are each split by the shares with
 * the largest-remainder method, so each column adds up to the ledger's figure to the cent; credited
 * back is what each funder was actually credited (split the same way at expiry). Because each
 * column is rounded on its own, a line may differ by a cent from paid = redeemed + outstanding +
 * credited back; the columns' totals never do.
 */
export function funderStatement(ledger: ProgrammeLedger, shares: readonly FundingShareFact[], credits: ReadonlyMap<string, number>): FunderStatementLine[] {
  if (shares.length === 0) return [];
  const basisPoints = shares.map((s) => s.basisPoints);
  const paid = splitByShares(ledger.orderedCents, basisPoints);
  const redeemed = splitByShares(ledger.redeemedCents, basisPoints);
  const outstanding = splitByShares(ledger.outstandingCents, basisPoints);
  return shares.map((share, i) => ({
    funder: { id: share.funderId },
    basisPoints: share.basisPoints,
    paidCents: paid[i] ?? 0,
    redeemedCents: redeemed[i] ?? 0,
    outstandingCents: outstanding[i] ?? 0,
    creditedBackCents: credits.get(share.funderId) ?? 0,
  }));
}
