import { referenceBy } from '@pass/kit';
import type { Context } from '../loaders';

export const workshopReference = referenceBy((ctx: Context, id) => ctx.loaders.workshop.load(id));
