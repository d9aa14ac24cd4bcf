import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Role } from '@pass/access';
import type { Context } from '../loaders';
import { VenueRef } from '../refs/refs';
import { ReimbursementStatement } from '../reimbursement/reimbursement-statement.entity';
import { Voucher } from '../voucher/voucher.entity';
import { CorrectRedemptionErrorCode, correctRedemption } from './correct-redemption.manager';
import { Redemption } from './redemption.entity';

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

@ObjectType({ description: 'Why correctRedemption refused.' })
export class CorrectRedemptionError {
  @Field(() => CorrectRedemptionErrorCode, { description: 'Stable code of the refusal.' })
  code!: CorrectRedemptionErrorCode;

  @Field({ description: 'The refusal in words, for people.' })
  message!: string;
}

@ObjectType({ description: 'What correctRedemption answers: the correction recorded, or why not.' })
export class CorrectRedemptionPayload {
  @Field(() => RedemptionCorrection, { nullable: true, description: 'The correction recorded; null on an error.' })
  correction!: RedemptionCorrection | null;

  @Field(() => CorrectRedemptionError, { nullable: true, description: 'Why it was refused; null when done.' })
  error!: CorrectRedemptionError | null;
}

@Resolver(() => RedemptionCorrection)
export class CorrectRedemptionResolver {
  @Authorized(Role.OPERATOR)
  @Mutation(() => CorrectRedemptionPayload, {
    description:
      "Operator: takes back a redemption paid on a closed month's statement. The statement stays as written; the amount is deducted from the venue's next statement, the redemption stops counting and the voucher is usable again. Once per redemption; written to the audit log.",
  })
  async correctRedemption(
    @Arg('input', () => CorrectRedemptionInput, { description: 'The redemption and why.' }) input: CorrectRedemptionInput,
    @Ctx() ctx: Context,
  ): Promise<CorrectRedemptionPayload> {
    const answer = await correctRedemption(ctx.dataSource, input);
    return { correction: answer.correction ? Object.assign(new RedemptionCorrection(), answer.correction) : null, error: answer.error };
  }

  @FieldResolver(() => Redemption, { description: 'The redemption taken back.' })
  redemption(@Root() correction: RedemptionCorrection, @Ctx() ctx: Context): Promise<Redemption> {
    return ctx.loaders.redemption.load(correction.redemptionId);
  }

  @FieldResolver(() => Voucher, { description: 'Its voucher, usable again (unless its book was reported lost or its programme expired).' })
  voucher(@Root() correction: RedemptionCorrection, @Ctx() ctx: Context): Promise<Voucher> {
    return ctx.loaders.voucher.load(correction.voucherId);
  }

  @FieldResolver(() => VenueRef, { description: 'The venue the amount is deducted from.' })
  venue(@Root() correction: RedemptionCorrection): VenueRef {
    return { id: correction.venueId };
  }

  @FieldResolver(() => ReimbursementStatement, {
    nullable: true,
    description: "The venue's statement that deducts it; null until the venue's next month is closed.",
  })
  statement(@Root() correction: RedemptionCorrection, @Ctx() ctx: Context): Promise<ReimbursementStatement> | null {
    return correction.statementId ? ctx.loaders.statement.load(correction.statementId) : null;
  }
}
