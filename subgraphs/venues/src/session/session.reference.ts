import { referenceBy } from '@pass/kit';
import type { Context } from '../loaders';

export const sessionReference = referenceBy((ctx: Context, id) => ctx.loaders.session.load(id));
