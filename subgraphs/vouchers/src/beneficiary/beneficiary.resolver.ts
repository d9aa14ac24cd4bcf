import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ensure, is, isOrganisation } from '@pass/kit';
import { Role } from '@pass/access';
import { Book } from '../book/book.entity';
import type { Context } from '../loaders';
import { BeneficiaryRef } from './beneficiary.entity';

/** Every field this subgraph adds to the beneficiaries subgraph's `Beneficiary`. */
@Resolver(() => BeneficiaryRef)
export class BeneficiaryResolver {
  @FieldResolver(() => [Book], { description: 'For the distributor that registered the person.' })
  async books(@Root() beneficiary: BeneficiaryRef, @Ctx() ctx: Context): Promise<Book[]> {
    const registeredBy = await ctx.loaders.distributorOfBeneficiary.load(beneficiary.id);
    ensure(is(ctx.caller, Role.OPERATOR) || isOrganisation(ctx.caller, Role.DISTRIBUTOR, registeredBy), "another distributor's beneficiary");
    return ctx.loaders.booksOfBeneficiary.load(beneficiary.id);
  }
}
