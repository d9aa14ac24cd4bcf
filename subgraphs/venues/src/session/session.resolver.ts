import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { EVERY_ROLE } from '@pass/kit';
import { Role } from '@pass/access';
import { actingVenueOf } from '../access';
import type { Context } from '../loaders';
import { Venue } from '../venue/venue.entity';
import { Workshop } from '../workshop/workshop.entity';
import { WorkshopSession } from './session.entity';
import { ScheduleSessionInput, ScheduleSessionPayload } from './session.inputs';
import { scheduleSessionChecked } from './session.manager';

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
  @Mutation(() => ScheduleSessionPayload, { description: 'A venue schedules a sitting of one of its workshops (the operator, of any venue).' })
  scheduleSession(@Arg('input', () => ScheduleSessionInput, { description: 'The sitting.' }) input: ScheduleSessionInput, @Ctx() ctx: Context): Promise<ScheduleSessionPayload> {
    return scheduleSessionChecked(ctx.dataSource, input, actingVenueOf(ctx));
  }
}
