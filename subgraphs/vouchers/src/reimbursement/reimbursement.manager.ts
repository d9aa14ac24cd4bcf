import type { DataSource } from 'typeorm';
import { BadInputError, parisMonthOf } from '@pass/kit';
import { hasMonthEnded, isMonth } from './paris-month';
import { reimbursementStore } from './reimbursement.store';
import { CloseMonthErrorCode, type CloseMonthPayload } from './reimbursement.types';

/**
 * Closes a calendar month (Paris time): every venue with redemptions due gets one statement for
 * it, in one transaction and one set-based statement. Closing a month again writes nothing new
 * for a venue that has its statement (unique venue and month) and never puts a redemption on a
 * second statement (unique redemption per line); it returns the month's statements as they are.
 */
export async function closeMonth(db: DataSource, month: string, now = new Date()): Promise<CloseMonthPayload> {
  if (!isMonth(month)) throw new BadInputError('month must be written YYYY-MM', 'month');
  if (!hasMonthEnded(month, now)) {
    return {
      month,
      statements: [],
      statementsCreated: 0,
      error: {
        code: CloseMonthErrorCode.MONTH_NOT_ENDED,
        message: `${month} has not ended yet in Paris (it is ${parisMonthOf(now)}): redemptions may still come in`,
      },
    };
  }
  return db.transaction(async (tx) => {
    await reimbursementStore.lockClosing(tx);
    await reimbursementStore.markMonthClosed(tx, month, now);
    const statementsCreated = await reimbursementStore.writeStatements(tx, month, now);
    return { month, statements: await reimbursementStore.ofMonth(tx, month), statementsCreated, error: null };
  });
}
