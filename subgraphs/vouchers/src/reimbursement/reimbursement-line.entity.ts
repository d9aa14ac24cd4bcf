import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

/** One redemption on a statement: a `reimbursement_line` row read with its redemption and voucher (reimbursement.store.ts `linesOf`). */
@ObjectType({ description: 'One redemption paid for by a reimbursement statement.' })
export class StatementLine {
  redemptionId!: string;
  sessionId!: string;

  @Field({ description: 'The code of the voucher taken.' })
  voucherCode!: string;

  @Field(() => Int, { description: 'Face value paid, in euro cents.' })
  amountCents!: number;

  @Field(() => DateTimeISOResolver, { description: 'When the voucher was redeemed.' })
  redeemedAt!: Date;
}
