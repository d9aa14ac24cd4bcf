import { describeTerritory, findCommune } from '@pass/contracts/territory';
import { PlaceLevel, type PlaceActivity, type VenueActivity } from './activity.objects';
import type { CommuneRow } from './activity.store';
import type { RedemptionCell } from './small-cells';

/** Rolls commune rows up to the level asked for, most redemptions first, named. */
export function placesOf(rows: CommuneRow[], level: PlaceLevel): PlaceActivity[] {
  const places = new Map<string, PlaceActivity>();
  for (const row of rows) {
    const commune = findCommune(row.inseeCode);
    const code = level === PlaceLevel.COMMUNE ? (commune?.code ?? row.inseeCode) : (commune?.departement ?? row.inseeCode.slice(0, 2));
    let place = places.get(code);
    if (!place) {
      const name =
        level === PlaceLevel.COMMUNE
          ? (commune?.name ?? code)
          : (describeTerritory([{ level: 'departement', code }])[0]?.name ?? code);
      place = { level, code, name, vouchersRedeemed: 0, amountCents: 0, suppressed: false };
      places.set(code, place);
    }
    place.vouchersRedeemed += row.vouchersRedeemed;
    place.amountCents += row.amountCents;
  }
  return [...places.values()].sort((a, b) => b.vouchersRedeemed - a.vouchersRedeemed || a.code.localeCompare(b.code));
}

/** An analyst's venue table: the published (venue, commune) cells rolled up by venue, most active first. */
export function venuesOf(cells: RedemptionCell[]): VenueActivity[] {
  const venues = new Map<string, VenueActivity>();
  for (const c of cells) {
    const v = venues.get(c.venueId) ?? { venue: { id: c.venueId }, vouchersRedeemed: 0, amountCents: 0 };
    v.vouchersRedeemed += c.vouchersRedeemed;
    v.amountCents += c.amountCents;
    venues.set(c.venueId, v);
  }
  return [...venues.values()].sort((a, b) => b.vouchersRedeemed - a.vouchersRedeemed || a.venue.id.localeCompare(b.venue.id));
}
