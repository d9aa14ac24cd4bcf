import { referenceBy } from '@pass/kit';
import type { Context } from '../loaders';
import { dataAccessSeenBy } from './privacy.resolver';

export const beneficiaryDataAccessReference = referenceBy((ctx: Context, id) => dataAccessSeenBy(ctx, id));
