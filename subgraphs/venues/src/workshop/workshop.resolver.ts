import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Role } from '@pass/kit';
import { ensureActsForVenue } from '../access';
import type { Context } from '../loaders';
import { WorkshopSession } from '../session/session.entity';
import { Venue } from '../venue/venue.entity';
import { Workshop } from './workshop.entity';
import { PublishWorkshopInput, PublishWorkshopPayload } from './workshop.inputs';
import { publishWorkshopChecked } from './workshop.manager';

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
  @Mutation(() => PublishWorkshopPayload, { description: 'A venue publishes a workshop it runs.' })
  publishWorkshop(@Arg('input', () => PublishWorkshopInput, { description: 'The workshop.' }) input: PublishWorkshopInput, @Ctx() ctx: Context): Promise<PublishWorkshopPayload> {
    ensureActsForVenue(ctx, input.venueId);
    return publishWorkshopChecked(ctx.dataSource, input);
  }
}
