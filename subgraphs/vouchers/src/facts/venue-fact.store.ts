import type { DataSource, EntityManager } from 'typeorm';
import type { VenueDescribed } from '@pass/contracts';

/** `venue_fact`: the replica of `venue.described` — a venue's name and commune. */
export const venueFactStore = {
  /** Applied idempotently: the latest description of a venue replaces the one before. */
  upsert: (db: EntityManager, fact: VenueDescribed) =>
    db.query(
      `insert into venue_fact (venue_id, name, insee_code) values ($1, $2, $3)
       on conflict (venue_id) do update set name = excluded.name, insee_code = excluded.insee_code`,
      [fact.venueId, fact.name, fact.inseeCode],
    ),

  /** The replicated venues among these, by id; a venue not (yet) replicated is absent. */
  async byIds(db: DataSource, venueIds: string[]): Promise<Map<string, VenueDescribed>> {
    const rows: VenueDescribed[] = await db.query(`select venue_id as "venueId", name, insee_code as "inseeCode" from venue_fact where venue_id = any($1::uuid[])`, [venueIds]);
    return new Map(rows.map((row) => [row.venueId, row]));
  },
};
