import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, readPageRequest, toConnection } from '@pass/kit';
import { Role } from '@pass/access';
import { ensureActsForVenue } from '../access';
import type { Context } from '../loaders';
import { Venue } from '../venue/venue.entity';
import { WorkshopSessionConnection } from '../venue/venue.resolver';
import { Workshop } from './workshop.entity';
import { PublishWorkshopInput, PublishWorkshopPayload } from './workshop.inputs';
import { publishWorkshopChecked } from './workshop.manager';

/** Names the list in its cursors, so that a cursor of another list is refused. */
const SESSIONS_OF_WORKSHOP = 'Workshop.sessions';

@Resolver(() => Workshop)
export class WorkshopResolver {
  @FieldResolver(() => Venue, { description: 'The venue running it.' })
  venue(@Root() workshop: Workshop, @Ctx() ctx: Context): Promise<Venue> {
    return ctx.loaders.venue.load(workshop.venueId);
  }

  @FieldResolver(() => WorkshopSessionConnection, { description: 'Its sessions, by start time then id, a page at a time.' })
  async sessions(
    @Root() workshop: Workshop,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Sessions in this page: 1 to ${MAX_PAGE_SIZE}.` }) first: number,
    @Arg('after', () => String, { nullable: true, description: "The previous page's `pageInfo.endCursor`; the first page when absent." })
    after: string | null,
  ): Promise<WorkshopSessionConnection> {
    const request = readPageRequest(SESSIONS_OF_WORKSHOP, first, after);
    const page = await ctx.loaders.sessionPagesOfWorkshop(request).load(workshop.id);
    return toConnection(SESSIONS_OF_WORKSHOP, request, page, (s) => s.pageKey);
  }

  @Authorized(Role.VENUE, Role.OPERATOR)
  @Mutation(() => PublishWorkshopPayload, { description: 'A venue publishes a workshop it runs.' })
  publishWorkshop(@Arg('input', () => PublishWorkshopInput, { description: 'The workshop.' }) input: PublishWorkshopInput, @Ctx() ctx: Context): Promise<PublishWorkshopPayload> {
    ensureActsForVenue(ctx, input.venueId);
    return publishWorkshopChecked(ctx.dataSource, input);
  }
}
