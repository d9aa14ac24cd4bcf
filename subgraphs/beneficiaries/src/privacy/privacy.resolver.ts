import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { NotFoundError, ensure, isOrganisation } from '@pass/kit';
import { Role } from '@pass/access';
import { registrationSeenBy } from '../access';
import type { Context } from '../loaders';
import { BeneficiaryDataAccess } from './privacy.entity';
import { EraseBeneficiaryInput, EraseBeneficiaryPayload } from './privacy.inputs';
import { beneficiaryDataAccess, eraseBeneficiary } from './privacy.manager';

/** A person's rights of access and erasure, exercised through the distributor that registered them. */
@Resolver(() => BeneficiaryDataAccess)
export class PrivacyResolver {
  @Authorized(Role.DISTRIBUTOR)
  @Query(() => BeneficiaryDataAccess, {
    description: "Access request: everything the hub holds about a person, for the distributor that registered them (audit-logged). After erasure only the erasure's date remains.",
  })
  async beneficiaryDataAccess(
    @Arg('beneficiaryId', () => ID, { description: "The person's id." }) beneficiaryId: string,
    @Ctx() ctx: Context,
  ): Promise<BeneficiaryDataAccess> {
    const access = await dataAccessSeenBy(ctx, beneficiaryId);
    ctx.audit.read('BeneficiaryDataAccess', beneficiaryId);
    return access;
  }

  @Authorized(Role.DISTRIBUTOR)
  @Mutation(() => EraseBeneficiaryPayload, {
    description:
      "Erasure request: strips the person's data in every subgraph (their record here; outcomes and the link to their books in the vouchers subgraph), " +
      'leaving every count and amount unchanged. Only the registering distributor may ask; asking twice changes nothing.',
  })
  async eraseBeneficiary(
    @Arg('input', () => EraseBeneficiaryInput, { description: 'The person and the registering distributor.' }) input: EraseBeneficiaryInput,
    @Ctx() ctx: Context,
  ): Promise<EraseBeneficiaryPayload> {
    ensure(isOrganisation(ctx.caller, Role.DISTRIBUTOR, input.distributorId), 'erasing for another distributor');
    // An unknown id is the manager's answer (BENEFICIARY_NOT_FOUND); a known one is its registering distributor's only.
    await registrationSeenBy(ctx, input.beneficiaryId);
    return eraseBeneficiary(ctx.dataSource, input.beneficiaryId);
  }
}

/** The access request of a person, for the distributor that registered them only (the query and the federation reference). */
export async function dataAccessSeenBy(ctx: Context, beneficiaryId: string): Promise<BeneficiaryDataAccess> {
  const registration = await registrationSeenBy(ctx, beneficiaryId);
  if (!registration) throw new NotFoundError('Beneficiary', beneficiaryId);
  return beneficiaryDataAccess(ctx.dataSource, beneficiaryId, registration);
}
