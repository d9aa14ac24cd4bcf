import { referenceBy } from '@pass/kit';
import { ensureSeesVoucher, seen } from '../access';
import type { Context } from '../loaders';

export const voucherReference = referenceBy(async (ctx: Context, id: string) => seen(ctx, await ctx.loaders.voucher.load(id), ensureSeesVoucher));
