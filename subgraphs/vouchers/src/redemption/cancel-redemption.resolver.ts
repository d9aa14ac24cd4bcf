import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { refusalType, type Refusal } from '@pass/kit';
import { Role } from '@pass/access';
import type { Context } from '../loaders';
import { Voucher } from '../voucher/voucher.entity';
import { CancelRedemptionErrorCode, cancelRedemption } from './cancel-redemption.manager';

registerEnumType(CancelRedemptionErrorCode, {
  name: 'CancelRedemptionErrorCode',
  description: 'Why cancelRedemption refused.',
  valuesConfig: {
    REDEMPTION_NOT_FOUND: { description: 'No redemption has this id.' },
    REDEMPTION_OF_ANOTHER_VENUE: { description: 'Another venue recorded this redemption: a venue takes back only its own.' },
    MONTH_CLOSED: { description: "The redemption's Paris month is closed: only an operator's correction on a later statement undoes it." },
  },
});

@InputType({ description: 'A redemption its venue takes back (a wrong code redeemed).' })
export class CancelRedemptionInput {
  @Field(() => ID, { description: 'The redemption to take back.' })
  redemptionId!: string;
}

@ObjectType({ description: 'A redemption its venue took back before its month was closed.' })
export class CancelledRedemption {
  @Field(() => ID, { description: 'The id the redemption had.' })
  id!: string;

  voucherId!: string;

  @Field(() => DateTimeISOResolver, { description: 'When it was taken back.' })
  cancelledAt!: Date;
}

export const CancelRedemptionError = refusalType(CancelRedemptionErrorCode, 'CancelRedemptionError', 'cancelRedemption');

@ObjectType({ description: 'What cancelRedemption answers: the cancelled redemption, or why not.' })
export class CancelRedemptionPayload {
  @Field(() => CancelledRedemption, { nullable: true, description: 'The redemption taken back; null on an error.' })
  cancelledRedemption!: CancelledRedemption | null;

  @Field(() => CancelRedemptionError, { nullable: true, description: 'Why it was refused; null when done.' })
  error!: Refusal<CancelRedemptionErrorCode> | null;
}

@Resolver(() => CancelledRedemption)
export class CancelRedemptionResolver {
  @Authorized(Role.VENUE)
  @Mutation(() => CancelRedemptionPayload, {
    description: 'The venue that redeemed a voucher cancels the redemption before its month is closed: the voucher is available again and off the statement.',
  })
  cancelRedemption(@Arg('input', () => CancelRedemptionInput, { description: 'The redemption.' }) input: CancelRedemptionInput, @Ctx() ctx: Context): Promise<CancelRedemptionPayload> {
    return cancelRedemption(ctx.dataSource, input.redemptionId, ctx.caller.organisationId);
  }

  @FieldResolver(() => Voucher, { description: 'The voucher, available again.' })
  voucher(@Root() cancelled: CancelledRedemption, @Ctx() ctx: Context): Promise<Voucher> {
    return ctx.loaders.voucher.load(cancelled.voucherId);
  }
}
