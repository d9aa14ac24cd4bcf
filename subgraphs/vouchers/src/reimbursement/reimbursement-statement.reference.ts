import { referenceBy } from '@pass/kit';
import { ensureSeesStatement, seen } from '../access';
import type { Context } from '../loaders';

export const statementReference = referenceBy(async (ctx: Context, id: string) => seen(ctx, await ctx.loaders.statement.load(id), ensureSeesStatement));
