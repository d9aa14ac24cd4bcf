import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { BadInputError, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, readPageRequest, toConnection } from '@pass/kit';
import { parseTerritoryEntry } from '@pass/contracts/territory';
import { ensureCoordinates } from '../access';
import type { Context } from '../loaders';
import { QualificationProposal } from '../proposal/proposal.entity';
import { proposalStore } from '../proposal/proposal.store';
import { Venue } from '../venue/venue.entity';
import { VenueConnection } from '../venue/venue.resolver';
import { venueStore } from '../venue/venue.store';
import { Programme } from './programme.entity';

/** Names the list in its cursors, so that a cursor of another list is refused. */
const QUALIFIED_VENUES = 'Programme.qualifiedVenues';

const checkFirst = (first: number): void => {
  if (first < 1 || first > 1000) throw new BadInputError('first must be between 1 and 1000', 'first');
};

/** What this subgraph adds to the programmes subgraph's `Programme`: the venues that take, or may take, its vouchers. */
@Resolver(() => Programme)
export class ProgrammeResolver {
  @FieldResolver(() => VenueConnection, { description: 'Venues qualified for this programme, by venue id, a page at a time.' })
  async qualifiedVenues(
    @Root() programme: Programme,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Venues in this page: 1 to ${MAX_PAGE_SIZE}.` }) first: number,
    @Arg('after', () => String, { nullable: true, description: "The previous page's `pageInfo.endCursor`; the first page when absent." })
    after: string | null,
  ): Promise<VenueConnection> {
    const request = readPageRequest(QUALIFIED_VENUES, first, after);
    const page = await ctx.loaders.qualifiedVenuePagesOfProgramme(request).load(programme.id);
    return toConnection(QUALIFIED_VENUES, request, page, (v) => v.pageKey);
  }

  /**
   * What a coordinator is offered to qualify: the venues of its programme's territory not yet
   * qualified for it. The territory comes from the programmes subgraph through the gateway
   * (`@requires`), so it is never copied here; a territory is matched on columns derived from
   * each venue's INSEE code (département, région, EPCI), with an index each.
   */
  @FieldResolver(() => [Venue], { description: "Venues in this programme's territory not yet qualified for it, by name: what its coordinators may qualify." })
  @Directive('@requires(fields: "territory")')
  async venuesToQualify(@Root() programme: Programme, @Arg('first', () => Int, { defaultValue: 100, description: 'How many venues, from 1 to 1000.' }) first: number, @Ctx() ctx: Context): Promise<Venue[]> {
    ensureCoordinates(ctx, programme.id, 'venues to qualify for a programme the caller does not coordinate');
    checkFirst(first);
    return venueStore.inTerritoryNotQualified(ctx.dataSource, programme.id, (programme.territory ?? []).map((entry) => parseTerritoryEntry(entry)), first);
  }

  @FieldResolver(() => [QualificationProposal], { description: "Proposals waiting for a decision, of venues in this programme's territory." })
  @Directive('@requires(fields: "territory")')
  qualificationProposals(@Root() programme: Programme, @Arg('first', () => Int, { defaultValue: 100, description: 'How many proposals, from 1 to 1000.' }) first: number, @Ctx() ctx: Context): Promise<QualificationProposal[]> {
    ensureCoordinates(ctx, programme.id, 'proposals for a programme the caller does not coordinate');
    checkFirst(first);
    return proposalStore.pendingInTerritory(ctx.dataSource, (programme.territory ?? []).map((entry) => parseTerritoryEntry(entry)), first);
  }
}
