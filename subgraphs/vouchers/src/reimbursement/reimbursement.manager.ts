import type { DataSource } from 'typeorm';
import { BadInputError, refusal, type Refusal } from '@pass/kit';
import { parisMonthOf } from '@pass/contracts';
import { hasMonthEnded, isMonth } from './paris-month';
import { reimbursementStore } from './reimbursement.store';
import type { ReimbursementStatement } from './reimbursement-statement.entity';
import { CloseMonthErrorCode } from './reimbursement.inputs';

/** What closeMonth answers (its payload): the month's statements, or the refusal. */
export type CloseMonthAnswer =
  | { month: string; statements: ReimbursementStatement[]; statementsCreated: number; error: null }
  | { month: null; statements: null; statementsCreated: null; error: Refusal<CloseMonthErrorCode> };

/** The hub has no month before 2000 and PostgreSQL no year 0; a far future month is refusal data (MONTH_NOT_ENDED). */
function checkMonth(month: string): void {
  if (!isMonth(month)) throw new BadInputError('month must be written YYYY-MM', 'month');
  const year = Number(month.slice(0, 4));
  if (year < 2000 || year > 2999) throw new BadInputError('month must be a month between 2000-01 and 2999-12', 'month');
}

/**
 * Closes a calendar month (Paris time): every venue with redemptions due gets one statement for
 * it, in one transaction and one set-based statement. Closing a month again writes nothing new
 * for a venue that has its statement (unique venue and month) and never puts a redemption on a
 * second statement (unique redemption per line); it returns the month's statements as they are.
 */
export async function closeMonth(db: DataSource, month: string, now = new Date()): Promise<CloseMonthAnswer> {
  checkMonth(month);
  if (!hasMonthEnded(month, now)) {
    return {
      month: null,
      statements: null,
      statementsCreated: null,
      error: refusal(CloseMonthErrorCode.MONTH_NOT_ENDED, `${month} has not ended yet in Paris (it is ${parisMonthOf(now)}): redemptions may still come in`),
    };
  }
  return db.transaction(async (tx) => {
    await reimbursementStore.lockClosing(tx);
    await reimbursementStore.markMonthClosed(tx, month, now);
    const statementsCreated = await reimbursementStore.writeStatements(tx, month, now);
    return { month, statements: await reimbursementStore.ofMonth(tx, month), statementsCreated, error: null };
  });
}
