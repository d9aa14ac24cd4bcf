import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { EVERY_ROLE, ensure, isOrganisation } from '@pass/kit';
import { Role } from '@pass/access';
import { Beneficiary } from '../beneficiary/beneficiary.entity';
import type { Context } from '../loaders';
import { Distributor, DistributorKind } from './distributor.entity';
import { registerDistributor } from './distributor.manager';
import { distributorStore } from './distributor.store';

@Resolver(() => Distributor)
export class DistributorResolver {
  @Authorized(EVERY_ROLE)
  @Query(() => [Distributor], { description: 'A distributor sees itself only.' })
  async distributors(@Ctx() ctx: Context): Promise<Distributor[]> {
    const all = await distributorStore.all(ctx.dataSource);
    return ctx.caller.role === Role.DISTRIBUTOR ? all.filter((d) => d.id === ctx.caller.organisationId) : all;
  }

  @Authorized(EVERY_ROLE)
  @Query(() => Distributor, { description: "A distributor: itself, or for its programmes' funders and coordinators, and the operator." })
  distributor(@Arg('id', () => ID, { description: "The distributor's id." }) id: string, @Ctx() ctx: Context): Promise<Distributor> {
    return ctx.loaders.distributor.load(id);
  }

  @FieldResolver(() => [Beneficiary], { description: 'People this distributor registered.' })
  beneficiaries(@Root() distributor: Distributor, @Ctx() ctx: Context): Promise<Beneficiary[]> {
    ensure(isOrganisation(ctx.caller, Role.DISTRIBUTOR, distributor.id), "another distributor's beneficiaries");
    return ctx.loaders.beneficiariesOfDistributor.load(distributor.id);
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => Distributor, { description: 'Operator: adds a distributor.' })
  registerDistributor(
    @Arg('name', { description: "The organisation's name." }) name: string,
    @Arg('kind', () => DistributorKind, { description: 'What kind of organisation it is.' }) kind: DistributorKind,
    @Arg('inseeCode', { description: 'INSEE code of the commune it is in.' }) inseeCode: string,
    @Ctx() ctx: Context,
  ): Promise<Distributor> {
    return registerDistributor(ctx.dataSource, { name, kind, inseeCode });
  }
}
