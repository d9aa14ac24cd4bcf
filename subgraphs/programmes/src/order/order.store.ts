import { In, type DataSource, type EntityManager } from 'typeorm';
import { keysetPages, readSortKey, sortKeyTime, type PageRequest } from '@pass/kit';
import { Order } from './order.entity';

export const orderStore = {
  byIds: (db: DataSource, ids: string[]) => db.getRepository(Order).findBy({ id: In(ids) }),
  ofProgrammes: (db: DataSource, programmeIds: string[]) =>
    db.getRepository(Order).find({ where: { programmeId: In(programmeIds) }, order: { placedAt: 'ASC' } }),
  insert: (db: DataSource, order: Omit<Order, 'id' | 'faceValueTotalCents' | 'voucherCount' | 'status'>) => db.getRepository(Order).save(db.getRepository(Order).create(order)),
  /** The order, locked until the transaction ends; null when no order has this id. */
  lock: (tx: EntityManager, id: string) => tx.getRepository(Order).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }),
  markPaid: (tx: EntityManager, id: string, paidAt: Date) => tx.getRepository(Order).update({ id }, { paidAt }),
  /**
   * One page of each programme's orders, by placing time then id, for all programmes at once, after
   * the sort key (placed at, id) of the previous page's last row.
   */
  pagesOfProgrammes: (db: DataSource, programmeIds: string[], page: PageRequest) => {
    const after = readSortKey(page, ['timestamp', 'uuid']);
    return keysetPages(
      db,
      `select p.id as owner, counted.total, o.id, o."pageKey"
         from unnest($1::uuid[]) as p(id)
         cross join lateral (select count(*)::int as total from voucher_order where programme_id = p.id) counted
         left join lateral (
           select id, array[${sortKeyTime('placed_at')}, id::text] as "pageKey", row_number() over (order by placed_at, id) as rank
             from voucher_order
            where programme_id = p.id and ($3::timestamptz is null or (placed_at, id) > ($3::timestamptz, $4::uuid))
            order by placed_at, id limit $2) o on true
        order by p.id, o.rank`,
      [programmeIds, page.first + 1, after?.[0] ?? null, after?.[1] ?? null],
      (ids) => db.getRepository(Order).findBy({ id: In(ids) }),
    );
  },
};
