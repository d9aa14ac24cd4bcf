import type { EntityManager } from 'typeorm';
import { CLOSE_LOCK } from '../reimbursement/reimbursement.store';

/**
 * The time of a redemption, taken inside its transaction, and whether its Paris month is already
 * closed. A redemption holds the close lock shared (redemptions never wait for each other) and
 * `closeMonth` takes it exclusively: a close waits for the redemptions under way, and a
 * redemption stamped after a close sees the month closed — so one stamped just before midnight
 * can never land in a month already paid. The month is computed by PostgreSQL exactly as
 * `closeMonth` bounds it (`Europe/Paris`), so both agree on it. `injected` is a test's clock.
 */
export async function redemptionClock(tx: EntityManager, injected?: Date): Promise<{ at: Date; monthClosed: boolean }> {
  await tx.query(`select pg_advisory_xact_lock_shared(${CLOSE_LOCK})`);
  const [row] = await tx.query(
    `with clock as (select coalesce($1::timestamptz, clock_timestamp()) as at)
     select at, exists (select 1 from reimbursement_month where month = to_char(at at time zone 'Europe/Paris', 'YYYY-MM')) as closed
       from clock`,
    [injected ?? null],
  );
  return { at: new Date(row.at), monthClosed: row.closed };
}
