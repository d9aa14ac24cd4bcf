import { Arg, Authorized, Ctx, Directive, ID, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import { BadInputError, EVERY_ROLE } from '@pass/kit';
import { Role } from '@pass/access';
import { GraphQLError } from 'graphql';
import { ensureSeesRedemption } from '../access';
import type { Context } from '../loaders';
import { Redemption } from '../redemption/redemption.entity';
import { STREAM_START, parseCursor } from './cursor';
import { liveScopeOf } from './live.manager';
import { liveStore } from './live.store';
import { LiveRedemptionScopeInput } from './live.inputs';
import { LiveRedemptionScope, RedemptionEvent, RedemptionRoute } from './live.objects';

const MAX_IDS = 100;

@Resolver()
export class LiveResolver {
  /**
   * Declared here so that it composes into the supergraph like every other field; the gateway
   * serves it over graphql-ws (docs/live.md) and resolves each event's `redemption` through the
   * supergraph as the subscriber. A subgraph is never asked to run it.
   */
  @Subscription(() => RedemptionEvent, {
    description:
      'Each redemption the caller may see, as it is recorded. `after` resumes right after a cursor: the events since, then live, with no gap and no duplicate.',
    subscribe: () => {
      throw new GraphQLError('redemptionRecorded is served by the gateway over graphql-ws');
    },
  })
  redemptionRecorded(
    @Root() event: RedemptionEvent,
    @Arg('programmeId', () => ID, { nullable: true, description: 'Only the redemptions of this programme; a coordinator or funder must name one of its own.' }) _programmeId?: string | null,
    @Arg('venueId', () => ID, { nullable: true, description: 'Only the redemptions at this venue; a venue must name itself.' }) _venueId?: string | null,
    @Arg('after', () => String, { nullable: true, description: 'The cursor of the last event processed: the stream resumes right after it; without it, the stream starts now.' }) _after?: string | null,
  ): RedemptionEvent {
    return event;
  }

  @Authorized(...EVERY_ROLE)
  @Query(() => [Redemption], {
    nullable: 'items',
    description: 'Redemptions by id, in the order asked (null for one that does not exist); FORBIDDEN if the caller may not see one of them.',
  })
  async redemptions(@Arg('ids', () => [ID], { description: 'The redemptions\' ids, at most 100.' }) ids: string[], @Ctx() ctx: Context): Promise<(Redemption | null)[]> {
    if (ids.length > MAX_IDS) throw new BadInputError(`at most ${MAX_IDS} ids`, 'ids');
    const rows = (await ctx.loaders.redemption.loadMany(ids)).map((row) => (row instanceof Error ? null : row));
    // The row rules of every other read: the same function as the Redemption entity fetch.
    for (const row of rows) if (row) await ensureSeesRedemption(ctx, row);
    return rows;
  }

  @Authorized(...EVERY_ROLE)
  @Directive('@inaccessible')
  @Query(() => LiveRedemptionScope, { description: 'What the caller may receive live; refuses a filter naming someone else.' })
  liveRedemptionScope(
    @Arg('programmeId', () => ID, { nullable: true }) programmeId: string | null,
    @Arg('venueId', () => ID, { nullable: true }) venueId: string | null,
    @Ctx() ctx: Context,
  ): Promise<LiveRedemptionScope> {
    return liveScopeOf(ctx, programmeId ?? null, venueId ?? null);
  }

  @Authorized(Role.OPERATOR)
  @Directive('@inaccessible')
  @Query(() => [RedemptionRoute], { description: 'The stream after a cursor, oldest first, within a scope.' })
  redemptionStream(
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('first', () => Int) first: number,
    @Arg('scope', () => LiveRedemptionScopeInput) scope: LiveRedemptionScopeInput,
    @Arg('programmeId', () => ID, { nullable: true }) programmeId: string | null,
    @Arg('venueId', () => ID, { nullable: true }) venueId: string | null,
    @Ctx() ctx: Context,
  ): Promise<RedemptionRoute[]> {
    if (first < 1 || first > 1000) throw new BadInputError('first must be 1 to 1000', 'first');
    const position = after ? parseCursor(after) : STREAM_START;
    return liveStore.after(ctx.dataSource, position, first, scope, { programmeId: programmeId ?? null, venueId: venueId ?? null });
  }

  @Authorized(Role.OPERATOR)
  @Directive('@inaccessible')
  @Query(() => String, { description: 'The last final position of the stream: a live reader starts after it.' })
  redemptionStreamHead(@Ctx() ctx: Context): Promise<string> {
    return liveStore.head(ctx.dataSource);
  }
}
