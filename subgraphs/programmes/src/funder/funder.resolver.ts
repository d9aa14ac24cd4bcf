import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { EVERY_ROLE } from '@pass/kit';
import { Role } from '@pass/access';
import type { Context } from '../loaders';
import { Programme } from '../programme/programme.entity';
import { Funder, FunderKind } from './funder.entity';
import { registerFunder } from './funder.manager';
import { funderStore } from './funder.store';

@Resolver(() => Funder)
export class FunderResolver {
  @Authorized(EVERY_ROLE)
  @Query(() => [Funder], { description: 'A funder sees itself only.' })
  async funders(@Ctx() ctx: Context): Promise<Funder[]> {
    const all = await funderStore.all(ctx.dataSource);
    return ctx.caller.role === Role.FUNDER ? all.filter((f) => f.id === ctx.caller.organisationId) : all;
  }

  @Authorized(EVERY_ROLE)
  @Query(() => Funder, { description: 'A funder: itself, or the operator.' })
  funder(@Arg('id', () => ID, { description: "The funder's id." }) id: string, @Ctx() ctx: Context): Promise<Funder> {
    return ctx.loaders.funder.load(id);
  }

  @FieldResolver(() => [Programme], { description: 'Programmes this funder funds a share of.' })
  async programmes(@Root() funder: Funder, @Ctx() ctx: Context): Promise<Programme[]> {
    const shares = await ctx.loaders.sharesOfFunder.load(funder.id);
    return ctx.loaders.programme.loadMany(shares.map((s) => s.programmeId)) as Promise<Programme[]>;
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => Funder, { description: 'Operator: adds a funder.' })
  registerFunder(
    @Arg('name', { description: "The organisation's name." }) name: string,
    @Arg('kind', () => FunderKind, { description: 'What kind of organisation it is.' }) kind: FunderKind,
    @Ctx() ctx: Context,
  ): Promise<Funder> {
    return registerFunder(ctx.dataSource, { name, kind });
  }
}
