import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { ensure, is, isOrganisation } from '@pass/kit';
import { Role } from '@pass/access';
import type { Context } from '../loaders';
import { WorkshopSession } from '../session/session.entity';
import { Venue } from '../venue/venue.entity';
import { Workshop, WorkshopAxis } from './workshop.entity';
import { publishWorkshop } from './workshop.manager';

@Resolver(() => Workshop)
export class WorkshopResolver {
  @FieldResolver(() => Venue, { description: 'The venue running it.' })
  venue(@Root() workshop: Workshop, @Ctx() ctx: Context): Promise<Venue> {
    return ctx.loaders.venue.load(workshop.venueId);
  }

  @FieldResolver(() => [WorkshopSession], { description: 'Its sessions.' })
  sessions(@Root() workshop: Workshop, @Ctx() ctx: Context): Promise<WorkshopSession[]> {
    return ctx.loaders.sessionsOfWorkshop.load(workshop.id);
  }

  @Authorized(Role.VENUE, Role.OPERATOR)
  @Mutation(() => Workshop, { description: 'A venue publishes a workshop it runs.' })
  publishWorkshop(
    @Arg('venueId', () => ID, { description: 'The venue running it.' }) venueId: string,
    @Arg('axis', () => WorkshopAxis, { description: 'Which of the three axes it serves.' }) axis: WorkshopAxis,
    @Arg('topic', { description: 'What it teaches, such as `Email` or `CV writing`.' }) topic: string,
    @Arg('durationMinutes', () => Int, { description: 'Length of one sitting, in minutes.' }) durationMinutes: number,
    @Arg('seats', () => Int, { description: 'Default number of seats of its sessions.' }) seats: number,
    @Ctx() ctx: Context,
  ): Promise<Workshop> {
    ensure(is(ctx.caller, Role.OPERATOR) || isOrganisation(ctx.caller, Role.VENUE, venueId), "another venue's workshops");
    return publishWorkshop(ctx.dataSource, { venueId, axis, topic, durationMinutes, seats });
  }
}
