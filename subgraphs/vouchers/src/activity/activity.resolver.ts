import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { describeTerritory, findCommune } from '@pass/kit';
import { ensureProgrammeFigures, ensureVenueFigures } from '../access';
import type { Context } from '../loaders';
import { parisMonthOf } from '../paris-time';
import { ProgrammeRef, VenueRef, WorkshopSessionRef } from '../refs/refs';
import { DailyRedemptions, PlaceActivity, PlaceLevel, VenueMonthToDate } from './activity.types';
import type { CommuneRow } from './activity.store';
import { showsOther, suppressSmallCells, suppressSmallRows, suppressesSmallCells } from './small-cells';

/** Rolls commune rows up to the level asked for, most redemptions first, named. */
function placesOf(rows: CommuneRow[], level: PlaceLevel): PlaceActivity[] {
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

/** What the coordinator dashboard needs on `Programme`, with the rule of every programme figure. */
@Resolver(() => ProgrammeRef)
export class ProgrammeActivityResolver {
  @FieldResolver(() => [DailyRedemptions], {
    description:
      'Redemptions per Paris calendar day, oldest first; days without any are left out. Analysts never see a day counting 1 to 4 redemptions: ' +
      'such days (and, when those add up to 1 to 4, the smallest others too) are left out.',
  })
  async redemptionsByDay(@Root() p: ProgrammeRef, @Ctx() ctx: Context): Promise<DailyRedemptions[]> {
    await ensureProgrammeFigures(ctx, p.id);
    const days = await ctx.loaders.redemptionsByDay.load(p.id);
    return suppressesSmallCells(ctx.caller) ? suppressSmallRows(days, (d) => [d.vouchersRedeemed]) : days;
  }

  @FieldResolver(() => [PlaceActivity], {
    description:
      'Redemptions per commune or département where the sessions took place, most first. ' +
      'Analysts never see a place counting 1 to 4 redemptions: small places are merged into one last row ' +
      '(`suppressed: true`, code OTHER), itself shown only when it counts 5 or more.',
  })
  async redemptionsByPlace(
    @Root() p: ProgrammeRef,
    @Ctx() ctx: Context,
    @Arg('level', () => PlaceLevel, { defaultValue: PlaceLevel.DEPARTEMENT, description: 'By commune or by département.' }) level: PlaceLevel,
  ): Promise<PlaceActivity[]> {
    await ensureProgrammeFigures(ctx, p.id);
    if (!suppressesSmallCells(ctx.caller)) return placesOf(await ctx.loaders.redemptionsByCommune.load(p.id), level);
    // Communes and départements are rolled up from the same published (venue, commune) cells as
    // Programme.venueActivity, so no table can be subtracted from another (see small-cells.ts).
    const { published, other } = suppressSmallCells(await ctx.loaders.redemptionCells.load(p.id));
    const places = placesOf(published.map((c) => ({ programmeId: p.id, inseeCode: c.inseeCode as string, vouchersRedeemed: c.vouchersRedeemed, amountCents: c.amountCents })), level);
    if (showsOther(other)) places.push({ level, code: 'OTHER', name: 'Autres lieux (moins de 5 passages chacun)', ...other, suppressed: true });
    return places;
  }
}

/** The venue counter page's running total. */
@Resolver(() => VenueRef)
export class VenueMonthResolver {
  @FieldResolver(() => VenueMonthToDate, { description: "Redemptions so far this calendar month (Paris time): the counter page's running total." })
  async monthToDate(@Root() venue: VenueRef, @Ctx() ctx: Context): Promise<VenueMonthToDate> {
    await ensureVenueFigures(ctx, venue.id);
    const month = parisMonthOf(ctx.clock.now() ?? new Date());
    const totals = await ctx.loaders.venueTotals(month).load(venue.id);
    return { month, vouchersRedeemed: totals.count, amountCents: totals.amountCents };
  }
}

@Resolver(() => WorkshopSessionRef)
export class SessionSeatsResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description: "Seats not yet taken by a redemption: the venue's figure. Null until the session's schedule has reached the vouchers subgraph.",
  })
  async seatsLeft(@Root() session: WorkshopSessionRef, @Ctx() ctx: Context): Promise<number | null> {
    const venueId = await ctx.loaders.venueOfSession.load(session.id);
    if (venueId === null) return null;
    await ensureVenueFigures(ctx, venueId);
    return ctx.loaders.seatsLeft.load(session.id);
  }
}
