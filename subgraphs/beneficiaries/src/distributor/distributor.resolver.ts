import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Beneficiary } from '../beneficiary/beneficiary.entity';
import type { Context } from '../loaders';
import { Distributor, DistributorKind } from './distributor.entity';
import { registerDistributor } from './distributor.manager';
import { distributorStore } from './distributor.store';

@Resolver(() => Distributor)
export class DistributorResolver {
  @Query(() => [Distributor])
  distributors(@Ctx() ctx: Context): Promise<Distributor[]> {
    return distributorStore.all(ctx.dataSource);
  }

  @Query(() => Distributor)
  distributor(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Distributor> {
    return ctx.loaders.distributor.load(id);
  }

  @FieldResolver(() => [Beneficiary], { description: 'People this distributor registered.' })
  beneficiaries(@Root() distributor: Distributor, @Ctx() ctx: Context): Promise<Beneficiary[]> {
    return ctx.loaders.beneficiariesOfDistributor.load(distributor.id);
  }

  @Mutation(() => Distributor)
  registerDistributor(
    @Arg('name') name: string,
    @Arg('kind', () => DistributorKind) kind: DistributorKind,
    @Arg('inseeCode') inseeCode: string,
    @Ctx() ctx: Context,
  ): Promise<Distributor> {
    return registerDistributor(ctx.dataSource, { name, kind, inseeCode });
  }
}
