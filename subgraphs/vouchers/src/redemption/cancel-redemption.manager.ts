import type { DataSource } from 'typeorm';
import { isUuid, refusal } from '@pass/kit';
import { tallyStore } from '../tally/tally.store';
import { voucherStore } from '../voucher/voucher.store';
import { CancelRedemptionErrorCode, type CancelRedemptionPayload } from './cancel-redemption.inputs';
import { idempotencyStore } from './idempotency.store';
import { redemptionStore } from './redemption.store';

const refuse = (code: CancelRedemptionErrorCode, message: string): CancelRedemptionPayload => ({ cancelledRedemption: null, error: refusal(code, message) });

/**
 * The venue that redeemed a voucher takes it back (a wrong code taken), while its month is open:
 * in one transaction the redemption is moved to `redemption_cancellation`, the voucher is
 * AVAILABLE again and the answer stored under the redemption's idempotency key is dropped (a
 * retry of that key would replay a redemption that no longer exists). The close lock, held shared
 * as a redemption holds it, orders this with `closeMonth`: a month being closed waits, and a
 * closed month refuses. Nothing was on a statement yet, so nothing is paid for it.
 */
export async function cancelRedemption(db: DataSource, redemptionId: string, actingVenueId: string): Promise<CancelRedemptionPayload> {
  if (!isUuid(redemptionId)) return refuse(CancelRedemptionErrorCode.REDEMPTION_NOT_FOUND, `no redemption ${redemptionId}`);
  return db.transaction(async (tx) => {
    await redemptionStore.holdCloseLockShared(tx);
    const redemption = await redemptionStore.lockToCancel(tx, redemptionId);
    if (!redemption) return refuse(CancelRedemptionErrorCode.REDEMPTION_NOT_FOUND, `no redemption ${redemptionId}`);
    if (redemption.venue_id !== actingVenueId) {
      return refuse(CancelRedemptionErrorCode.REDEMPTION_OF_ANOTHER_VENUE, 'a venue cancels only the redemptions it made');
    }
    if (redemption.closed) {
      return refuse(CancelRedemptionErrorCode.MONTH_CLOSED, "the redemption's month is closed: the operator corrects it on the next statement");
    }
    const cancelledAt = await redemptionStore.moveToCancellations(tx, redemptionId);
    const voucher = await voucherStore.takeBack(tx, redemption.voucher_id, false);
    if (voucher) await tallyStore.redemptionTakenBack(tx, voucher, 'AVAILABLE');
    await idempotencyStore.forgetRedemption(tx, redemptionId, actingVenueId);
    return { cancelledRedemption: { id: redemptionId, voucherId: redemption.voucher_id, cancelledAt }, error: null };
  });
}
