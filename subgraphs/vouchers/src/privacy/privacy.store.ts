import type { DataSource, EntityManager } from 'typeorm';

/*
 * The statements of erasure and anonymisation on the books and outcomes that link to a person.
 * They write `book` and `outcome`, whose stores are book/book.store.ts and
 * outcome/outcome.store.ts: they belong there, and move there when those folders are reshaped.
 */
export const privacyStore = {
  /**
   * Unlinks the people's books: one fresh random id per person (not per book), so "distinct
   * people" counts stay the same. Returns the books changed.
   */
  async unlinkBooks(manager: EntityManager, beneficiaryIds: string[], now: Date): Promise<string[]> {
    const books: { id: string }[] = await manager.query(
      `with people as (select p as old_id, gen_random_uuid() as new_id from unnest($1::uuid[]) p),
            changed as (update book b set beneficiary_id = people.new_id, beneficiary_erased_at = $2
                          from people where b.beneficiary_id = people.old_id and b.beneficiary_erased_at is null
                        returning b.id)
       select id from changed`,
      [beneficiaryIds, now],
    );
    return books.map((b) => b.id);
  },

  /** Strips what venues recorded about the holders of these books; how many outcomes changed. */
  async stripOutcomes(manager: EntityManager, bookIds: string[], now: Date): Promise<number> {
    const changed: unknown[] = await manager.query(
      `with changed as (update outcome set pix_score = null, skills_reached = '{}', note = null, erased_at = $2
                          where book_id = any($1::uuid[]) and erased_at is null returning id)
       select id from changed`,
      [bookIds, now],
    );
    return changed.length;
  },

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
