import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { SafeIntResolver } from 'graphql-scalars';
import type { Context } from '../loaders';
import { Funder } from '../funder/funder.entity';
import { Order } from '../order/order.entity';
import { FundingShare } from './funding-share.entity';
import { Programme } from './programme.entity';
import { CreateProgrammeInput } from './programme.inputs';
import { createProgramme } from './programme.manager';
import { programmeStore } from './programme.store';

@Resolver(() => Programme)
export class ProgrammeResolver {
  @Query(() => [Programme])
  programmes(@Ctx() ctx: Context): Promise<Programme[]> {
    return programmeStore.all(ctx.dataSource);
  }

  @Query(() => Programme)
  programme(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Programme> {
    return ctx.loaders.programme.load(id);
  }

  @FieldResolver(() => [FundingShare])
  fundingShares(@Root() programme: Programme, @Ctx() ctx: Context): Promise<FundingShare[]> {
    return ctx.loaders.sharesOfProgramme.load(programme.id);
  }

  @FieldResolver(() => [Order])
  orders(@Root() programme: Programme, @Ctx() ctx: Context): Promise<Order[]> {
    return ctx.loaders.ordersOfProgramme.load(programme.id);
  }

  @FieldResolver(() => SafeIntResolver, { description: 'Face value of every order placed, paid or not.' })
  async orderedCents(@Root() programme: Programme, @Ctx() ctx: Context): Promise<number> {
    const orders = await ctx.loaders.ordersOfProgramme.load(programme.id);
    return orders.reduce((sum, o) => sum + o.faceValueTotalCents, 0);
  }

  @Mutation(() => Programme)
  createProgramme(@Arg('input', () => CreateProgrammeInput) input: CreateProgrammeInput, @Ctx() ctx: Context): Promise<Programme> {
    return createProgramme(ctx.dataSource, input);
  }
}

@Resolver(() => FundingShare)
export class FundingShareResolver {
  @FieldResolver(() => Funder)
  funder(@Root() share: FundingShare, @Ctx() ctx: Context): Promise<Funder> {
    return ctx.loaders.funder.load(share.funderId);
  }
}
