import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Role } from '@pass/kit';
import type { Context } from '../loaders';
import { Voucher } from '../voucher/voucher.entity';
import { CancelRedemptionErrorCode, cancelRedemption } from './cancel-redemption.manager';

registerEnumType(CancelRedemptionErrorCode, { name: 'CancelRedemptionErrorCode' });

@InputType()
export class CancelRedemptionInput {
  @Field(() => ID)
  redemptionId!: string;
}

@ObjectType({ description: 'A redemption its venue took back before its month was closed.' })
export class CancelledRedemption {
  @Field(() => ID, { description: 'The id the redemption had.' })
  id!: string;

  voucherId!: string;

  @Field(() => DateTimeISOResolver)
  cancelledAt!: Date;
}

@ObjectType()
export class CancelRedemptionError {
  @Field(() => CancelRedemptionErrorCode)
  code!: CancelRedemptionErrorCode;

  @Field()
  message!: string;
}

@ObjectType()
export class CancelRedemptionPayload {
  @Field(() => CancelledRedemption, { nullable: true })
  cancelledRedemption!: CancelledRedemption | null;

  @Field(() => CancelRedemptionError, { nullable: true })
  error!: CancelRedemptionError | null;
}

@Resolver(() => CancelledRedemption)
export class CancelRedemptionResolver {
  @Authorized(Role.VENUE)
  @Mutation(() => CancelRedemptionPayload, {
    description: 'The venue that redeemed a voucher cancels the redemption before its month is closed: the voucher is available again and off the statement.',
  })
  cancelRedemption(@Arg('input', () => CancelRedemptionInput) input: CancelRedemptionInput, @Ctx() ctx: Context): Promise<CancelRedemptionPayload> {
    return cancelRedemption(ctx.dataSource, input.redemptionId, ctx.caller.organisationId);
  }

  @FieldResolver(() => Voucher, { description: 'The voucher, available again.' })
  voucher(@Root() cancelled: CancelledRedemption, @Ctx() ctx: Context): Promise<Voucher> {
    return ctx.loaders.voucher.load(cancelled.voucherId);
  }
}
