import type { Context } from '../loaders';

export const programmeReference = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.programme.load(ref.id),
};
