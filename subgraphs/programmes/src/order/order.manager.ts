import type { DataSource } from 'typeorm';
import { BadInputError, isUuid, publish, refusal } from '@pass/kit';
import { Topics, VOUCHER_FACE_VALUE_CENTS, type OrderPaid } from '@pass/contracts';
import { FundingShareStatus } from '../funding-share/funding-share.entity';
import { fundingShareStore } from '../funding-share/funding-share.store';
import { programmeStore } from '../programme/programme.store';
import { PlaceOrderErrorCode, RecordOrderPaymentErrorCode, type PlaceOrderPayload, type RecordOrderPaymentPayload } from './order.inputs';
import { orderStore } from './order.store';

export interface PlaceOrder {
  programmeId: string;
  funderId: string;
  bookCount: number;
  vouchersPerBook: number;
  faceValueCents: number;
  /** Operators charged about 4 % on top of the face value. */
  feesCents?: number;
}

/** Only a funder of the programme can order its books, once every co-funder agreed to its share. */
export async function placeOrder(db: DataSource, input: PlaceOrder): Promise<PlaceOrderPayload> {
  if (!Number.isInteger(input.bookCount) || input.bookCount < 1 || input.bookCount > 10_000_000) {
    throw new BadInputError('bookCount must be between 1 and 10,000,000', 'bookCount');
  }
  if (input.vouchersPerBook !== 5 && input.vouchersPerBook !== 10) {
    throw new BadInputError('books hold 5 or 10 vouchers', 'vouchersPerBook');
  }
  if (!Number.isInteger(input.faceValueCents) || input.faceValueCents < 1) {
    throw new BadInputError('faceValueCents must be a positive whole number of cents', 'faceValueCents');
  }
  if (input.faceValueCents !== VOUCHER_FACE_VALUE_CENTS) {
    return refused(
      PlaceOrderErrorCode.FACE_VALUE_NOT_VOUCHER_VALUE,
      `a voucher of the programme is worth ${VOUCHER_FACE_VALUE_CENTS} cents, not ${input.faceValueCents}`,
    );
  }
  const [programme] = isUuid(input.programmeId) ? await programmeStore.byIds(db, [input.programmeId]) : [];
  if (!programme) return refused(PlaceOrderErrorCode.PROGRAMME_NOT_FOUND, `no programme ${input.programmeId}`);
  const shares = await fundingShareStore.ofProgramme(db, programme.id);
  if (!shares.some((s) => s.funderId === input.funderId.toLowerCase())) {
    return refused(PlaceOrderErrorCode.FUNDER_HAS_NO_SHARE, 'this funder does not fund this programme');
  }
  // Money is committed only once every co-funder agreed to its share.
  if (shares.some((s) => s.status !== FundingShareStatus.ACCEPTED)) {
    return refused(PlaceOrderErrorCode.FUNDING_SHARES_PENDING, 'a co-funder has not accepted its share of this programme yet');
  }
  const order = await orderStore.insert(db, {
    programmeId: programme.id,
    funderId: input.funderId.toLowerCase(),
    bookCount: input.bookCount,
    vouchersPerBook: input.vouchersPerBook,
    faceValueCents: input.faceValueCents,
    feesCents: input.feesCents ?? 0,
    placedAt: new Date(),
    paidAt: null,
  });
  return { order, error: null };
}

const refused = (code: PlaceOrderErrorCode, message: string): PlaceOrderPayload => ({ order: null, error: refusal(code, message) });

/** Payment makes the order's vouchers issuable; recording it twice is a no-op. */
export async function recordOrderPayment(db: DataSource, orderId: string): Promise<RecordOrderPaymentPayload> {
  const notFound = { order: null, error: refusal(RecordOrderPaymentErrorCode.ORDER_NOT_FOUND, `no order ${orderId}`) };
  if (!isUuid(orderId)) return notFound;
  return db.transaction(async (tx): Promise<RecordOrderPaymentPayload> => {
    const order = await orderStore.lock(tx, orderId);
    if (!order) return notFound;
    if (order.paidAt) return { order, error: null };
    order.paidAt = new Date();
    await orderStore.markPaid(tx, order.id, order.paidAt);
    const fact: OrderPaid = {
      orderId: order.id,
      programmeId: order.programmeId,
      funderId: order.funderId,
      bookCount: order.bookCount,
      vouchersPerBook: order.vouchersPerBook,
      faceValueCents: order.faceValueCents,
    };
    await publish(tx, [{ topic: Topics.orderPaid, payload: fact }]);
    return { order, error: null };
  });
}
