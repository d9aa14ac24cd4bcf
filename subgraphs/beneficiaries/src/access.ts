import type { MiddlewareFn } from 'type-graphql';
import { ensure, isOrganisation, isUuid } from '@pass/kit';
import { Role } from '@pass/access';
import type { Beneficiary } from './beneficiary/beneficiary.entity';
import type { Context } from './loaders';
import { privacyStore, type Registration } from './privacy/privacy.store';

/*
 * Beneficiaries are vulnerable people. The pseudonym is seen by the distributor that registered
 * the person and by the operator; everything else about them only by that distributor. Venues,
 * funders, coordinators and analysts never see a person.
 */

export function ensureSeesPseudonym(ctx: Context, beneficiary: Beneficiary): void {
  ensure(
    ctx.caller.role === Role.OPERATOR || isOrganisation(ctx.caller, Role.DISTRIBUTOR, beneficiary.distributorId),
    'a beneficiary registered by another distributor',
  );
}

/** A person, for whoever may see their pseudonym. */
export async function pseudonymSeenBy(ctx: Context, beneficiaryId: string): Promise<Beneficiary> {
  const beneficiary = await ctx.loaders.beneficiary.load(beneficiaryId);
  ensureSeesPseudonym(ctx, beneficiary);
  return beneficiary;
}

/** On every field beyond the pseudonym; each read lands in the audit log. */
export const RegisteringDistributorOnly: MiddlewareFn<Context> = async ({ root, context }, next) => {
  ensure(
    isOrganisation(context.caller, Role.DISTRIBUTOR, (root as Beneficiary).distributorId),
    "a beneficiary's details (only the registering distributor sees them)",
  );
  context.audit.read('Beneficiary', (root as Beneficiary).id);
  return next();
};

/**
 * Who registered a person, erased or not, for the registering distributor only (access and
 * erasure requests); null when no person or tombstone has the id.
 */
export async function registrationSeenBy(ctx: Context, beneficiaryId: string): Promise<Registration | null> {
  const registration = isUuid(beneficiaryId) ? await privacyStore.registrationOf(ctx.dataSource, beneficiaryId) : null;
  if (registration) ensure(isOrganisation(ctx.caller, Role.DISTRIBUTOR, registration.distributorId), 'a beneficiary registered by another distributor');
  return registration;
}
