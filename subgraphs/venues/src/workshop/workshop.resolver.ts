import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { Role, ensure, is, isOrganisation } from '@pass/kit';
import type { Context } from '../loaders';
import { WorkshopSession } from '../session/session.entity';
import { Venue } from '../venue/venue.entity';
import { Workshop, WorkshopAxis } from './workshop.entity';
import { publishWorkshop } from './workshop.manager';

@Resolver(() => Workshop)
export class WorkshopResolver {
  @FieldResolver(() => Venue)
  venue(@Root() workshop: Workshop, @Ctx() ctx: Context): Promise<Venue> {
    return ctx.loaders.venue.load(workshop.venueId);
  }

  @FieldResolver(() => [WorkshopSession])
  sessions(@Root() workshop: Workshop, @Ctx() ctx: Context): Promise<WorkshopSession[]> {
    return ctx.loaders.sessionsOfWorkshop.load(workshop.id);
  }

  @Authorized(Role.VENUE, Role.OPERATOR)
  @Mutation(() => Workshop)
  publishWorkshop(
    @Arg('venueId', () => ID) venueId: string,
    @Arg('axis', () => WorkshopAxis) axis: WorkshopAxis,
    @Arg('topic') topic: string,
    @Arg('durationMinutes', () => Int) durationMinutes: number,
    @Arg('seats', () => Int) seats: number,
    @Ctx() ctx: Context,
  ): Promise<Workshop> {
    ensure(is(ctx.caller, Role.OPERATOR) || isOrganisation(ctx.caller, Role.VENUE, venueId), "another venue's workshops");
    return publishWorkshop(ctx.dataSource, { venueId, axis, topic, durationMinutes, seats });
  }
}
