import { In, type DataSource, type EntityManager } from 'typeorm';
import { Order } from './order.entity';

export const orderStore = {
  byIds: (db: DataSource, ids: string[]) => db.getRepository(Order).findBy({ id: In(ids) }),
  ofProgrammes: (db: DataSource, programmeIds: string[]) =>
    db.getRepository(Order).find({ where: { programmeId: In(programmeIds) }, order: { placedAt: 'ASC' } }),
  insert: (db: DataSource, order: Omit<Order, 'id' | 'faceValueTotalCents' | 'voucherCount' | 'status'>) => db.getRepository(Order).save(db.getRepository(Order).create(order)),
  /** The order, locked until the transaction ends; null when no order has this id. */
  lock: (tx: EntityManager, id: string) => tx.getRepository(Order).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }),
  markPaid: (tx: EntityManager, id: string, paidAt: Date) => tx.getRepository(Order).update({ id }, { paidAt }),
};
