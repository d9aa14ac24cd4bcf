import type { Context } from '../loaders';

export const venueReference = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.venue.load(ref.id),
};
