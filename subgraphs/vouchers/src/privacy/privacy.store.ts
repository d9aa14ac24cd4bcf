import type { DataSource } from 'typeorm';

/*
 * What erasure and anonymisation read across the books and their outcomes. The writes are in the
 * stores of those tables: `unlinkBooks` in book/book.store.ts, `outcomeStore.strip` in
 * outcome/outcome.store.ts.
 */
export const privacyStore = {
  /** Holders of the programme's books, unless also registered for a programme ended on or after `retainedFrom`. */
  async holdersPastRetention(db: DataSource, programmeId: string, retainedFrom: string): Promise<string[]> {
    const people: { id: string }[] = await db.query(
      `select distinct b.beneficiary_id as id from book b
        where b.programme_id = $1 and b.beneficiary_id is not null and b.beneficiary_erased_at is null
          and not exists (select 1 from beneficiary_fact f cross join unnest(f.eligible_programme_ids) other
                            join programme_fact p on p.programme_id = other
                           where f.beneficiary_id = b.beneficiary_id and p.valid_until >= $2::date)
        order by 1`,
      [programmeId, retainedFrom],
    );
    return people.map((p) => p.id);
  },

  /** What erasing these people would change (a dry run): their linked books and their outcomes not yet stripped. */
  async linkedTo(db: DataSource, beneficiaryIds: string[]): Promise<{ books: number; outcomes: number }> {
    const [row] = await db.query(
      `select (select count(*)::int from book where beneficiary_id = any($1::uuid[]) and beneficiary_erased_at is null) as books,
              (select count(*)::int from outcome o join book b on b.id = o.book_id
                where b.beneficiary_id = any($1::uuid[]) and b.beneficiary_erased_at is null and o.erased_at is null) as outcomes`,
      [beneficiaryIds],
    );
    return { books: row.books, outcomes: row.outcomes };
  },
};
