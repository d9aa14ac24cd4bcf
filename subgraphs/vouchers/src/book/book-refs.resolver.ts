import { Arg, Ctx, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { ConnectionType, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, ensure, is, isOrganisation, readPageRequest, toConnection } from '@pass/kit';
import { Role } from '@pass/access';
import type { Context } from '../loaders';
import { Redemption } from '../redemption/redemption.entity';
import { BeneficiaryRef, DistributorRef, WorkshopSessionRef } from '../refs/refs';
import { Book } from './book.entity';

/** Names the list in its cursors, so that a cursor of another list is refused. */
const BOOKS_OF_DISTRIBUTOR = 'Distributor.books';

@ObjectType('BookConnection', { description: "A page of a distributor's books, by code." })
export class BookConnection extends ConnectionType(Book, 'Book') {}

@Resolver(() => DistributorRef)
export class DistributorBooksResolver {
  @FieldResolver(() => BookConnection, { description: 'Books allocated to this distributor, by code, a page at a time.' })
  async books(
    @Root() distributor: DistributorRef,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Books in this page: 1 to ${MAX_PAGE_SIZE}.` }) first: number,
    @Arg('after', () => String, { nullable: true, description: "The previous page's `pageInfo.endCursor`; the first page when absent." })
    after: string | null,
  ): Promise<BookConnection> {
    const request = readPageRequest(BOOKS_OF_DISTRIBUTOR, first, after);
    ensure(is(ctx.caller, Role.OPERATOR) || isOrganisation(ctx.caller, Role.DISTRIBUTOR, distributor.id), "another distributor's books");
    const page = await ctx.loaders.booksOfDistributor(JSON.stringify(request)).load(distributor.id);
    return toConnection(BOOKS_OF_DISTRIBUTOR, request, page, (book) => book.code);
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
