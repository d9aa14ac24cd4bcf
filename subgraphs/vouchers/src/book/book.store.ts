import { In, type DataSource } from 'typeorm';
import { Book } from './book.entity';

const BOOK_COLUMNS = `id, code, programme_id as "programmeId", order_id as "orderId", distributor_id as "distributorId",
  beneficiary_id as "beneficiaryId", issued_at as "issuedAt", allocated_at as "allocatedAt", handed_out_at as "handedOutAt"`;

const asBooks = (rows: object[]) => rows.map((row) => Object.assign(new Book(), row));

export const bookStore = {
  byIds: (db: DataSource, ids: string[]) => db.getRepository(Book).findBy({ id: In(ids) }),
  byCode: (db: DataSource, code: string) => db.getRepository(Book).findOneBy({ code }),
  /** The first `first` books of each distributor, by code, in one statement for all distributors. */
  ofDistributors: async (db: DataSource, distributorIds: string[], first: number) =>
    asBooks(
      await db.query(
        `select ${BOOK_COLUMNS} from (
           select *, row_number() over (partition by distributor_id order by code) as n
             from book where distributor_id = any($1)) ranked
         where n <= $2 order by distributor_id, code`,
        [distributorIds, first],
      ),
    ),
  ofBeneficiaries: (db: DataSource, beneficiaryIds: string[]) =>
    db.getRepository(Book).find({ where: { beneficiaryId: In(beneficiaryIds) }, order: { code: 'ASC' } }),
};
