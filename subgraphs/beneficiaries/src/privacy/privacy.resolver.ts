import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { NotFoundError, ensure, isOrganisation } from '@pass/kit';
import { Role } from '@pass/access';
import type { Context } from '../loaders';
import { eraseBeneficiary, registeringDistributorOf } from './erasure';
import { BeneficiaryDataAccess, BeneficiaryErasure, EraseBeneficiaryInput } from './privacy.types';

/** The record as stored, every column, for the person's access request. */
async function recordOf(ctx: Context, id: string): Promise<Record<string, unknown> | null> {
  const [row] = await ctx.dataSource.query(
    `select b.id, b.pseudonym, b.distributor_id as "distributorId", b.birth_year as "birthYear", b.insee_code as "inseeCode",
            b.education_level as "educationLevel", b.statuses, b.consent_at as "consentAt", b.registered_at as "registeredAt",
            coalesce((select json_agg(json_build_object('programmeId', e.programme_id, 'checkedAt', e.checked_at) order by e.checked_at)
                        from beneficiary_eligibility e where e.beneficiary_id = b.id), '[]'::json) as "eligibleFor"
       from beneficiary b where b.id = $1`,
    [id],
  );
  return row ?? null;
}

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
    const owner = await registeringDistributorOf(ctx.dataSource, beneficiaryId);
    if (!owner) throw new NotFoundError('Beneficiary', beneficiaryId);
    ensure(isOrganisation(ctx.caller, Role.DISTRIBUTOR, owner.distributorId), 'a beneficiary registered by another distributor');
    ctx.audit.read('BeneficiaryDataAccess', beneficiaryId);
    return { id: beneficiaryId, distributorId: owner.distributorId, erasedAt: owner.erasedAt, record: owner.erasedAt ? null : await recordOf(ctx, beneficiaryId) };
  }

  @Authorized(Role.DISTRIBUTOR)
  @Mutation(() => BeneficiaryErasure, {
    description:
      "Erasure request: strips the person's data in every subgraph (their record here; outcomes and the link to their books in the vouchers subgraph), " +
      'leaving every count and amount unchanged. Only the registering distributor may ask; asking twice changes nothing.',
  })
  async eraseBeneficiary(
    @Arg('input', () => EraseBeneficiaryInput, { description: 'The person and the registering distributor.' }) input: EraseBeneficiaryInput,
    @Ctx() ctx: Context,
  ): Promise<BeneficiaryErasure> {
    ensure(isOrganisation(ctx.caller, Role.DISTRIBUTOR, input.distributorId), 'erasing for another distributor');
    const owner = await registeringDistributorOf(ctx.dataSource, input.beneficiaryId);
    if (!owner) throw new NotFoundError('Beneficiary', input.beneficiaryId);
    ensure(owner.distributorId === input.distributorId, 'a beneficiary registered by another distributor');
    const outcome = await eraseBeneficiary(ctx.dataSource, input.beneficiaryId);
    return { id: input.beneficiaryId, erasedAt: outcome.erasedAt ?? new Date(), erasedNow: outcome.erasedNow };
  }
}

export const beneficiaryDataAccessReference = {
  __resolveReference: async (ref: { id: string }, ctx: Context) => {
    const owner = await registeringDistributorOf(ctx.dataSource, ref.id);
    if (!owner) throw new NotFoundError('Beneficiary', ref.id);
    ensure(isOrganisation(ctx.caller, Role.DISTRIBUTOR, owner.distributorId), 'a beneficiary registered by another distributor');
    return { id: ref.id, distributorId: owner.distributorId, erasedAt: owner.erasedAt, record: owner.erasedAt ? null : await recordOf(ctx, ref.id) };
  },
};
