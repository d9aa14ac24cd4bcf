import { In, type DataSource } from 'typeorm';
import type { PageRequest, PageRows } from '@pass/kit';
import { Book } from './book.entity';

const BOOK_COLUMNS = `id, code, programme_id as "programmeId", order_id as "orderId", distributor_id as "distributorId",
  beneficiary_id as "beneficiaryId", beneficiary_erased_at as "beneficiaryErasedAt", issued_at as "issuedAt", allocated_at as "allocatedAt", handed_out_at as "handedOutAt"`;

export const bookStore = {
  byIds: (db: DataSource, ids: string[]) => db.getRepository(Book).findBy({ id: In(ids) }),
  byCode: (db: DataSource, code: string) => db.getRepository(Book).findOneBy({ code }),
  /**
   * One page of each distributor's books, by code, in one statement for all distributors: for
   * each, its book count and the `first + 1` books after the cursor's code (the extra one only
   * says that more follow). The lateral join walks the (distributor_id, code) index per distributor.
   */
  pagesOfDistributors: async (db: DataSource, distributorIds: string[], page: PageRequest): Promise<Map<string, PageRows<Book>>> => {
    const rows: Array<{ owner: string; total: number; id: string | null }> = await db.query(
      `select d.id as owner, counted.total, b.*
         from unnest($1::uuid[]) as d(id)
         cross join lateral (select count(*)::int as total from book where distributor_id = d.id) counted
         left join lateral (
           select ${BOOK_COLUMNS} from book
            where distributor_id = d.id and ($3::text is null or code > $3)
            order by code limit $2) b on true
        order by d.id, b.code`,
      [distributorIds, page.first + 1, page.afterKey],
    );
    const pages = new Map<string, PageRows<Book>>();
    for (const { owner, total, ...book } of rows) {
      let found = pages.get(owner);
      if (!found) pages.set(owner, (found = { rows: [], totalCount: total }));
      if (book.id !== null) found.rows.push(Object.assign(new Book(), book));
    }
    return pages;
  },
  ofBeneficiaries: (db: DataSource, beneficiaryIds: string[]) =>
    db.getRepository(Book).find({ where: { beneficiaryId: In(beneficiaryIds) }, order: { code: 'ASC' } }),
};
