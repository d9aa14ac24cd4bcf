import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { BadInputError, Role, ensure, is, isOrganisation } from '@pass/kit';
import type { Context } from '../loaders';
import { Redemption } from '../redemption/redemption.entity';
import { BeneficiaryRef, DistributorRef, WorkshopSessionRef } from '../refs/refs';
import { Book } from './book.entity';

@Resolver(() => DistributorRef)
export class DistributorBooksResolver {
  @FieldResolver(() => [Book], { description: 'Books allocated to this distributor, by code.' })
  books(
    @Root() distributor: DistributorRef,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 100, description: 'At most this many books.' }) first: number,
  ): Promise<Book[]> {
    if (first < 1 || first > 1000) throw new BadInputError('first must be between 1 and 1000', 'first');
    ensure(is(ctx.caller, Role.OPERATOR) || isOrganisation(ctx.caller, Role.DISTRIBUTOR, distributor.id), "another distributor's books");
    return ctx.loaders.booksOfDistributor(first).load(distributor.id);
  }
}

@Resolver(() => BeneficiaryRef)
export class BeneficiaryBooksResolver {
  @FieldResolver(() => [Book], { description: 'For the distributor that registered the person.' })
  async books(@Root() beneficiary: BeneficiaryRef, @Ctx() ctx: Context): Promise<Book[]> {
    const registeredBy = await ctx.loaders.distributorOfBeneficiary.load(beneficiary.id);
    ensure(is(ctx.caller, Role.OPERATOR) || isOrganisation(ctx.caller, Role.DISTRIBUTOR, registeredBy), "another distributor's beneficiary");
    return ctx.loaders.booksOfBeneficiary.load(beneficiary.id);
  }
}

@Resolver(() => WorkshopSessionRef)
export class SessionRedemptionsResolver {
  @FieldResolver(() => [Redemption], { description: 'For the venue running the session.' })
  async redemptions(@Root() session: WorkshopSessionRef, @Ctx() ctx: Context): Promise<Redemption[]> {
    const venueId = await ctx.loaders.venueOfSession.load(session.id);
    ensure(is(ctx.caller, Role.OPERATOR) || isOrganisation(ctx.caller, Role.VENUE, venueId), "another venue's redemptions");
    return ctx.loaders.redemptionsOfSession.load(session.id);
  }
}
