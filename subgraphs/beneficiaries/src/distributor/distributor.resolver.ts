import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { EVERY_ROLE, Role, ensure, isOrganisation } from '@pass/kit';
import { Beneficiary } from '../beneficiary/beneficiary.entity';
import type { Context } from '../loaders';
import { Distributor } from './distributor.entity';
import { RegisterDistributorInput, RegisterDistributorPayload } from './distributor.inputs';
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
  @Mutation(() => RegisterDistributorPayload, { description: 'Operator: adds a distributor.' })
  registerDistributor(
    @Arg('input', () => RegisterDistributorInput, { description: 'The distributor.' }) input: RegisterDistributorInput,
    @Ctx() ctx: Context,
  ): Promise<RegisterDistributorPayload> {
    return registerDistributor(ctx.dataSource, input);
  }
}
