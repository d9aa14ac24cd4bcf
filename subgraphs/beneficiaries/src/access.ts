import type { MiddlewareFn } from 'type-graphql';
import { ensure, isOrganisation } from '@pass/kit';
import { Role } from '@pass/access';
import type { Beneficiary } from './beneficiary/beneficiary.entity';
import type { Context } from './loaders';

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

/** On every field beyond the pseudonym; each read lands in the audit log. */
export const RegisteringDistributorOnly: MiddlewareFn<Context> = async ({ root, context }, next) => {
  ensure(
    isOrganisation(context.caller, Role.DISTRIBUTOR, (root as Beneficiary).distributorId),
    "a beneficiary's details (only the registering distributor sees them)",
  );
  context.audit.read('Beneficiary', (root as Beneficiary).id);
  return next();
};
