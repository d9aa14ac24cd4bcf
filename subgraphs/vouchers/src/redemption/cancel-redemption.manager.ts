import type { DataSource } from 'typeorm';
import { isUuid } from '@pass/kit';
import { CLOSE_LOCK } from '../reimbursement/reimbursement.store';
import { tallyStore } from '../tally/tally.store';

export enum CancelRedemptionErrorCode {
  REDEMPTION_NOT_FOUND = 'REDEMPTION_NOT_FOUND',
  REDEMPTION_OF_ANOTHER_VENUE = 'REDEMPTION_OF_ANOTHER_VENUE',
  /** The redemption's Paris month is closed: only an operator's correction on a later statement undoes it. */
  MONTH_CLOSED = 'MONTH_CLOSED',
}

export interface CancelledRedemption {
  id: string;
  voucherId: string;
  cancelledAt: Date;
}

export type CancelRedemptionAnswer =
  | { cancelledRedemption: CancelledRedemption; error: null }
  | { cancelledRedemption: null; error: { code: CancelRedemptionErrorCode; message: string } };

const refuse = (code: CancelRedemptionErrorCode, message: string): CancelRedemptionAnswer => ({ cancelledRedemption: null, error: { code, message } });

/**
 * The venue that redeemed a voucher takes it back (a wrong code taken), while its month is open:
 * in one transaction the redemption is moved to `redemption_cancellation`, the voucher is
 * AVAILABLE again and the answer stored under the redemption's idempotency key is dropped (a
 * retry of that key would replay a redemption that no longer exists). The close lock, held shared
 * as a redemption holds it, orders this with `closeMonth`: a month being closed waits, and a
 * closed month refuses. Nothing was on a statement yet, so nothing is paid for it.
 */
export async function cancelRedemption(db: DataSource, redemptionId: string, actingVenueId: string): Promise<CancelRedemptionAnswer> {
  if (!isUuid(redemptionId)) return refuse(CancelRedemptionErrorCode.REDEMPTION_NOT_FOUND, `no redemption ${redemptionId}`);
  return db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock_shared(${CLOSE_LOCK})`);
    const [redemption] = await tx.query(
      `select r.id, r.venue_id, r.voucher_id,
              exists (select 1 from reimbursement_month m where m.month = to_char(r.redeemed_at at time zone 'Europe/Paris', 'YYYY-MM'))
                or exists (select 1 from reimbursement_line l where l.redemption_id = r.id) as closed
         from redemption r where r.id = $1 for update`,
      [redemptionId],
    );
    if (!redemption) return refuse(CancelRedemptionErrorCode.REDEMPTION_NOT_FOUND, `no redemption ${redemptionId}`);
    if (redemption.venue_id !== actingVenueId) {
      return refuse(CancelRedemptionErrorCode.REDEMPTION_OF_ANOTHER_VENUE, 'a venue cancels only the redemptions it made');
    }
    if (redemption.closed) {
      return refuse(CancelRedemptionErrorCode.MONTH_CLOSED, "the redemption's month is closed: the operator corrects it on the next statement");
    }
    const [cancelled] = await tx.query(
      `with gone as (delete from redemption where id = $1
                     returning id, voucher_id, session_id, venue_id, programme_id, book_id, amount_cents, redeemed_at)
       insert into redemption_cancellation (redemption_id, voucher_id, session_id, venue_id, programme_id, book_id, amount_cents, redeemed_at)
       select * from gone returning cancelled_at`,
      [redemptionId],
    );
    const [voucher] = await tx.query(
      `with back as (update voucher set state = 'AVAILABLE', redeemed_at = null where id = $1 and state = 'REDEEMED'
                     returning id, programme_id, book_id, face_value_cents)
       select * from back`,
      [redemption.voucher_id],
    );
    if (voucher) await tallyStore.redemptionTakenBack(tx, voucher, 'AVAILABLE');
    await tx.query(`delete from idempotency where scope = $1 and response->>'redemptionId' = $2`, [actingVenueId, redemptionId]);
    return { cancelledRedemption: { id: redemptionId, voucherId: redemption.voucher_id, cancelledAt: cancelled.cancelled_at }, error: null };
  });
}
