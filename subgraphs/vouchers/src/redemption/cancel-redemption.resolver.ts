import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Role } from '@pass/access';
import type { Context } from '../loaders';
import { Voucher } from '../voucher/voucher.entity';
import { CancelRedemptionInput, CancelRedemptionPayload, CancelledRedemption } from './cancel-redemption.inputs';
import { cancelRedemption } from './cancel-redemption.manager';

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
