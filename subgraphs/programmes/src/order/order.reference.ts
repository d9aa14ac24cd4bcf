import { referenceBy } from '@pass/kit';
import { visibleOrder } from '../access';
import type { Context } from '../loaders';

export const orderReference = referenceBy((ctx: Context, id) => visibleOrder(ctx, id));
