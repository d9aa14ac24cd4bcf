import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, Directive, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import { mutationEntry } from '@pass/kit';
import { Role } from '@pass/access';
import type { Context } from '../loaders';
import { ProgrammeRef } from '../programme/programme.entity';
import { VenueRef } from '../venue/venue.entity';
import { WorkshopSessionRef } from '../session/session.entity';
import { Voucher } from '../voucher/voucher.entity';
import { Redemption } from './redemption.entity';
import { redeemVoucher } from './redemption.manager';
import { RedeemVoucherInput, RedeemVoucherPayload } from './redemption.inputs';

@Resolver(() => Redemption)
export class RedemptionResolver {
  @FieldResolver(() => Voucher, { description: 'The voucher redeemed.' })
  voucher(@Root() redemption: Redemption, @Ctx() ctx: Context): Promise<Voucher> {
    return ctx.loaders.voucher.load(redemption.voucherId);
  }

  @FieldResolver(() => WorkshopSessionRef, { description: 'The session the voucher paid for.' })
  session(@Root() redemption: Redemption): WorkshopSessionRef {
    return { id: redemption.sessionId };
  }

  @FieldResolver(() => VenueRef, { description: 'The venue that took the voucher.' })
  @Directive('@provides(fields: "name inseeCode")')
  venue(@Root() redemption: Redemption): VenueRef {
    return { id: redemption.venueId };
  }

  @FieldResolver(() => ProgrammeRef, { description: "The voucher's programme." })
  @Directive('@provides(fields: "name")')
  programme(@Root() redemption: Redemption): ProgrammeRef {
    return { id: redemption.programmeId };
  }

  @Authorized(Role.VENUE)
  @Mutation(() => RedeemVoucherPayload, { description: 'A venue records a voucher against a session it runs, exactly once.' })
  async redeemVoucher(
    @Arg('input', () => RedeemVoucherInput, { description: "The voucher's code, the session and the idempotency key." }) input: RedeemVoucherInput,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<RedeemVoucherPayload> {
    // The calling venue is the acting venue: a session of another venue is refused as data. The
    // audit entry is written with the redemption, in its transaction.
    const audit = { values: mutationEntry('vouchers', ctx.caller, 'redeemVoucher'), appended: () => ctx.audit.appendedOwnEntry(String(info.path.key)) };
    const answer = await redeemVoucher(ctx.dataSource, input, ctx.caller.organisationId, ctx.clock.now(), audit);
    // The counter page asks the voucher and its session's seats left with every redemption: the
    // redemption's own transaction read and wrote them, so this request's loaders are given them
    // instead of three more reads (the voucher, the session's venue for the access check, the
    // seats' count; issue 12).
    if (answer.redemption && answer.committed) {
      const { redemption, committed } = answer;
      ctx.loaders.voucher.prime(redemption.voucherId, committed.voucher);
      ctx.loaders.venueOfSession.prime(redemption.sessionId, committed.session.venueId);
      ctx.loaders.seatsLeft.prime(redemption.sessionId, committed.session.seatsLeft);
    }
    return { redemption: answer.redemption, error: answer.error };
  }
}
