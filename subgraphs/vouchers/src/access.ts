import { SEES_ALL_AGGREGATES, coordinates, ensure, is, isOrganisation } from '@pass/kit';
import { Role } from '@pass/access';
import type { Book } from './book/book.entity';
import type { Context } from './loaders';
import type { Redemption } from './redemption/redemption.entity';
import type { ReimbursementStatement } from './reimbursement/reimbursement-statement.entity';
import type { Voucher } from './voucher/voucher.entity';

/*
 * Who sees what in the vouchers subgraph. A book belongs to the distributor holding it; a
 * redemption to the venue that took it; both are also seen by the programme's funders and
 * coordinators and by the operator. Analysts get programme-level figures, never a book.
 */

/** A row the gateway fetched by reference, once the caller may see it: entity fetches obey the same row rules as root fields. */
export async function seen<T>(ctx: Context, row: T, ensureSees: (ctx: Context, row: T) => Promise<void> | void): Promise<T> {
  await ensureSees(ctx, row);
  return row;
}

export async function fundsProgramme(ctx: Context, programmeId: string): Promise<boolean> {
  if (ctx.caller.role !== Role.FUNDER) return false;
  return (await ctx.loaders.fundersOfProgramme.load(programmeId)).includes(ctx.caller.organisationId);
}

/** Funders, coordinators of the programme, and the operator: the programme's insiders. */
export async function isProgrammeInsider(ctx: Context, programmeId: string): Promise<boolean> {
  return is(ctx.caller, Role.OPERATOR) || coordinates(ctx.caller, programmeId) || (await fundsProgramme(ctx, programmeId));
}

export async function ensureProgrammeFigures(ctx: Context, programmeId: string): Promise<void> {
  ensure(is(ctx.caller, ...SEES_ALL_AGGREGATES) || (await isProgrammeInsider(ctx, programmeId)), "this programme's figures");
}

export async function ensureSeesBook(ctx: Context, book: Book): Promise<void> {
  ensure(isOrganisation(ctx.caller, Role.DISTRIBUTOR, book.distributorId) || (await isProgrammeInsider(ctx, book.programmeId)), 'a book of another organisation');
}

export async function ensureSeesRedemption(ctx: Context, redemption: Redemption): Promise<void> {
  if (isOrganisation(ctx.caller, Role.VENUE, redemption.venueId)) return;
  if (ctx.caller.role === Role.DISTRIBUTOR) {
    const book = await ctx.loaders.book.load(redemption.bookId);
    if (book.distributorId === ctx.caller.organisationId) return;
  }
  ensure(await isProgrammeInsider(ctx, redemption.programmeId), 'a redemption of another organisation');
}

export async function ensureSeesVoucher(ctx: Context, voucher: Voucher): Promise<void> {
  if (ctx.caller.role === Role.VENUE) {
    const [redemption] = await ctx.loaders.redemptionOfVoucher.load(voucher.id);
    ensure(redemption?.venueId === ctx.caller.organisationId, 'a voucher this venue did not take');
    return;
  }
  await ensureSeesBook(ctx, await ctx.loaders.book.load(voucher.bookId));
}

/*
 * A venue's and a distributor's totals across every programme are the organisation's own and the
 * operator's: a coordinator reads venues and distributors through its programmes
 * (`Programme.venueActivity`, `Programme.distributorActivity`), so no field changes meaning with
 * the caller, and qualifying a venue grants no view of its other programmes.
 */
export function ensureVenueFigures(ctx: Context, venueId: string): void {
  ensure(is(ctx.caller, Role.OPERATOR) || isOrganisation(ctx.caller, Role.VENUE, venueId), "another venue's figures");
}

export function ensureDistributorFigures(ctx: Context, distributorId: string): void {
  ensure(is(ctx.caller, Role.OPERATOR) || isOrganisation(ctx.caller, Role.DISTRIBUTOR, distributorId), "another distributor's figures");
}

/** What a venue is paid is between it and the operator who pays it. */
export function ensureSeesStatement(ctx: Context, statement: Pick<ReimbursementStatement, 'venueId'>): void {
  ensure(is(ctx.caller, Role.OPERATOR) || isOrganisation(ctx.caller, Role.VENUE, statement.venueId), 'a reimbursement statement of another venue');
}
