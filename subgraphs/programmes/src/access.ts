import { NotFoundError, coordinates, ensure, is, isOrganisation } from '@pass/kit';
import { Role } from '@pass/access';
import type { Order } from './order/order.entity';
import type { Context } from './loaders';

/*
 * Who sees what in the programmes subgraph. A programme's public face (name, territory, window,
 * eligibility) is public policy and visible to every partner; its money (budget, shares, orders)
 * only to its funders, its coordinators, the operator and analysts.
 */

export async function fundsProgramme(ctx: Context, programmeId: string): Promise<boolean> {
  if (ctx.caller.role !== Role.FUNDER) return false;
  const shares = await ctx.loaders.sharesOfProgramme.load(programmeId);
  return shares.some((s) => s.funderId === ctx.caller.organisationId);
}

export async function ensureProgrammeMoney(ctx: Context, programmeId: string): Promise<void> {
  const { caller } = ctx;
  const allowed = is(caller, Role.OPERATOR, Role.ANALYST) || coordinates(caller, programmeId) || (await fundsProgramme(ctx, programmeId));
  ensure(allowed, "this programme's money");
}

/** An order, for whoever sees its programme's money. */
export async function visibleOrder(ctx: Context, orderId: string): Promise<Order> {
  const order = await ctx.loaders.order.load(orderId);
  await ensureProgrammeMoney(ctx, order.programmeId);
  return order;
}

/**
 * A row loaded to check access before a mutation, or null for an unknown id: the mutation's rules
 * then answer "not found" in its payload, so there is nothing to check access against.
 */
export function unlessNotFound<T>(load: Promise<T>): Promise<T | null> {
  return load.catch((err) => {
    if (err instanceof NotFoundError) return null;
    throw err;
  });
}

/** A funder acts only for itself. */
export function ensureActsAsFunder(ctx: Context, funderId: string): void {
  ensure(is(ctx.caller, Role.OPERATOR) || isOrganisation(ctx.caller, Role.FUNDER, funderId), 'acting for another funder');
}
