import { referenceBy } from '@pass/kit';
import type { Context } from '../loaders';

export const venueReference = referenceBy((ctx: Context, id) => ctx.loaders.venue.load(id));
