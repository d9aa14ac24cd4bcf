import type { DataSource, EntityManager } from 'typeorm';
import { readEntities } from '@pass/kit';
import { Voucher } from './voucher.entity';

/** A voucher taken back from a redemption, as the tallies need it. */
export interface VoucherTakenBack {
  id: string;
  programme_id: string;
  book_id: string;
  face_value_cents: number;
  state: 'AVAILABLE' | 'LOST';
}

export const voucherStore = {
  byIds: (db: DataSource, ids: string[]) => readEntities(db, Voucher, 'id = any($1::uuid[])', [ids]),
  byCode: (db: DataSource, code: string) => db.getRepository(Voucher).findOneBy({ code }),
  ofBooks: (db: DataSource, bookIds: string[]) => readEntities(db, Voucher, 'book_id = any($1::uuid[])', [bookIds], 'code'),

  /**
   * REDEEMED → back to usable, only if still REDEEMED: AVAILABLE, or LOST when its book was
   * reported lost since (`lostBookStaysLost`, an operator's correction). Null when it was not REDEEMED.
   */
  async takeBack(tx: EntityManager, voucherId: string, lostBookStaysLost: boolean): Promise<VoucherTakenBack | null> {
    const state = lostBookStaysLost
      ? `case when exists (select 1 from book b where b.id = v.book_id and b.lost_at is not null) then 'LOST' else 'AVAILABLE' end`
      : `'AVAILABLE'`;
    const [voucher] = await tx.query(
      `with back as (
         update voucher v set redeemed_at = null, state = ${state}
          where v.id = $1 and v.state = 'REDEEMED'
          returning v.id, v.programme_id, v.book_id, v.face_value_cents, v.state
       )
       select * from back`,
      [voucherId],
    );
    return voucher ?? null;
  },
};
