import { referenceBy } from '@pass/kit';
import { ensureSeesRedemption, seen } from '../access';
import type { Context } from '../loaders';

export const redemptionReference = referenceBy(async (ctx: Context, id: string) => seen(ctx, await ctx.loaders.redemption.load(id), ensureSeesRedemption));
