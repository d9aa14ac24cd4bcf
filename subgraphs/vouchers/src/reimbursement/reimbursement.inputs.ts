import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { refusalType, type Refusal } from '@pass/kit';
import { ReimbursementStatement } from './reimbursement-statement.entity';

export enum CloseMonthErrorCode {
  /** Redemptions may still come in: only an ended month (Paris time) can be closed. */
  MONTH_NOT_ENDED = 'MONTH_NOT_ENDED',
}
registerEnumType(CloseMonthErrorCode, {
  name: 'CloseMonthErrorCode',
  description: 'Why closeMonth refused.',
  valuesConfig: { MONTH_NOT_ENDED: { description: 'The month asked for is the current month or a later one (Paris time): only ended months are closed.' } },
});

@InputType({ description: 'The calendar month to close.' })
export class CloseMonthInput {
  @Field({ description: 'The month to close, YYYY-MM, Paris time (2000-01 to 2999-12).' })
  month!: string;
}

export const CloseMonthError = refusalType(CloseMonthErrorCode, 'CloseMonthError', 'closeMonth');

@ObjectType({ description: "The answer to closeMonth: the month's statements, or an error. Closing a closed month again writes nothing and answers its statements." })
export class CloseMonthPayload {
  @Field(() => String, { nullable: true, description: 'The month closed, YYYY-MM; null on an error.' })
  month!: string | null;

  @Field(() => [ReimbursementStatement], { nullable: true, description: 'Every statement of the month, whether this call or an earlier one wrote it; null on an error.' })
  statements!: ReimbursementStatement[] | null;

  @Field(() => Int, { nullable: true, description: 'Statements this call wrote: 0 when the month was already closed; null on an error.' })
  statementsCreated!: number | null;

  @Field(() => CloseMonthError, { nullable: true, description: 'Why the month was not closed; null when it was.' })
  error!: Refusal<CloseMonthErrorCode> | null;
}
