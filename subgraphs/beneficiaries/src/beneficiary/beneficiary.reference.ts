import { ensureSeesPseudonym } from '../access';
import type { Context } from '../loaders';

export const beneficiaryReference = {
  __resolveReference: async (ref: { id: string }, ctx: Context) => {
    const beneficiary = await ctx.loaders.beneficiary.load(ref.id);
    ensureSeesPseudonym(ctx, beneficiary);
    return beneficiary;
  },
};
