import { referenceBy } from '@pass/kit';
import type { Context } from '../loaders';

export const programmeReference = referenceBy((ctx: Context, id) => ctx.loaders.programme.load(id));
