import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver, SafeIntResolver } from 'graphql-scalars';
import { DistributorRef, FunderRef, ProgrammeRef } from '../refs/refs';

export enum ExpiryErrorCode {
  /** Vouchers can still be redeemed until the programme's last day has passed (Paris time). */
  PROGRAMME_STILL_VALID = 'PROGRAMME_STILL_VALID',
}
registerEnumType(ExpiryErrorCode, { name: 'ExpiryErrorCode' });

/** Value given back to a funder, in proportion to its share of the programme. */
@ObjectType()
export class Credit {
  @Field(() => FunderRef)
  funder!: FunderRef;

  @Field(() => SafeIntResolver)
  amountCents!: number;
}

@ObjectType()
export class ExpiryError {
  @Field(() => ExpiryErrorCode)
  code!: ExpiryErrorCode;

  @Field()
  message!: string;
}

@ObjectType()
export class ExpireProgrammePayload {
  @Field(() => ProgrammeRef)
  programme!: ProgrammeRef;

  @Field(() => Int, { description: 'Vouchers this call blocked: 0 when the programme had already expired.' })
  vouchersBlocked!: number;

  @Field(() => SafeIntResolver, { description: 'Their face value, all of it credited back.' })
  blockedCents!: number;

  @Field(() => [Credit], { description: 'What this call credited back, per funder; the parts sum to blockedCents exactly.' })
  credits!: Credit[];

  @Field(() => ExpiryError, { nullable: true })
  error!: ExpiryError | null;
}

@ObjectType({ description: "A distributor's books of a programme near its end." })
export class DistributorExpiryLine {
  @Field(() => DistributorRef)
  distributor!: DistributorRef;

  @Field(() => Int)
  booksAllocated!: number;

  @Field(() => Int)
  booksHandedOut!: number;

  @Field(() => Int, { description: 'Allocated to the distributor but never handed to anyone.' })
  booksNeverHandedOut!: number;

  @Field(() => Int, { description: 'Handed out and at least one voucher redeemed.' })
  booksStarted!: number;
}

/** What funders are told 30 days before a programme ends, before unused vouchers are blocked. */
@ObjectType()
export class ExpiryReport {
  @Field(() => ProgrammeRef)
  programme!: ProgrammeRef;

  @Field(() => LocalDateResolver, { description: 'Last day vouchers can be redeemed.' })
  validUntil!: string;

  @Field(() => LocalDateResolver, { description: 'The day funders are alerted: 30 days before the end.' })
  alertOn!: string;

  @Field(() => Int)
  booksIssued!: number;

  @Field(() => Int, { description: 'Issued but given to no distributor.' })
  booksNotAllocated!: number;

  @Field(() => Int)
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
