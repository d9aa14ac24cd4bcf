import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, DEFAULT_PAGE_SIZE, EVERY_ROLE, MAX_PAGE_SIZE, ensure, readPageRequest, toConnection } from '@pass/kit';
import { Role } from '@pass/access';
import { parisDayOf } from '@pass/contracts';
import { ensureProgrammeMoney } from '../access';
import { SafeIntResolver } from 'graphql-scalars';
import type { Context } from '../loaders';
import { Order } from '../order/order.entity';
import { FundingShare } from '../funding-share/funding-share.entity';
import { Programme } from './programme.entity';
import { CreateProgrammeInput, CreateProgrammePayload } from './programme.inputs';
import { createProgramme } from './programme.manager';
import { programmeStore } from './programme.store';

/** Whole days from today (Paris) to the last valid day, both included: what a coordinator has left. */
export function daysLeftUntil(validUntil: string, now: Date): number {
  const days = (Date.parse(`${validUntil}T00:00:00Z`) - Date.parse(`${parisDayOf(now)}T00:00:00Z`)) / 86_400_000 + 1;
  return Math.max(0, Math.round(days));
}

/** Names the list in its cursors, so that a cursor of another list is refused. */
const ORDERS_OF_PROGRAMME = 'Programme.orders';

@ObjectType('OrderConnection', { description: "A page of a programme's orders, by placing time then id." })
export class OrderConnection extends ConnectionType(Order, 'Order') {}

@Resolver(() => Programme)
export class ProgrammeResolver {
  @Authorized(EVERY_ROLE)
  @Query(() => [Programme], { description: 'Every programme, with the same visibility as `programme`.' })
  programmes(@Ctx() ctx: Context): Promise<Programme[]> {
    return programmeStore.all(ctx.dataSource);
  }

  @Authorized(EVERY_ROLE)
  @Query(() => Programme, { description: 'A programme: public facts for every partner; money and figures for its funders, coordinators, analysts and the operator.' })
  programme(@Arg('id', () => ID, { description: "The programme's id." }) id: string, @Ctx() ctx: Context): Promise<Programme> {
    return ctx.loaders.programme.load(id);
  }

  @FieldResolver(() => Int, { description: 'Days vouchers can still be redeemed, today included (Paris time); 0 once the last day has passed.' })
  daysLeft(@Root() programme: Programme, @Ctx() ctx: Context): number {
    return daysLeftUntil(programme.validUntil, ctx.clock.now() ?? new Date());
  }

  @FieldResolver(() => [FundingShare], { description: "Each funder's share, in basis points summing to 10,000." })
  async fundingShares(@Root() programme: Programme, @Ctx() ctx: Context): Promise<FundingShare[]> {
    await ensureProgrammeMoney(ctx, programme.id);
    return ctx.loaders.sharesOfProgramme.load(programme.id);
  }

  @FieldResolver(() => OrderConnection, { description: "The funders' orders for this programme, by placing time then id, a page at a time." })
  async orders(
    @Root() programme: Programme,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Orders in this page: 1 to ${MAX_PAGE_SIZE}.` }) first: number,
    @Arg('after', () => String, { nullable: true, description: "The previous page's `pageInfo.endCursor`; the first page when absent." })
    after: string | null,
  ): Promise<OrderConnection> {
    const request = readPageRequest(ORDERS_OF_PROGRAMME, first, after);
    await ensureProgrammeMoney(ctx, programme.id);
    const page = await ctx.loaders.orderPagesOfProgramme(request).load(programme.id);
    return toConnection(ORDERS_OF_PROGRAMME, request, page, (o) => o.pageKey);
  }

  @FieldResolver(() => SafeIntResolver, { description: 'Face value of every order placed, paid or not.' })
  async orderedCents(@Root() programme: Programme, @Ctx() ctx: Context): Promise<number> {
    await ensureProgrammeMoney(ctx, programme.id);
    const orders = await ctx.loaders.ordersOfProgramme.load(programme.id);
    return orders.reduce((sum, o) => sum + o.faceValueTotalCents, 0);
  }

  @FieldResolver(() => SafeIntResolver, { description: 'The budget, in euro cents.' })
  async budgetCents(@Root() programme: Programme, @Ctx() ctx: Context): Promise<number> {
    await ensureProgrammeMoney(ctx, programme.id);
    return programme.budgetCents;
  }

  @Authorized(Role.FUNDER, Role.OPERATOR)
  @Mutation(() => CreateProgrammePayload, {
    description: 'A funder creates a programme it has a share in, with its co-funders: their shares are PENDING until each accepts (acceptFundingShare).',
  })
  createProgramme(@Arg('input', () => CreateProgrammeInput, { description: 'The programme.' }) input: CreateProgrammeInput, @Ctx() ctx: Context): Promise<CreateProgrammePayload> {
    if (ctx.caller.role === Role.FUNDER) {
      // A funder sets up the programmes it takes part in, with its co-funders' agreed shares.
      ensure(input.shares.some((s) => s.funderId === ctx.caller.organisationId), 'a programme the caller has no share in');
    }
    return createProgramme(ctx.dataSource, input, ctx.caller.role === Role.FUNDER ? ctx.caller.organisationId : null);
  }
}
