import type { DataSource } from 'typeorm';
import { BadInputError, NotFoundError, isUuid, publish } from '@pass/kit';
import { Topics, VOUCHER_FACE_VALUE_CENTS, type OrderPaid } from '@pass/contracts';
import { OrderRefusal, OrderRefusedError } from './order.errors';
import { FundingShare, FundingShareStatus } from '../programme/funding-share.entity';
import { Order } from './order.entity';

export interface PlaceOrderInput {
  programmeId: string;
  funderId: string;
  bookCount: number;
  vouchersPerBook: number;
  faceValueCents: number;
  /** Operators charged about 4 % on top of the face value. */
  feesCents?: number;
}

/** Only a funder of the programme can order its books. */
export async function placeOrder(db: DataSource, input: PlaceOrderInput): Promise<Order> {
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
    throw new OrderRefusedError(
      OrderRefusal.FACE_VALUE_NOT_VOUCHER_VALUE,
      `a voucher of the programme is worth ${VOUCHER_FACE_VALUE_CENTS} cents, not ${input.faceValueCents}`,
    );
  }
  if (!isUuid(input.programmeId)) throw new NotFoundError('Programme', input.programmeId);
  if (!isUuid(input.funderId)) throw new NotFoundError('Funder', input.funderId);
  const shares = await db.getRepository(FundingShare).findBy({ programmeId: input.programmeId });
  if (!shares.some((s) => s.funderId === input.funderId)) throw new BadInputError('this funder does not fund this programme', 'funderId');
  // Money is committed only once every co-funder agreed to its share.
  if (shares.some((s) => s.status !== FundingShareStatus.ACCEPTED)) {
    throw new OrderRefusedError(OrderRefusal.FUNDING_SHARES_PENDING, 'a co-funder has not accepted its share of this programme yet');
  }
  const repo = db.getRepository(Order);
  return repo.save(
    repo.create({
      programmeId: input.programmeId,
      funderId: input.funderId,
      bookCount: input.bookCount,
      vouchersPerBook: input.vouchersPerBook,
      faceValueCents: input.faceValueCents,
      feesCents: input.feesCents ?? 0,
      placedAt: new Date(),
      paidAt: null,
    }),
  );
}

/** Payment makes the order's vouchers issuable; recording it twice is a no-op. */
export async function recordOrderPayment(db: DataSource, orderId: string): Promise<Order> {
  if (!isUuid(orderId)) throw new NotFoundError('Order', orderId);
  return db.transaction(async (tx) => {
    const repo = tx.getRepository(Order);
    const order = await repo.findOne({ where: { id: orderId }, lock: { mode: 'pessimistic_write' } });
    if (!order) throw new NotFoundError('Order', orderId);
    if (order.paidAt) return order;
    order.paidAt = new Date();
    await repo.save(order);
    const fact: OrderPaid = {
      orderId: order.id,
      programmeId: order.programmeId,
      funderId: order.funderId,
      bookCount: order.bookCount,
      vouchersPerBook: order.vouchersPerBook,
      faceValueCents: order.faceValueCents,
    };
    await publish(tx, [{ topic: Topics.orderPaid, payload: fact }]);
    return order;
  });
}
