import type { DataSource } from 'typeorm';
import { BadInputError, isUuid, refusal, type Refusal } from '@pass/kit';
import { tallyStore } from '../tally/tally.store';
import { voucherStore } from '../voucher/voucher.store';
import { CorrectRedemptionErrorCode } from './correct-redemption.inputs';
import { correctionStore, type RedemptionCorrectionRow } from './correct-redemption.store';
import { idempotencyStore } from './idempotency.store';
import { redemptionStore } from './redemption.store';

export type CorrectRedemptionAnswer =
  | { correction: RedemptionCorrectionRow; error: null }
  | { correction: null; error: Refusal<CorrectRedemptionErrorCode> };

const refuse = (code: CorrectRedemptionErrorCode, message: string): CorrectRedemptionAnswer => ({ correction: null, error: refusal(code, message) });

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
    await redemptionStore.holdCloseLockShared(tx);
    const redemption = await redemptionStore.lockToCorrect(tx, input.redemptionId);
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
    const correction = await correctionStore.record(tx, {
      redemptionId: redemption.id,
      voucherId: redemption.voucher_id,
      venueId: redemption.venue_id,
      programmeId: redemption.programme_id,
      amountCents: redemption.amount_cents,
      reason,
    });
    await redemptionStore.markCorrected(tx, redemption.id, correction.correctedAt);
    const voucher = await voucherStore.takeBack(tx, redemption.voucher_id, true);
    if (voucher) await tallyStore.redemptionTakenBack(tx, voucher, voucher.state);
    // A retry of the redemption's idempotency key would replay a redemption that no longer counts.
    await idempotencyStore.forgetRedemption(tx, redemption.id, null);
    return { correction, error: null };
  });
}
