import { In, type DataSource, type EntityManager } from 'typeorm';
import { Outcome } from './outcome.entity';

export const outcomeStore = {
  /**
   * Records the outcome only if the venue redeemed a voucher of the book: check and insert are one
   * statement, so no window lets an unserved venue through. Null when it did not.
   */
  async insertIfServed(
    db: DataSource,
    outcome: { bookId: string; venueId: string; pixScore: number | null; skillsReached: string[]; note: string | null; now: Date },
  ): Promise<Outcome | null> {
    const [row] = await db.query(
      `insert into outcome (book_id, venue_id, pix_score, skills_reached, note, recorded_at)
       select $1, $2, $3, $4::text[], $5, $6::timestamptz
        where exists (select 1 from redemption where book_id = $1 and venue_id = $2 and corrected_at is null)
       returning id`,
      [outcome.bookId, outcome.venueId, outcome.pixScore, outcome.skillsReached, outcome.note, outcome.now],
    );
    return row ? db.getRepository(Outcome).findOneByOrFail({ id: row.id }) : null;
  },

  ofBooks: (db: DataSource, bookIds: string[]) =>
    db.getRepository(Outcome).find({ where: { bookId: In(bookIds) }, order: { recordedAt: 'ASC', id: 'ASC' } }),

  /** Erasure: strips what venues recorded about the holders of these books; how many outcomes changed. */
  async strip(manager: EntityManager, bookIds: string[], now: Date): Promise<number> {
    const changed: unknown[] = await manager.query(
      `with changed as (update outcome set pix_score = null, skills_reached = '{}', note = null, erased_at = $2
                          where book_id = any($1::uuid[]) and erased_at is null returning id)
       select id from changed`,
      [bookIds, now],
    );
    return changed.length;
  },
};
