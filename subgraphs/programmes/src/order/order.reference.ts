import { ensureProgrammeMoney } from '../access';
import type { Context } from '../loaders';

export const orderReference = {
  __resolveReference: async (ref: { id: string }, ctx: Context) => {
    const order = await ctx.loaders.order.load(ref.id);
    await ensureProgrammeMoney(ctx, order.programmeId);
    return order;
  },
};
