import type { Context } from '../loaders';

export const workshopReference = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.workshop.load(ref.id),
};
