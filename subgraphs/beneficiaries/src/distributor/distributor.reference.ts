import type { Context } from '../loaders';

export const distributorReference = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.distributor.load(ref.id),
};
