import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { ReimbursementStatement } from './reimbursement-statement.entity';

export enum CloseMonthErrorCode {
  /** Redemptions may still come in: only an ended month (Paris time) can be closed. */
  MONTH_NOT_ENDED = 'MONTH_NOT_ENDED',
}
registerEnumType(CloseMonthErrorCode, { name: 'CloseMonthErrorCode' });

/** One redemption on a statement. */
@ObjectType()
export class StatementLine {
  redemptionId!: string;
  sessionId!: string;

  @Field({ description: 'The code of the voucher taken.' })
  voucherCode!: string;

  @Field(() => Int)
  amountCents!: number;

  @Field(() => DateTimeISOResolver)
  redeemedAt!: Date;
}

@ObjectType()
export class CloseMonthError {
  @Field(() => CloseMonthErrorCode)
  code!: CloseMonthErrorCode;

  @Field()
  message!: string;
}

@ObjectType()
export class CloseMonthPayload {
  @Field()
  month!: string;

  @Field(() => [ReimbursementStatement], { description: "Every statement of the month, whether this call or an earlier one wrote it." })
  statements!: ReimbursementStatement[];

  @Field(() => Int, { description: 'Statements this call wrote: 0 when the month was already closed.' })
  statementsCreated!: number;

  @Field(() => CloseMonthError, { nullable: true })
  error!: CloseMonthError | null;
}
