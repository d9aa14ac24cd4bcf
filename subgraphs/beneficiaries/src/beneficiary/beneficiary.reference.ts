import { referenceBy } from '@pass/kit';
import { pseudonymSeenBy } from '../access';
import type { Context } from '../loaders';

export const beneficiaryReference = referenceBy((ctx: Context, id) => pseudonymSeenBy(ctx, id));
