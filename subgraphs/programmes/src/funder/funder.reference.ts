import { referenceBy } from '@pass/kit';
import type { Context } from '../loaders';

export const funderReference = referenceBy((ctx: Context, id) => ctx.loaders.funder.load(id));
