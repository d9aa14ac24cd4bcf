import { referenceBy } from '@pass/kit';
import { ensureSeesBook } from '../access';
import type { Context } from '../loaders';

/** A book fetched by the gateway obeys the same row rules as the `book` query. */
export const bookReference = referenceBy(async (ctx: Context, id: string) => {
  const book = await ctx.loaders.book.load(id);
  await ensureSeesBook(ctx, book);
  return book;
});
