import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import { isOrganisation } from '@pass/kit';
import { Role } from '@pass/access';
import type { Context } from '../loaders';
import { BeneficiaryDataAccessRef } from './beneficiary-data-access.entity';
import { beneficiaryDataAccessStore } from './beneficiary-data-access.store';

/** What this subgraph adds to the beneficiaries subgraph's `BeneficiaryDataAccess`. */
@Resolver(() => BeneficiaryDataAccessRef)
export class BeneficiaryDataAccessResolver {
  @FieldResolver(() => JSONObjectResolver, {
    description:
      'What the vouchers subgraph holds about the person, as JSON: the books handed to them with their vouchers, redemptions and the outcomes venues recorded. ' +
      '`{"books": []}` once the person is erased (their books stay, no longer linked to them).',
  })
  async vouchersHeld(@Root() access: BeneficiaryDataAccessRef, @Ctx() ctx: Context): Promise<Record<string, unknown>> {
    const registeredBy = await ctx.loaders.distributorOfBeneficiary.load(access.id);
    // The root field already checked the registering distributor; this replica checks it again for
    // entity fetches. No replica (erased, or not replicated yet): nothing is held to show.
    if (registeredBy === null || !isOrganisation(ctx.caller, Role.DISTRIBUTOR, registeredBy)) return { books: [] };
    ctx.audit.read('BeneficiaryDataAccess', access.id);
    return beneficiaryDataAccessStore.vouchersHeldAbout(ctx.dataSource, access.id);
  }
}
