import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { BadInputError } from '@pass/kit';
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
    @Arg('first', () => Int, { defaultValue: 100 }) first: number,
  ): Promise<Book[]> {
    if (first < 1 || first > 1000) throw new BadInputError('first must be between 1 and 1000', 'first');
    return ctx.loaders.booksOfDistributor(first).load(distributor.id);
  }
}

@Resolver(() => BeneficiaryRef)
export class BeneficiaryBooksResolver {
  @FieldResolver(() => [Book])
  books(@Root() beneficiary: BeneficiaryRef, @Ctx() ctx: Context): Promise<Book[]> {
    return ctx.loaders.booksOfBeneficiary.load(beneficiary.id);
  }
}

@Resolver(() => WorkshopSessionRef)
export class SessionRedemptionsResolver {
  @FieldResolver(() => [Redemption])
  redemptions(@Root() session: WorkshopSessionRef, @Ctx() ctx: Context): Promise<Redemption[]> {
    return ctx.loaders.redemptionsOfSession.load(session.id);
  }
}
