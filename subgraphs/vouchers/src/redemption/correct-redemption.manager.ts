import type { DataSource } from 'typeorm';
import { BadInputError, isUuid } from '@pass/kit';
import { CLOSE_LOCK } from '../reimbursement/reimbursement.store';
import { correctionOf, type RedemptionCorrectionRow } from './correct-redemption.store';
import { tallyStore } from '../tally/tally.store';

export enum CorrectRedemptionErrorCode {
  REDEMPTION_NOT_FOUND = 'REDEMPTION_NOT_FOUND',
  /** Not on a statement yet: while its month is open, its venue cancels it (cancelRedemption). */
  REDEMPTION_NOT_YET_PAID = 'REDEMPTION_NOT_YET_PAID',
  /** A redemption is corrected once: its amount is deducted once. */
  REDEMPTION_ALREADY_CORRECTED = 'REDEMPTION_ALREADY_CORRECTED',
}

export type CorrectRedemptionAnswer =
  | { correction: RedemptionCorrectionRow; error: null }
  | { correction: null; error: { code: CorrectRedemptionErrorCode; message: string } };

const refuse = (code: CorrectRedemptionErrorCode, message: string): CorrectRedemptionAnswer => ({ correction: null, error: { code, message } });

/**
 * The operator takes back a redemption that was paid on a closed month's statement (a wrong code
 * taken, reported too late for the venue to cancel it). A closed statement never changes, so in
 * one transaction: a correction is recorded, to be deducted from the venue's next statement (the
 * next month closed for it); the redemption is marked corrected and stops counting — in the
 * ledger, the venue's figures, the session's seats — and the voucher is usable again.
 *
 * Why the voucher comes back: the money rules say every euro ordered is redeemed, outstanding or
 * credited back. Once the venue repays the amount, the euro is no longer redeemed, so it must be
 * outstanding again — the voucher AVAILABLE (LOST if its book was reported lost since), as
 * cancelRedemption does before the close. Its programme's rules then apply unchanged: after the
 * programme's last day it is refused as expired and the next expiry run blocks it and credits it
 * back to the funders by their shares.
 *
 * The close lock, held shared, orders this with `closeMonth`; the redemption's row lock orders two
 * corrections of it, and the unique redemption_id of `redemption_correction` is the backstop.
 */
export async function correctRedemption(db: DataSource, input: { redemptionId: string; reason: string }): Promise<CorrectRedemptionAnswer> {
  const reason = input.reason.trim();
  if (reason.length < 3 || reason.length > 500) throw new BadInputError('reason must be 3 to 500 characters', 'reason');
  if (!isUuid(input.redemptionId)) return refuse(CorrectRedemptionErrorCode.REDEMPTION_NOT_FOUND, `no redemption ${input.redemptionId}`);
  return db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock_shared(${CLOSE_LOCK})`);
    const [redemption] = await tx.query(
      `select r.id, r.voucher_id, r.venue_id, r.programme_id, r.amount_cents, r.corrected_at,
              exists (select 1 from reimbursement_line l where l.redemption_id = r.id) as paid
         from redemption r where r.id = $1 for update`,
      [input.redemptionId],
    );
    if (!redemption) return refuse(CorrectRedemptionErrorCode.REDEMPTION_NOT_FOUND, `no redemption ${input.redemptionId}`);
    if (redemption.corrected_at) {
      return refuse(CorrectRedemptionErrorCode.REDEMPTION_ALREADY_CORRECTED, 'this redemption was already corrected: its amount is deducted once');
    }
    if (!redemption.paid) {
      return refuse(
        CorrectRedemptionErrorCode.REDEMPTION_NOT_YET_PAID,
        'this redemption is on no statement yet: while its month is open its venue cancels it, and once written on a statement the operator corrects it',
      );
    }
    const [row] = await tx.query(
      `with correction as (
         insert into redemption_correction (redemption_id, voucher_id, venue_id, programme_id, amount_cents, reason)
         values ($1, $2, $3, $4, $5, $6) returning *
       ),
       marked as (update redemption set corrected_at = (select corrected_at from correction) where id = $1)
       select * from correction`,
      [redemption.id, redemption.voucher_id, redemption.venue_id, redemption.programme_id, redemption.amount_cents, reason],
    );
    const [voucher] = await tx.query(
      `with back as (
         update voucher v set redeemed_at = null,
                state = case when exists (select 1 from book b where b.id = v.book_id and b.lost_at is not null) then 'LOST' else 'AVAILABLE' end
          where v.id = $1 and v.state = 'REDEEMED'
          returning v.id, v.programme_id, v.book_id, v.face_value_cents, v.state
       )
       select * from back`,
      [redemption.voucher_id],
    );
    if (voucher) await tallyStore.redemptionTakenBack(tx, voucher, voucher.state);
    // A retry of the redemption's idempotency key would replay a redemption that no longer counts.
    await tx.query(`delete from idempotency where response->>'redemptionId' = $1`, [redemption.id]);
    return { correction: correctionOf(row), error: null };
  });
}

