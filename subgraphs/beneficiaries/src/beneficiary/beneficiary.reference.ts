import type { Context } from '../loaders';

export const beneficiaryReference = {
  __resolveReference: (ref: { id: string }, ctx: Context) => ctx.loaders.beneficiary.load(ref.id),
};
