import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { EVERY_ROLE, NotFoundError, ensure, is, isOrganisation } from '@pass/kit';
import { Role } from '@pass/access';
import { ensureSeesBook, fundsProgramme } from '../access';
import type { Context } from '../loaders';
import { Redemption } from '../redemption/redemption.entity';
import { BeneficiaryRef } from '../beneficiary/beneficiary.entity';
import { DistributorRef, ref } from '../distributor/distributor.entity';
import { ProgrammeRef } from '../programme/programme.entity';
import { normaliseCode } from '../voucher/voucher-code';
import { Voucher } from '../voucher/voucher.entity';
import { Outcome } from '../outcome/outcome.entity';
import { Book } from './book.entity';
import {
  AllocateBooksInput,
  AllocateBooksPayload,
  HandOutBookInput,
  HandOutBookPayload,
  IssueBooksInput,
  IssueBooksPayload,
  ReportBookLostInput,
  ReportBookLostPayload,
} from './book.inputs';
import { allocateBooks, handOutBook, issueBooksOfOrder, reportBookLost } from './book.manager';
import { bookStore } from './book.store';

@Resolver(() => Book)
export class BookResolver {
  @Authorized(EVERY_ROLE)
  @Query(() => Book, { description: 'A book by the code printed on it: its distributor, its programme\'s funders and coordinators, the operator.' })
  async book(@Arg('code', { description: 'The code printed on the book.' }) code: string, @Ctx() ctx: Context): Promise<Book> {
    const normalised = normaliseCode(code);
    const book = normalised ? await bookStore.byCode(ctx.dataSource, normalised) : null;
    if (!book) throw new NotFoundError('Book', code);
    await ensureSeesBook(ctx, book);
    return book;
  }

  @FieldResolver(() => ProgrammeRef, { description: 'The programme whose vouchers the book holds.' })
  programme(@Root() book: Book): ProgrammeRef {
    return { id: book.programmeId };
  }

  @FieldResolver(() => DistributorRef, { nullable: true, description: 'The distributor the book was allocated to; null while it is not.' })
  distributor(@Root() book: Book): DistributorRef | null {
    return ref(book.distributorId);
  }

  @FieldResolver(() => BeneficiaryRef, { nullable: true, description: 'The person the book was handed to; null before the hand-out, and once that person was erased (the book stays handed out).' })
  beneficiary(@Root() book: Book): BeneficiaryRef | null {
    return book.beneficiaryErasedAt ? null : ref(book.beneficiaryId);
  }

  @FieldResolver(() => [Voucher], { description: "The book's vouchers." })
  vouchers(@Root() book: Book, @Ctx() ctx: Context): Promise<Voucher[]> {
    // Unused codes are money: only the distributor holding the book (and the operator) see them.
    ensure(is(ctx.caller, Role.OPERATOR) || isOrganisation(ctx.caller, Role.DISTRIBUTOR, book.distributorId), "this book's voucher codes");
    return ctx.loaders.vouchersOfBook.load(book.id);
  }

  @FieldResolver(() => Int, { description: 'Vouchers of this book already redeemed.' })
  async vouchersUsed(@Root() book: Book, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.redemptionsOfBook.load(book.id)).length;
  }

  @FieldResolver(() => [Redemption], { description: "Redemptions of this book's vouchers, oldest first." })
  redemptions(@Root() book: Book, @Ctx() ctx: Context): Promise<Redemption[]> {
    return ctx.loaders.redemptionsOfBook.load(book.id);
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => IssueBooksPayload, { description: 'Issues the books and vouchers of a paid order, once.' })
  issueBooks(@Arg('input', () => IssueBooksInput, { description: 'The paid order.' }) input: IssueBooksInput, @Ctx() ctx: Context): Promise<IssueBooksPayload> {
    return issueBooksOfOrder(ctx.dataSource, input.orderId, undefined, ctx.clock.now());
  }

  @Authorized(Role.FUNDER, Role.OPERATOR)
  @Mutation(() => AllocateBooksPayload, { description: 'A funder of the programme (or the operator) gives books to a distributor: all it asks, or none.' })
  async allocateBooks(
    @Arg('input', () => AllocateBooksInput, { description: 'The programme, the distributor and how many books.' }) input: AllocateBooksInput,
    @Ctx() ctx: Context,
  ): Promise<AllocateBooksPayload> {
    ensure(is(ctx.caller, Role.OPERATOR) || (await fundsProgramme(ctx, input.programmeId)), "allocating another funder's books");
    return allocateBooks(ctx.dataSource, input);
  }

  @Authorized(Role.DISTRIBUTOR)
  @Mutation(() => ReportBookLostPayload, {
    description: "The distributor holding a book reports it lost or stolen: its unused vouchers are blocked at once; the person may be handed another book.",
  })
  reportBookLost(@Arg('input', () => ReportBookLostInput, { description: 'The book and its distributor.' }) input: ReportBookLostInput, @Ctx() ctx: Context): Promise<ReportBookLostPayload> {
    ensure(isOrganisation(ctx.caller, Role.DISTRIBUTOR, input.distributorId), 'reporting a book of another distributor');
    return reportBookLost(ctx.dataSource, input);
  }

  @Authorized(Role.DISTRIBUTOR)
  @Mutation(() => HandOutBookPayload, { description: "A distributor hands a book allocated to it to a person it registered as eligible for the book's programme." })
  handOutBook(@Arg('input', () => HandOutBookInput, { description: 'The book, the person and the distributor.' }) input: HandOutBookInput, @Ctx() ctx: Context): Promise<HandOutBookPayload> {
    ensure(isOrganisation(ctx.caller, Role.DISTRIBUTOR, input.distributorId), 'handing out for another distributor');
    return handOutBook(ctx.dataSource, input);
  }

  @FieldResolver(() => [Outcome], {
    description: "Venues' assessments of the holder, oldest first: for the referring distributor; a venue sees its own.",
  })
  async outcomes(@Root() book: Book, @Ctx() ctx: Context): Promise<Outcome[]> {
    const { caller } = ctx;
    const isVenue = caller.role === Role.VENUE;
    ensure(is(caller, Role.OPERATOR) || isOrganisation(caller, Role.DISTRIBUTOR, book.distributorId) || isVenue, "this book's outcomes");
    const outcomes = (await ctx.loaders.outcomesOfBook.load(book.id)).filter((o) => !isVenue || o.venueId === caller.organisationId);
    // About a person, even if only through a pseudonymous book: every read is logged.
    for (const outcome of outcomes) ctx.audit.read('Outcome', outcome.id);
    return outcomes;
  }
}
