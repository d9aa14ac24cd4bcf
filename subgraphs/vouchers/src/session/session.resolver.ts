import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { ensure, is, isOrganisation } from '@pass/kit';
import { Role } from '@pass/access';
import { ensureVenueFigures } from '../access';
import type { Context } from '../loaders';
import { Redemption } from '../redemption/redemption.entity';
import { WorkshopSessionRef } from './session.entity';

/**
 * Every field this subgraph adds to the venues subgraph's `WorkshopSession`: for the venue running
 * it (known here from the replica of `session.scheduled`) and the operator.
 */
@Resolver(() => WorkshopSessionRef)
export class SessionResolver {
  @FieldResolver(() => [Redemption], { description: 'For the venue running the session.' })
  async redemptions(@Root() session: WorkshopSessionRef, @Ctx() ctx: Context): Promise<Redemption[]> {
    const venueId = await ctx.loaders.venueOfSession.load(session.id);
    ensure(is(ctx.caller, Role.OPERATOR) || isOrganisation(ctx.caller, Role.VENUE, venueId), "another venue's redemptions");
    return ctx.loaders.redemptionsOfSession.load(session.id);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: "Seats not yet taken by a redemption: the venue's figure. Null until the session's schedule has reached the vouchers subgraph.",
  })
  async seatsLeft(@Root() session: WorkshopSessionRef, @Ctx() ctx: Context): Promise<number | null> {
    const venueId = await ctx.loaders.venueOfSession.load(session.id);
    if (venueId === null) return null;
    ensureVenueFigures(ctx, venueId);
    return ctx.loaders.seatsLeft.load(session.id);
  }
}
