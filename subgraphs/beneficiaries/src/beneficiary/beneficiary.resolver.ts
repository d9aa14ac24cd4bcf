import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { EVERY_ROLE, ensure, isOrganisation } from '@pass/kit';
import { Role } from '@pass/access';
import { RegisteringDistributorOnly, pseudonymSeenBy } from '../access';
import { Distributor } from '../distributor/distributor.entity';
import type { Context } from '../loaders';
import { Beneficiary } from './beneficiary.entity';
import { RegisterBeneficiaryInput, RegisterBeneficiaryPayload } from './beneficiary.inputs';
import { registerBeneficiary } from './beneficiary.manager';

@Resolver(() => Beneficiary)
export class BeneficiaryResolver {
  @Authorized(EVERY_ROLE)
  @Query(() => Beneficiary, { description: 'A person, for the distributor that registered them; the read is audit-logged.' })
  beneficiary(@Arg('id', () => ID, { description: "The person's id." }) id: string, @Ctx() ctx: Context): Promise<Beneficiary> {
    return pseudonymSeenBy(ctx, id);
  }

  @UseMiddleware(RegisteringDistributorOnly)
  @FieldResolver(() => Distributor, { description: 'The distributor that registered the person.' })
  distributor(@Root() beneficiary: Beneficiary, @Ctx() ctx: Context): Promise<Distributor> {
    return ctx.loaders.distributor.load(beneficiary.distributorId);
  }

  @Authorized(Role.DISTRIBUTOR)
  @Mutation(() => RegisterBeneficiaryPayload, { description: "A distributor registers a person for a programme, after checking the programme's eligibility rules." })
  registerBeneficiary(
    @Arg('input', () => RegisterBeneficiaryInput, { description: 'The minimum about the person.' }) input: RegisterBeneficiaryInput,
    @Ctx() ctx: Context,
  ): Promise<RegisterBeneficiaryPayload> {
    ensure(isOrganisation(ctx.caller, Role.DISTRIBUTOR, input.distributorId), 'registering for another distributor');
    return registerBeneficiary(ctx.dataSource, input, ctx.clock.now());
  }
}
