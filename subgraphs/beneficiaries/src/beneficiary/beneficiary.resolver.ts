import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Distributor } from '../distributor/distributor.entity';
import type { Context } from '../loaders';
import { Beneficiary } from './beneficiary.entity';
import { RegisterBeneficiaryInput, RegisterBeneficiaryPayload } from './beneficiary.inputs';
import { registerBeneficiary } from './beneficiary.manager';

@Resolver(() => Beneficiary)
export class BeneficiaryResolver {
  @Query(() => Beneficiary)
  beneficiary(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Beneficiary> {
    return ctx.loaders.beneficiary.load(id);
  }

  @FieldResolver(() => Distributor, { description: 'The distributor that registered the person.' })
  distributor(@Root() beneficiary: Beneficiary, @Ctx() ctx: Context): Promise<Distributor> {
    return ctx.loaders.distributor.load(beneficiary.distributorId);
  }

  @Mutation(() => RegisterBeneficiaryPayload)
  registerBeneficiary(
    @Arg('input', () => RegisterBeneficiaryInput) input: RegisterBeneficiaryInput,
    @Ctx() ctx: Context,
  ): Promise<RegisterBeneficiaryPayload> {
    return registerBeneficiary(ctx.dataSource, input);
  }
}
