import { referenceBy } from '@pass/kit';
import type { Context } from '../loaders';

export const distributorReference = referenceBy((ctx: Context, id) => ctx.loaders.distributor.load(id));
