import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';
import { BadInputError, Role, parisMonthOf } from '@pass/kit';
import { ensureDistributorFigures, ensureProgrammeFigures, ensureVenueFigures } from '../access';
import type { Context } from '../loaders';
import { DistributorRef, ProgrammeRef, VenueRef, WorkshopSessionRef } from '../refs/refs';
import { Voucher } from '../voucher/voucher.entity';
import { Redemption } from './redemption.entity';
import { redeemVoucher } from './redemption.manager';
import { RedeemVoucherInput, RedeemVoucherPayload, VenueActivity } from './redemption.types';
import { DistributorActivity } from './distributor-activity.type';
import { type RedemptionCell, suppressSmallCells, suppressSmallRows, suppressesSmallCells } from '../activity/small-cells';

@Resolver(() => Redemption)
export class RedemptionResolver {
  @FieldResolver(() => Voucher, { description: 'The voucher redeemed.' })
  voucher(@Root() redemption: Redemption, @Ctx() ctx: Context): Promise<Voucher> {
    return ctx.loaders.voucher.load(redemption.voucherId);
  }

  @FieldResolver(() => WorkshopSessionRef, { description: 'The session the voucher paid for.' })
  session(@Root() redemption: Redemption): WorkshopSessionRef {
    return { id: redemption.sessionId };
  }

  @FieldResolver(() => VenueRef, { description: 'The venue that took the voucher.' })
  venue(@Root() redemption: Redemption): VenueRef {
    return { id: redemption.venueId };
  }

  @FieldResolver(() => ProgrammeRef, { description: "The voucher's programme." })
  programme(@Root() redemption: Redemption): ProgrammeRef {
    return { id: redemption.programmeId };
  }

  @Authorized(Role.VENUE)
  @Mutation(() => RedeemVoucherPayload, { description: 'A venue records a voucher against a session it runs, exactly once.' })
  redeemVoucher(@Arg('input', () => RedeemVoucherInput, { description: "The voucher's code, the session and the idempotency key." }) input: RedeemVoucherInput, @Ctx() ctx: Context): Promise<RedeemVoucherPayload> {
    // The calling venue is the acting venue: a session of another venue is refused as data.
    return redeemVoucher(ctx.dataSource, input, ctx.caller.organisationId, ctx.clock.now());
  }
}

/** What this subgraph adds to the programmes subgraph's `Programme`. */
@Resolver(() => ProgrammeRef)
export class ProgrammeFiguresResolver {
  @FieldResolver(() => Int, { description: 'Books issued for the programme.' })
  async booksIssued(@Root() p: ProgrammeRef, @Ctx() ctx: Context) {
    await ensureProgrammeFigures(ctx, p.id);
    return (await ctx.loaders.programmeStats.load(p.id)).booksIssued;
  }

  @FieldResolver(() => Int, { description: 'Books of the programme allocated to distributors.' })
  async booksAllocated(@Root() p: ProgrammeRef, @Ctx() ctx: Context) {
    await ensureProgrammeFigures(ctx, p.id);
    return (await ctx.loaders.programmeStats.load(p.id)).booksAllocated;
  }

  @FieldResolver(() => Int, { description: 'Books handed to a person.' })
  async booksHandedOut(@Root() p: ProgrammeRef, @Ctx() ctx: Context) {
    await ensureProgrammeFigures(ctx, p.id);
    return (await ctx.loaders.programmeStats.load(p.id)).booksHandedOut;
  }

  @FieldResolver(() => Int, { description: 'Vouchers issued for the programme.' })
  async vouchersIssued(@Root() p: ProgrammeRef, @Ctx() ctx: Context) {
    await ensureProgrammeFigures(ctx, p.id);
    return (await ctx.loaders.programmeStats.load(p.id)).vouchersIssued;
  }

  @FieldResolver(() => Int, { description: 'Vouchers redeemed at venues.' })
  async vouchersRedeemed(@Root() p: ProgrammeRef, @Ctx() ctx: Context) {
    await ensureProgrammeFigures(ctx, p.id);
    return (await ctx.loaders.programmeStats.load(p.id)).vouchersRedeemed;
  }

  @FieldResolver(() => SafeIntResolver, { description: "Face value of the programme's redeemed vouchers, in euro cents." })
  async redeemedAmountCents(@Root() p: ProgrammeRef, @Ctx() ctx: Context) {
    await ensureProgrammeFigures(ctx, p.id);
    return (await ctx.loaders.programmeStats.load(p.id)).redeemedCents;
  }

  @FieldResolver(() => SafeIntResolver, { description: 'Face value of issued vouchers still usable.' })
  async outstandingAmountCents(@Root() p: ProgrammeRef, @Ctx() ctx: Context) {
    await ensureProgrammeFigures(ctx, p.id);
    return (await ctx.loaders.programmeStats.load(p.id)).outstandingCents;
  }

