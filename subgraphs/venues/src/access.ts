import { coordinates, ensure, is, isOrganisation, isUuid } from '@pass/kit';
import { Role } from '@pass/access';
import { isCommuneInTerritory, parseTerritoryEntry } from '@pass/contracts/territory';
import type { Context } from './loaders';
import { programmeStore } from './programme/programme.store';

/*
 * Who may do what in the venues subgraph. Venues, their workshops and sessions are public places
 * and public offers: every partner sees them. A venue acts on its own workshops and sessions; a
 * coordinator acts for the programmes it coordinates, and on proposals of venues in their
 * territories; the operator acts for everyone.
 */

/** A venue publishes only its own workshops. */
export function ensureActsForVenue(ctx: Context, venueId: string): void {
  ensure(is(ctx.caller, Role.OPERATOR) || isOrganisation(ctx.caller, Role.VENUE, venueId), "another venue's workshops");
}

/**
 * The venue the caller schedules for: its own id for a venue, null for the operator, who
 * schedules for any venue. Whether the workshop is that venue's is the manager's answer.
 */
export function actingVenueOf(ctx: Context): string | null {
  return is(ctx.caller, Role.OPERATOR) ? null : ctx.caller.organisationId;
}

/** Qualifying, confirming a proposal, and a programme's venue lists: its coordinators and the operator. */
export function ensureCoordinates(ctx: Context, programmeId: string, what: string): void {
  ensure(is(ctx.caller, Role.OPERATOR) || coordinates(ctx.caller, programmeId), what);
}

/**
 * A coordinator dismisses only a proposal of a venue whose commune lies in the territory of a
 * programme it coordinates (replica of `programme.defined`); the operator any proposal.
 */
export async function ensureCoversVenue(ctx: Context, venueId: string): Promise<void> {
  if (is(ctx.caller, Role.OPERATOR)) return;
  const programmeIds = (ctx.caller.programmeIds ?? []).filter((id) => isUuid(id));
  const venue = await ctx.loaders.venue.load(venueId);
  const territories = programmeIds.length === 0 ? [] : await programmeStore.territoriesOf(ctx.dataSource, programmeIds);
  ensure(
    territories.some((territory) => isCommuneInTerritory(venue.inseeCode, territory.map(parseTerritoryEntry))),
    "dismissing a proposal of a venue outside the territory of the caller's programmes",
  );
}
