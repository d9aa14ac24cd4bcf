import type { Context } from '../loaders';

export const orderReference = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.order.load(ref.id),
};
