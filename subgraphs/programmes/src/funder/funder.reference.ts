import type { Context } from '../loaders';

export const funderReference = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.funder.load(ref.id),
};
