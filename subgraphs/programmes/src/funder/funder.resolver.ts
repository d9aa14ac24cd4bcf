import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { EVERY_ROLE } from '@pass/kit';
import { Role } from '@pass/access';
import type { Context } from '../loaders';
import { Programme } from '../programme/programme.entity';
import { Funder } from './funder.entity';
import { RegisterFunderInput, RegisterFunderPayload } from './funder.inputs';
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
    return (await ctx.loaders.programmesOfFunder.load(funder.id)).map((row) => row.programme);
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => RegisterFunderPayload, { description: 'Operator: adds a funder.' })
  registerFunder(@Arg('input', () => RegisterFunderInput, { description: 'The funder.' }) input: RegisterFunderInput, @Ctx() ctx: Context): Promise<RegisterFunderPayload> {
    return registerFunder(ctx.dataSource, input);
  }
}
