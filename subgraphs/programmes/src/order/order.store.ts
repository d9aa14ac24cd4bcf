import { type DataSource, type EntityManager } from 'typeorm';
import { readEntities, timeOrderedPages, type PageRequest } from '@pass/kit';
import { Order } from './order.entity';

export const orderStore = {
  byIds: (db: DataSource, ids: string[]) => readEntities(db, Order, 'id = any($1::uuid[])', [ids]),
  ofProgrammes: (db: DataSource, programmeIds: string[]) => readEntities(db, Order, 'programme_id = any($1::uuid[])', [programmeIds], 'placed_at'),
  insert: (db: DataSource, order: Omit<Order, 'id' | 'faceValueTotalCents' | 'voucherCount' | 'status'>) => db.getRepository(Order).save(db.getRepository(Order).create(order)),
  /** The order, locked until the transaction ends; null when no order has this id. */
  lock: (tx: EntityManager, id: string) => tx.getRepository(Order).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }),
  markPaid: (tx: EntityManager, id: string, paidAt: Date) => tx.getRepository(Order).update({ id }, { paidAt }),
  /**
   * One page of each programme's orders, by placing time then id, for all programmes at once, after
   * the sort key (placed at, id) of the previous page's last row.
   */
  pagesOfProgrammes: (db: DataSource, programmeIds: string[], page: PageRequest) =>
    timeOrderedPages(db, { table: 'voucher_order', ownerColumn: 'programme_id', timeColumn: 'placed_at' }, Order, programmeIds, page),
};
