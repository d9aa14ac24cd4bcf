import { In, type DataSource } from 'typeorm';
import { Voucher } from './voucher.entity';

export const voucherStore = {
  byIds: (db: DataSource, ids: string[]) => db.getRepository(Voucher).findBy({ id: In(ids) }),
  byCode: (db: DataSource, code: string) => db.getRepository(Voucher).findOneBy({ code }),
  ofBooks: (db: DataSource, bookIds: string[]) =>
    db.getRepository(Voucher).find({ where: { bookId: In(bookIds) }, order: { code: 'ASC' } }),
};
