import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';
import { ensureProgrammeFigures } from '../access';
import { DailyRedemptions, DistributorActivity, PlaceActivity, PlaceLevel, VenueActivity } from '../activity/activity.objects';
import { placesOf, venuesOf } from '../activity/roll-up';
import { showsOther, suppressSmallCells, suppressSmallRows, suppressesSmallCells } from '../activity/small-cells';
import { Credit } from '../expiry/expiry.entity';
import { FunderStatementLine, funderStatement } from '../ledger/funder-statement';
import { ProgrammeLedger } from '../ledger/ledger.entity';
import type { Context } from '../loaders';
import { ProgrammeRef } from './programme.entity';

/**
 * Every field this subgraph adds to the programmes subgraph's `Programme`: its figures, the
 * dashboard's breakdowns, the value credited back and the ledger. All under one rule, the
 * programme's figures (`ensureProgrammeFigures`): its insiders and analysts; analysts never see a
 * row counting 1 to 4 (small-cell rule, activity/small-cells.ts).
 */
@Resolver(() => ProgrammeRef)
export class ProgrammeResolver {
  // Asked here only under a redemption (@provides in redemption.resolver.ts); the name is as
  // public as in the programmes subgraph, so no figures rule applies.
  @FieldResolver(() => String, { description: "The programme's name." })
  async name(@Root() p: ProgrammeRef, @Ctx() ctx: Context): Promise<string> {
    return (await ctx.loaders.programmeName.load(p.id)).name;
  }

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
    // venueActivity, so no table can be subtracted from another (see small-cells.ts).
    const { published, other } = suppressSmallCells(await ctx.loaders.redemptionCells.load(p.id));
    const places = placesOf(published.map((c) => ({ programmeId: p.id, inseeCode: c.inseeCode as string, vouchersRedeemed: c.vouchersRedeemed, amountCents: c.amountCents })), level);
    if (showsOther(other)) places.push({ level, code: 'OTHER', name: 'Autres lieux (moins de 5 passages chacun)', ...other, suppressed: true });
    return places;
  }

  @FieldResolver(() => SafeIntResolver, { description: 'Face value of blocked vouchers credited back to the funders.' })
  async creditedBackCents(@Root() p: ProgrammeRef, @Ctx() ctx: Context): Promise<number> {
    await ensureProgrammeFigures(ctx, p.id);
    return (await ctx.loaders.creditsOfProgramme.load(p.id)).reduce((sum, c) => sum + c.amountCents, 0);
  }

  @FieldResolver(() => [Credit], { description: 'Credited back per funder, largest first.' })
  async credits(@Root() p: ProgrammeRef, @Ctx() ctx: Context): Promise<Credit[]> {
    await ensureProgrammeFigures(ctx, p.id);
    return (await ctx.loaders.creditsOfProgramme.load(p.id)).map((c) => ({ funder: { id: c.funderId }, amountCents: c.amountCents }));
  }

  @FieldResolver(() => ProgrammeLedger, { description: 'Where every euro of the issued orders is now: for its insiders and analysts.' })
  async ledger(@Root() p: ProgrammeRef, @Ctx() ctx: Context): Promise<ProgrammeLedger> {
    await ensureProgrammeFigures(ctx, p.id);
    return ctx.loaders.ledger.load(p.id);
  }

  @FieldResolver(() => [FunderStatementLine], {
    description: "The funder statement: the ledger split by co-funder share (paid, redeemed, outstanding, credited back), in the order of the programme's shares. Each column sums to the ledger's figure. For its insiders and analysts.",
  })
  async funderStatement(@Root() p: ProgrammeRef, @Ctx() ctx: Context): Promise<FunderStatementLine[]> {
    await ensureProgrammeFigures(ctx, p.id);
    const [ledger, shares, credits] = await Promise.all([ctx.loaders.ledger.load(p.id), ctx.loaders.sharesOfProgramme.load(p.id), ctx.loaders.creditsOfProgramme.load(p.id)]);
    return funderStatement(ledger, shares, new Map(credits.map((c) => [c.funderId, c.amountCents])));
  }
}
