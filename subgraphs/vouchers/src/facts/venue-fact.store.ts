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
    const rows: Record<string, unknown>[] = await db.query(`select ${venueFactStore.columns('f')} from venue_fact f where f.venue_id = any($1::uuid[])`, [venueIds]);
    return new Map(rows.map((row) => [row.venueId as string, venueFactStore.described(row)!]));
  },

  /** The replica's columns under `alias`, each name after `prefix`: a join that reads venues beside their figures. */
  columns: (alias: string, prefix = '') => `${alias}.venue_id as "${prefix}venueId", ${alias}.name as "${prefix}name", ${alias}.insee_code as "${prefix}inseeCode"`,

  /** The venue `columns` read, or null where a left join found no replica row (not described yet). */
  described(row: Record<string, unknown>, prefix = ''): VenueDescribed | null {
    const venueId = row[`${prefix}venueId`];
    if (venueId === null || venueId === undefined) return null;
    return { venueId: venueId as string, name: row[`${prefix}name`] as string, inseeCode: row[`${prefix}inseeCode`] as string };
  },
};
