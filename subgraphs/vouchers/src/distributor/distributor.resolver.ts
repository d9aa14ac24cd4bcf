import { Arg, Ctx, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { ConnectionType, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, ensure, is, isOrganisation, readPageRequest, toConnection } from '@pass/kit';
import { Role } from '@pass/access';
import { ensureDistributorFigures } from '../access';
import { Book } from '../book/book.entity';
import type { Context } from '../loaders';
import { DistributorRef } from './distributor.entity';

/** Names the list in its cursors, so that a cursor of another list is refused. */
const BOOKS_OF_DISTRIBUTOR = 'Distributor.books';

@ObjectType('BookConnection', { description: "A page of a distributor's books, by code." })
export class BookConnection extends ConnectionType(Book, 'Book') {}

/**
 * Every field this subgraph adds to the beneficiaries subgraph's `Distributor`: its books and its
 * figures, every programme together — the distributor's own and the operator's
 * (`ensureDistributorFigures`; coordinators read Programme.distributorActivity).
 */
@Resolver(() => DistributorRef)
export class DistributorResolver {
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

  @FieldResolver(() => Int, { description: 'Every programme together: the distributor itself and the operator (coordinators read Programme.distributorActivity).' })
  async booksAllocated(@Root() d: DistributorRef, @Ctx() ctx: Context) {
    ensureDistributorFigures(ctx, d.id);
    return (await ctx.loaders.distributorTotals.load(d.id)).booksAllocated;
  }

  @FieldResolver(() => Int, { description: 'Of those, books handed to a person.' })
  async booksHandedOut(@Root() d: DistributorRef, @Ctx() ctx: Context) {
    ensureDistributorFigures(ctx, d.id);
    return (await ctx.loaders.distributorTotals.load(d.id)).booksHandedOut;
  }

  @FieldResolver(() => Int, { description: "Vouchers of this distributor's books redeemed at venues." })
  async vouchersRedeemed(@Root() d: DistributorRef, @Ctx() ctx: Context) {
    ensureDistributorFigures(ctx, d.id);
    return (await ctx.loaders.distributorTotals.load(d.id)).vouchersRedeemed;
  }
}
