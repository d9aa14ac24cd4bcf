import type { Context } from '../loaders';

export const sessionReference = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.session.load(ref.id),
};
