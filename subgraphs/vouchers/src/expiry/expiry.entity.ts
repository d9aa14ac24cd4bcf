/*
 * The object types of a programme's end: the D-30 report and the value credited back. Not tables:
 * the report is read from the tallies, a credit from the `credit` rows (expiry.store.ts).
 */
import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver, SafeIntResolver } from 'graphql-scalars';
import { DistributorRef } from '../distributor/distributor.entity';
import { FunderRef } from '../funder/funder.entity';
import { ProgrammeRef } from '../programme/programme.entity';

/** Value given back to a funder, in proportion to its share of the programme. */
@ObjectType({ description: 'Value credited back to one funder when a programme expires, in proportion to its share.' })
export class Credit {
  @Field(() => FunderRef, { description: 'The funder credited.' })
  funder!: FunderRef;

  @Field(() => SafeIntResolver, { description: 'Amount credited, in euro cents.' })
  amountCents!: number;
}

@ObjectType({ description: "A distributor's books of a programme near its end." })
export class DistributorExpiryLine {
  @Field(() => DistributorRef, { description: 'The distributor.' })
  distributor!: DistributorRef;

  @Field(() => Int, { description: 'Books of the programme allocated to the distributor.' })
  booksAllocated!: number;

  @Field(() => Int, { description: 'Of those, books handed to a person.' })
  booksHandedOut!: number;

  @Field(() => Int, { description: 'Allocated to the distributor but never handed to anyone.' })
  booksNeverHandedOut!: number;

  @Field(() => Int, { description: 'Handed out and at least one voucher redeemed.' })
  booksStarted!: number;
}

/** What funders are told 30 days before a programme ends, before unused vouchers are blocked. */
@ObjectType({ description: "The alert a programme's funders get 30 days before its end: what was issued, handed out and used." })
export class ExpiryReport {
  @Field(() => ProgrammeRef, { description: 'The programme.' })
  programme!: ProgrammeRef;

  @Field(() => LocalDateResolver, { description: 'Last day vouchers can be redeemed.' })
  validUntil!: string;

  @Field(() => LocalDateResolver, { description: 'The day funders are alerted: 30 days before the end.' })
  alertOn!: string;

  @Field(() => Int, { description: 'Books issued for the programme.' })
  booksIssued!: number;

  @Field(() => Int, { description: 'Issued but given to no distributor.' })
  booksNotAllocated!: number;

  @Field(() => Int, { description: 'Books handed to a person.' })
  booksHandedOut!: number;

  @Field(() => Int, { description: 'Issued and never handed to anyone, allocated or not.' })
  booksNeverHandedOut!: number;

  @Field(() => Int, { description: 'Handed out and at least one voucher redeemed.' })
  booksStarted!: number;

  @Field(() => Int, { description: 'Vouchers still usable: blocked when the programme expires.' })
  vouchersAvailable!: number;

  @Field(() => SafeIntResolver, { description: 'Their face value: what the funders get back if none is used.' })
  availableCents!: number;

  @Field(() => [DistributorExpiryLine], { description: 'Most books first.' })
  distributors!: DistributorExpiryLine[];
}
