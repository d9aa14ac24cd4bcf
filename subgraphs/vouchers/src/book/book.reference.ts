import { referenceBy } from '@pass/kit';
import { ensureSeesBook, seen } from '../access';
import type { Context } from '../loaders';

export const bookReference = referenceBy(async (ctx: Context, id: string) => seen(ctx, await ctx.loaders.book.load(id), ensureSeesBook));