  @FieldResolver(() => [VenueActivity], {
    description:
      'Redemptions per venue, most active first. Analysts never see a venue counting 1 to 4 redemptions: such venues ' +
      '(and, when those add up to fewer than 5, the smallest others too) are left out; together they are the ' +
      '`suppressed` row of redemptionsByPlace, 0 or at least 5.',
  })
  async venueActivity(@Root() p: ProgrammeRef, @Ctx() ctx: Context): Promise<VenueActivity[]> {
    await ensureProgrammeFigures(ctx, p.id);
    if (suppressesSmallCells(ctx.caller)) return venuesOf(suppressSmallCells(await ctx.loaders.redemptionCells.load(p.id)).published);
    const rows = await ctx.loaders.venueActivityOfProgramme.load(p.id);
    return rows.map((r) => ({ venue: { id: r.venueId }, vouchersRedeemed: r.vouchersRedeemed, amountCents: r.amountCents }));
  }

  @FieldResolver(() => [DistributorActivity], {
    description:
      'Books and redemptions per distributor, most books first. Analysts never see a distributor whose books handed out or vouchers redeemed count 1 to 4: ' +
      'such distributors (and, when those add up to 1 to 4, the smallest others too) are left out.',
  })
  async distributorActivity(@Root() p: ProgrammeRef, @Ctx() ctx: Context): Promise<DistributorActivity[]> {
    await ensureProgrammeFigures(ctx, p.id);
    const all = await ctx.loaders.distributorActivityOfProgramme.load(p.id);
    const rows = suppressesSmallCells(ctx.caller) ? suppressSmallRows(all, (r) => [r.booksHandedOut, r.vouchersRedeemed]) : all;
    return rows.map((r) => ({ ...r, distributor: { id: r.distributorId } }));
  }
}

/** An analyst's venue table: the published (venue, commune) cells rolled up by venue, most active first. */
function venuesOf(cells: RedemptionCell[]): VenueActivity[] {
  const venues = new Map<string, VenueActivity>();
  for (const c of cells) {
    const v = venues.get(c.venueId) ?? { venue: { id: c.venueId }, vouchersRedeemed: 0, amountCents: 0 };
    v.vouchersRedeemed += c.vouchersRedeemed;
    v.amountCents += c.amountCents;
    venues.set(c.venueId, v);
  }
  return [...venues.values()].sort((a, b) => b.vouchersRedeemed - a.vouchersRedeemed || a.venue.id.localeCompare(b.venue.id));
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function currentParisMonth(ctx: Context): string {
  return parisMonthOf(ctx.clock.now() ?? new Date());
}

/** What this subgraph adds to the venues subgraph's `Venue`. */
@Resolver(() => VenueRef)
export class VenueFiguresResolver {
  @FieldResolver(() => Int, { description: 'Vouchers this venue redeemed, all time and every programme: the venue itself and the operator (coordinators read Programme.venueActivity).' })
  async vouchersRedeemed(@Root() venue: VenueRef, @Ctx() ctx: Context) {
    await ensureVenueFigures(ctx, venue.id);
    return (await ctx.loaders.venueTotals(null).load(venue.id)).count;
  }

  @FieldResolver(() => SafeIntResolver, { description: 'Face value of every voucher this venue redeemed: the venue itself and the operator.' })
  async redeemedAmountCents(@Root() venue: VenueRef, @Ctx() ctx: Context) {
    await ensureVenueFigures(ctx, venue.id);
    return (await ctx.loaders.venueTotals(null).load(venue.id)).amountCents;
  }

  @FieldResolver(() => SafeIntResolver, { description: "Face value of the month's redemptions (YYYY-MM, Paris time; this month by default)." })
  async amountDueCents(
    @Root() venue: VenueRef,
    @Ctx() ctx: Context,
    @Arg('month', () => String, { nullable: true, description: 'The month, YYYY-MM (Paris time); this month when absent.' }) month?: string | null,
  ) {
    await ensureVenueFigures(ctx, venue.id);
    const m = month ?? currentParisMonth(ctx);
    if (!MONTH.test(m)) throw new BadInputError('month must be written YYYY-MM', 'month');
    return (await ctx.loaders.venueTotals(m).load(venue.id)).amountCents;
  }
}

/** What this subgraph adds to the beneficiaries subgraph's `Distributor`. */
@Resolver(() => DistributorRef)
export class DistributorFiguresResolver {
  @FieldResolver(() => Int, { description: 'Every programme together: the distributor itself and the operator (coordinators read Programme.distributorActivity).' })
  async booksAllocated(@Root() d: DistributorRef, @Ctx() ctx: Context) {
    await ensureDistributorFigures(ctx, d.id);
    return (await ctx.loaders.distributorTotals.load(d.id)).booksAllocated;
  }

  @FieldResolver(() => Int, { description: 'Of those, books handed to a person.' })
  async booksHandedOut(@Root() d: DistributorRef, @Ctx() ctx: Context) {
    await ensureDistributorFigures(ctx, d.id);
    return (await ctx.loaders.distributorTotals.load(d.id)).booksHandedOut;
  }

  @FieldResolver(() => Int, { description: "Vouchers of this distributor's books redeemed at venues." })
  async vouchersRedeemed(@Root() d: DistributorRef, @Ctx() ctx: Context) {
    await ensureDistributorFigures(ctx, d.id);
    return (await ctx.loaders.distributorTotals.load(d.id)).vouchersRedeemed;
  }
}
