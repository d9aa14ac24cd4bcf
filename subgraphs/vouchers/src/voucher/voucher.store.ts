import { In, type DataSource, type EntityManager } from 'typeorm';
import { Voucher } from './voucher.entity';

/** A voucher as redeemVoucher checks it, with its book's holder and its programme's window and territory. */
export interface VoucherToRedeem {
  id: string;
  state: string;
  programme_id: string;
  face_value_cents: number;
  book_id: string;
  beneficiary_id: string | null;
  valid_from: string | null;
  valid_until: string | null;
  territory: string[] | null;
}

/** A voucher taken back from a redemption, as the tallies need it. */
export interface VoucherTakenBack {
  id: string;
  programme_id: string;
  book_id: string;
  face_value_cents: number;
  state: 'AVAILABLE' | 'LOST';
}

export const voucherStore = {
  byIds: (db: DataSource, ids: string[]) => db.getRepository(Voucher).findBy({ id: In(ids) }),
  byCode: (db: DataSource, code: string) => db.getRepository(Voucher).findOneBy({ code }),
  ofBooks: (db: DataSource, bookIds: string[]) =>
    db.getRepository(Voucher).find({ where: { bookId: In(bookIds) }, order: { code: 'ASC' } }),

  async toRedeem(tx: EntityManager, code: string): Promise<VoucherToRedeem | null> {
    const [voucher] = await tx.query(
      `select v.id, v.state, v.programme_id, v.face_value_cents, v.book_id, b.beneficiary_id,
              p.valid_from::text as valid_from, p.valid_until::text as valid_until, p.territory
         from voucher v join book b on b.id = v.book_id
         left join programme_fact p on p.programme_id = v.programme_id
        where v.code = $1`,
      [code],
    );
    return voucher ?? null;
  },

  async stateOf(tx: EntityManager, voucherId: string): Promise<string | null> {
    const [current] = await tx.query(`select state from voucher where id = $1`, [voucherId]);
    return current?.state ?? null;
  },

  /** AVAILABLE → REDEEMED, only if still AVAILABLE: false when a concurrent change won. */
  async markRedeemed(tx: EntityManager, voucherId: string, at: Date): Promise<boolean> {
    const [won] = await tx.query(
      `with won as (update voucher set state = 'REDEEMED', redeemed_at = $2 where id = $1 and state = 'AVAILABLE' returning id)
       select id from won`,
      [voucherId, at],
    );
    return Boolean(won);
  },

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
