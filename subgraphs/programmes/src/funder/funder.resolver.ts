import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../loaders';
import { Programme } from '../programme/programme.entity';
import { Funder, FunderKind } from './funder.entity';
import { registerFunder } from './funder.manager';
import { funderStore } from './funder.store';

@Resolver(() => Funder)
export class FunderResolver {
  @Query(() => [Funder])
  funders(@Ctx() ctx: Context): Promise<Funder[]> {
    return funderStore.all(ctx.dataSource);
  }

  @Query(() => Funder)
  funder(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Funder> {
    return ctx.loaders.funder.load(id);
  }

  @FieldResolver(() => [Programme], { description: 'Programmes this funder funds a share of.' })
  async programmes(@Root() funder: Funder, @Ctx() ctx: Context): Promise<Programme[]> {
    const shares = await ctx.loaders.sharesOfFunder.load(funder.id);
    return ctx.loaders.programme.loadMany(shares.map((s) => s.programmeId)) as Promise<Programme[]>;
  }

  @Mutation(() => Funder)
  registerFunder(
    @Arg('name') name: string,
    @Arg('kind', () => FunderKind) kind: FunderKind,
    @Ctx() ctx: Context,
  ): Promise<Funder> {
    return registerFunder(ctx.dataSource, { name, kind });
  }
}
