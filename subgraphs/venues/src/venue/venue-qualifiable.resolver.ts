import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { BadInputError, coordinates, ensure, is } from '@pass/kit';
import { Role } from '@pass/access';
import { parseTerritoryEntry, type TerritoryEntry } from '@pass/contracts/territory';
import type { Context } from '../loaders';
import { ProgrammeRef } from '../programme/programme.ref';
import { venueTerritoryStore } from './venue-territory.store';
import { Venue } from './venue.entity';

@Resolver(() => ProgrammeRef)
export class QualifiableVenuesResolver {
  /**
   * What a coordinator is offered to qualify: the venues of its programme's territory not yet
   * qualified for it. The territory comes from the programmes subgraph through the gateway
   * (`@requires`), so it is never copied here; a territory is matched on columns derived from
   * each venue's INSEE code (département, région, EPCI), with an index each.
   */
  @FieldResolver(() => [Venue], { description: "Venues in this programme's territory not yet qualified for it, by name: what its coordinators may qualify." })
  @Directive('@requires(fields: "territory")')
  async venuesToQualify(@Root() programme: ProgrammeRef, @Arg('first', () => Int, { defaultValue: 100, description: 'How many venues, from 1 to 1000.' }) first: number, @Ctx() ctx: Context): Promise<Venue[]> {
    ensure(is(ctx.caller, Role.OPERATOR) || coordinates(ctx.caller, programme.id), 'venues to qualify for a programme the caller does not coordinate');
    if (first < 1 || first > 1000) throw new BadInputError('first must be between 1 and 1000', 'first');
    const entries: TerritoryEntry[] = (programme.territory ?? []).map((entry) => parseTerritoryEntry(entry));
    return venueTerritoryStore.inTerritoryNotQualified(ctx.dataSource, programme.id, entries, first);
  }
}
