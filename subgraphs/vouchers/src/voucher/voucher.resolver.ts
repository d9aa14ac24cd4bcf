import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { EVERY_ROLE, NotFoundError } from '@pass/kit';
import { ensureSeesBook, ensureSeesVoucher } from '../access';
import { Book } from '../book/book.entity';
import type { Context } from '../loaders';
import { Redemption } from '../redemption/redemption.entity';
import { normaliseCode } from './voucher-code';
import { Voucher } from './voucher.entity';
import { voucherStore } from './voucher.store';

@Resolver(() => Voucher)
export class VoucherResolver {
  @Authorized(EVERY_ROLE)
  @Query(() => Voucher, { description: 'A voucher by the code printed on it: as its book, or to the venue that took it.' })
  async voucher(@Arg('code', { description: 'The code printed on the voucher.' }) code: string, @Ctx() ctx: Context): Promise<Voucher> {
    const normalised = normaliseCode(code);
    const voucher = normalised ? await voucherStore.byCode(ctx.dataSource, normalised) : null;
    if (!voucher) throw new NotFoundError('Voucher', code);
    await ensureSeesVoucher(ctx, voucher);
    return voucher;
  }

  @FieldResolver(() => Book, { description: 'The book it belongs to.' })
  async book(@Root() voucher: Voucher, @Ctx() ctx: Context): Promise<Book> {
    // A venue that took one voucher must not reach the rest of the book through it.
    const book = await ctx.loaders.book.load(voucher.bookId);
    await ensureSeesBook(ctx, book);
    return book;
  }

  @FieldResolver(() => Redemption, { nullable: true, description: 'Its redemption; null while available.' })
  async redemption(@Root() voucher: Voucher, @Ctx() ctx: Context): Promise<Redemption | null> {
    return (await ctx.loaders.redemptionOfVoucher.load(voucher.id))[0] ?? null;
  }
}
