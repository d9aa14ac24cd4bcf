import type { EntityManager } from 'typeorm';
import type { OrderPaid } from '@pass/contracts';

/** `paid_order`: the replica of `order.paid` — what a funder paid for, which books to issue. */
export const paidOrderStore = {
  /** Applied once: a replayed fact changes nothing. */
  insert: (db: EntityManager, fact: OrderPaid) =>
    db.query(
      `insert into paid_order (order_id, programme_id, funder_id, book_count, vouchers_per_book, face_value_cents)
       values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
      [fact.orderId, fact.programmeId, fact.funderId, fact.bookCount, fact.vouchersPerBook, fact.faceValueCents],
    ),
};
