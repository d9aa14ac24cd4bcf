import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { ReimbursementStatement } from './reimbursement-statement.entity';

export enum CloseMonthErrorCode {
  /** Redemptions may still come in: only an ended month (Paris time) can be closed. */
  MONTH_NOT_ENDED = 'MONTH_NOT_ENDED',
}
registerEnumType(CloseMonthErrorCode, { name: 'CloseMonthErrorCode', description: 'Why closeMonth refused.', valuesConfig: { MONTH_NOT_ENDED: { description: 'The month asked for is the current month or a later one (Paris time): only ended months are closed.' } } });

/** One redemption on a statement. */
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

@ObjectType({ description: 'Why a month could not be closed.' })
export class CloseMonthError {
  @Field(() => CloseMonthErrorCode, { description: 'A stable code for programs.' })
  code!: CloseMonthErrorCode;

  @Field({ description: 'A sentence for people, in English; programs read `code`.' })
  message!: string;
}

@ObjectType({ description: "The answer to closeMonth: the month's statements, or an error." })
export class CloseMonthPayload {
  @Field({ description: 'The month closed, YYYY-MM; null on an error.' })
  month!: string;

  @Field(() => [ReimbursementStatement], { description: "Every statement of the month, whether this call or an earlier one wrote it." })
  statements!: ReimbursementStatement[];

  @Field(() => Int, { description: 'Statements this call wrote: 0 when the month was already closed.' })
  statementsCreated!: number;

  @Field(() => CloseMonthError, { nullable: true, description: 'Why the month was not closed; null when it was.' })
  error!: CloseMonthError | null;
}
