import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { refusalType, type Refusal } from '@pass/kit';

export enum CorrectRedemptionErrorCode {
  REDEMPTION_NOT_FOUND = 'REDEMPTION_NOT_FOUND',
  /** Not on a statement yet: while its month is open, its venue cancels it (cancelRedemption). */
  REDEMPTION_NOT_YET_PAID = 'REDEMPTION_NOT_YET_PAID',
  /** A redemption is corrected once: its amount is deducted once. */
  REDEMPTION_ALREADY_CORRECTED = 'REDEMPTION_ALREADY_CORRECTED',
}

registerEnumType(CorrectRedemptionErrorCode, {
  name: 'CorrectRedemptionErrorCode',
  description: 'Why correctRedemption refused.',
  valuesConfig: {
    REDEMPTION_NOT_FOUND: { description: 'No redemption has this id.' },
    REDEMPTION_NOT_YET_PAID: {
      description: 'The redemption is on no statement yet: while its month is open its venue cancels it (cancelRedemption); the operator corrects only what a statement paid.',
    },
    REDEMPTION_ALREADY_CORRECTED: { description: 'The redemption was already corrected: its amount is deducted once.' },
  },
});

@InputType({ description: 'A paid redemption the operator takes back.' })
export class CorrectRedemptionInput {
  @Field(() => ID, { description: 'The redemption to take back; it must be on a closed month’s statement.' })
  redemptionId!: string;

  @Field({ description: 'Why, in words (3 to 500 characters): kept with the correction and shown on the statement that deducts it.' })
  reason!: string;
}

@ObjectType({ description: "An operator's correction of a paid redemption: its amount is deducted from the venue's next statement." })
export class RedemptionCorrection {
  @Field(() => ID, { description: "The hub's id of this correction." })
  id!: string;

  redemptionId!: string;
  voucherId!: string;
  venueId!: string;
  statementId!: string | null;

  @Field(() => Int, { description: 'The amount deducted, in euro cents: the face value the venue was paid for the redemption.' })
  amountCents!: number;

  @Field({ description: 'Why the operator corrected it.' })
  reason!: string;

  @Field(() => DateTimeISOResolver, { description: 'When the operator corrected it.' })
  correctedAt!: Date;
}

export const CorrectRedemptionError = refusalType(CorrectRedemptionErrorCode, 'CorrectRedemptionError', 'correctRedemption');

@ObjectType({ description: 'What correctRedemption answers: the correction recorded, or why not.' })
export class CorrectRedemptionPayload {
  @Field(() => RedemptionCorrection, { nullable: true, description: 'The correction recorded; null on an error.' })
  correction!: RedemptionCorrection | null;

  @Field(() => CorrectRedemptionError, { nullable: true, description: 'Why it was refused; null when done.' })
  error!: Refusal<CorrectRedemptionErrorCode> | null;
}
