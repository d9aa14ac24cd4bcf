import { Arg, Ctx, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';
import { BadInputError, ConnectionType, ReplicaBehindError, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, readPageRequest, toConnection } from '@pass/kit';
import { parisMonthOf, type VenueDescribed } from '@pass/contracts';
import { ensureSeesStatement, ensureVenueFigures } from '../access';
import { VenueMonthToDate } from '../activity/activity.objects';
import type { Context } from '../loaders';
import { isMonth } from '../reimbursement/paris-month';
import { ReimbursementStatement } from '../reimbursement/reimbursement-statement.entity';
import { VenueRef } from './venue.entity';

/**
 * The venue as its venue.described fact said. A venue is described when it is registered, before
 * any session of it can be scheduled, so a venue with redemptions is always here once this
 * subgraph has caught up; missing, it is said so rather than answered wrong.
 */
async function describedVenue(ctx: Context, venueId: string): Promise<VenueDescribed> {
  const fact = await ctx.loaders.venueFact.load(venueId);
  if (!fact) throw new ReplicaBehindError(`venue ${venueId} has not reached the vouchers subgraph's replica of venue.described yet: ask again in a moment`);
  return fact;
}

/** Names the list in its cursors, so that a cursor of another list is refused. */
const STATEMENTS_OF_VENUE = 'Venue.statements';

@ObjectType('ReimbursementStatementConnection', { description: "A page of a venue's reimbursement statements, latest month first." })
export class ReimbursementStatementConnection extends ConnectionType(ReimbursementStatement, 'ReimbursementStatement') {}

/**
 * Every field this subgraph adds to the venues subgraph's `Venue`: its redemption figures and its
 * statements. A venue's figures across every programme are its own and the operator's
 * (`ensureVenueFigures`); what it is paid, too (`ensureSeesStatement`).
 */
@Resolver(() => VenueRef)
export class VenueResolver {
  // Asked here only where this subgraph provides them (@provides); as public as in the venues
  // subgraph, so no figures rule applies.
  @FieldResolver(() => String, { description: "The venue's name." })
  async name(@Root() venue: VenueRef, @Ctx() ctx: Context): Promise<string> {
    return (await describedVenue(ctx, venue.id)).name;
  }

  @FieldResolver(() => String, { description: 'INSEE code of the commune.' })
  async inseeCode(@Root() venue: VenueRef, @Ctx() ctx: Context): Promise<string> {
    return (await describedVenue(ctx, venue.id)).inseeCode;
  }

  @FieldResolver(() => Int, { description: 'Vouchers this venue redeemed, all time and every programme: the venue itself and the operator (coordinators read Programme.venueActivity).' })
  async vouchersRedeemed(@Root() venue: VenueRef, @Ctx() ctx: Context) {
    ensureVenueFigures(ctx, venue.id);
    return (await ctx.loaders.venueTotals(null).load(venue.id)).count;
  }

  @FieldResolver(() => SafeIntResolver, { description: 'Face value of every voucher this venue redeemed: the venue itself and the operator.' })
  async redeemedAmountCents(@Root() venue: VenueRef, @Ctx() ctx: Context) {
    ensureVenueFigures(ctx, venue.id);
    return (await ctx.loaders.venueTotals(null).load(venue.id)).amountCents;
  }

  @FieldResolver(() => SafeIntResolver, { description: "Face value of the month's redemptions (YYYY-MM, Paris time; this month by default)." })
  async amountDueCents(
    @Root() venue: VenueRef,
    @Ctx() ctx: Context,
    @Arg('month', () => String, { nullable: true, description: 'The month, YYYY-MM (Paris time); this month when absent.' }) month?: string | null,
  ) {
    ensureVenueFigures(ctx, venue.id);
    const m = month ?? parisMonthOf(ctx.clock.now() ?? new Date());
    if (!isMonth(m)) throw new BadInputError('month must be written YYYY-MM', 'month');
    return (await ctx.loaders.venueTotals(m).load(venue.id)).amountCents;
  }

  @FieldResolver(() => VenueMonthToDate, { description: "Redemptions so far this calendar month (Paris time): the counter page's running total." })
  async monthToDate(@Root() venue: VenueRef, @Ctx() ctx: Context): Promise<VenueMonthToDate> {
    ensureVenueFigures(ctx, venue.id);
    const month = parisMonthOf(ctx.clock.now() ?? new Date());
    const totals = await ctx.loaders.venueTotals(month).load(venue.id);
    return { month, vouchersRedeemed: totals.count, amountCents: totals.amountCents };
  }

  @FieldResolver(() => ReimbursementStatementConnection, {
    description: 'Monthly reimbursement statements, latest month first, a page at a time: for the operator and the venue itself.',
  })
  async statements(
    @Root() venue: VenueRef,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Statements in this page: 1 to ${MAX_PAGE_SIZE}.` }) first: number,
    @Arg('after', () => String, { nullable: true, description: "The previous page's `pageInfo.endCursor`; the first page when absent." })
    after: string | null,
  ): Promise<ReimbursementStatementConnection> {
    const request = readPageRequest(STATEMENTS_OF_VENUE, first, after);
    ensureSeesStatement(ctx, { venueId: venue.id });
    const page = await ctx.loaders.statementsOfVenue(JSON.stringify(request)).load(venue.id);
    return toConnection(STATEMENTS_OF_VENUE, request, page, (statement) => statement.month);
  }

  @FieldResolver(() => ReimbursementStatement, {
    nullable: true,
    description: "The venue's reimbursement statement of one closed month, null when it has none (month not closed, or nothing redeemed): for the operator and the venue itself.",
  })
  async statement(
    @Root() venue: VenueRef,
    @Arg('month', { description: 'The month, YYYY-MM, Paris time.' }) month: string,
    @Ctx() ctx: Context,
  ): Promise<ReimbursementStatement | null> {
    ensureSeesStatement(ctx, { venueId: venue.id });
    if (!isMonth(month)) throw new BadInputError('month must be written YYYY-MM', 'month');
    return ctx.loaders.statementOfVenueInMonth(month).load(venue.id);
  }
}
