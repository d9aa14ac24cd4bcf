import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { EVERY_ROLE, Role, ensure, is, isOrganisation } from '@pass/kit';
import { DateTimeISOResolver } from 'graphql-scalars';
import type { Context } from '../loaders';
import { Venue } from '../venue/venue.entity';
import { Workshop } from '../workshop/workshop.entity';
import { WorkshopSession } from './session.entity';
import { scheduleSession } from './session.manager';

@Resolver(() => WorkshopSession)
export class SessionResolver {
  @Authorized(EVERY_ROLE)
  @Query(() => WorkshopSession)
  workshopSession(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<WorkshopSession> {
    return ctx.loaders.session.load(id);
  }

  @FieldResolver(() => Workshop)
  workshop(@Root() session: WorkshopSession, @Ctx() ctx: Context): Promise<Workshop> {
    return ctx.loaders.workshop.load(session.workshopId);
  }

  @FieldResolver(() => Venue)
  venue(@Root() session: WorkshopSession, @Ctx() ctx: Context): Promise<Venue> {
    return ctx.loaders.venue.load(session.venueId);
  }

  @Authorized(Role.VENUE, Role.OPERATOR)
  @Mutation(() => WorkshopSession)
  async scheduleSession(
    @Arg('workshopId', () => ID) workshopId: string,
    @Arg('startsAt', () => DateTimeISOResolver) startsAt: Date,
    @Arg('seats', () => Int, { nullable: true }) seats: number | undefined,
    @Ctx() ctx: Context,
  ): Promise<WorkshopSession> {
    const workshop = await ctx.loaders.workshop.load(workshopId);
    ensure(is(ctx.caller, Role.OPERATOR) || isOrganisation(ctx.caller, Role.VENUE, workshop.venueId), "another venue's sessions");
    return scheduleSession(ctx.dataSource, { workshopId, startsAt, seats: seats ?? undefined });
  }
}
