import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { EVERY_ROLE, ensure, is, isOrganisation } from '@pass/kit';
import { Role } from '@pass/access';
import { DateTimeISOResolver } from 'graphql-scalars';
import type { Context } from '../loaders';
import { Venue } from '../venue/venue.entity';
import { Workshop } from '../workshop/workshop.entity';
import { WorkshopSession } from './session.entity';
import { scheduleSession } from './session.manager';

@Resolver(() => WorkshopSession)
export class SessionResolver {
  @Authorized(EVERY_ROLE)
  @Query(() => WorkshopSession, { description: 'A workshop session: for its venue and the operator.' })
  workshopSession(@Arg('id', () => ID, { description: "The session's id." }) id: string, @Ctx() ctx: Context): Promise<WorkshopSession> {
    return ctx.loaders.session.load(id);
  }

  @FieldResolver(() => Workshop, { description: 'The workshop.' })
  workshop(@Root() session: WorkshopSession, @Ctx() ctx: Context): Promise<Workshop> {
    return ctx.loaders.workshop.load(session.workshopId);
  }

  @FieldResolver(() => Venue, { description: 'The venue running it.' })
  venue(@Root() session: WorkshopSession, @Ctx() ctx: Context): Promise<Venue> {
    return ctx.loaders.venue.load(session.venueId);
  }

  @Authorized(Role.VENUE, Role.OPERATOR)
  @Mutation(() => WorkshopSession, { description: 'A venue schedules a sitting of one of its workshops.' })
  async scheduleSession(
    @Arg('workshopId', () => ID, { description: 'The workshop.' }) workshopId: string,
    @Arg('startsAt', () => DateTimeISOResolver, { description: 'When it starts.' }) startsAt: Date,
    @Arg('seats', () => Int, { nullable: true, description: "Seats of this sitting; the workshop's by default." }) seats: number | undefined,
    @Ctx() ctx: Context,
  ): Promise<WorkshopSession> {
    const workshop = await ctx.loaders.workshop.load(workshopId);
    ensure(is(ctx.caller, Role.OPERATOR) || isOrganisation(ctx.caller, Role.VENUE, workshop.venueId), "another venue's sessions");
    return scheduleSession(ctx.dataSource, { workshopId, startsAt, seats: seats ?? undefined });
  }
}
