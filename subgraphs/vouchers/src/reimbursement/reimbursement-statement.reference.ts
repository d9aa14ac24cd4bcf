import { referenceBy } from '@pass/kit';
import { ensureSeesStatement } from '../access';
import type { Context } from '../loaders';

/** A statement fetched by the gateway obeys the same row rules as the `reimbursementStatement` query. */
export const reimbursementStatementReference = referenceBy(async (ctx: Context, id: string) => {
  const statement = await ctx.loaders.statement.load(id);
  ensureSeesStatement(ctx, statement);
  return statement;
});
