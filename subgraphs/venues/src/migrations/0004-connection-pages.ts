import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Connections of this subgraph and the indexes their keyset pages walk: `Query.venues` by name then
 * id, `Programme.qualifiedVenues` by venue id, `Venue.sessions` and `Workshop.sessions` by start
 * time then id.
 */
export class ConnectionPages1765000000702 implements MigrationInterface {
  name = 'ConnectionPages1765000000702';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create index venue_name_id on venue (name, id);
      create index qualification_programme_venue on qualification (programme_id, venue_id);
      drop index qualification_programme;
      create index workshop_session_venue_starts on workshop_session (venue_id, starts_at, id);
      drop index workshop_session_venue;
      create index workshop_session_workshop_starts on workshop_session (workshop_id, starts_at, id);
      drop index workshop_session_workshop;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      create index workshop_session_workshop on workshop_session (workshop_id);
      drop index workshop_session_workshop_starts;
      create index workshop_session_venue on workshop_session (venue_id, starts_at);
      drop index workshop_session_venue_starts;
      create index qualification_programme on qualification (programme_id);
      drop index qualification_programme_venue;
      drop index venue_name_id;
    `);
  }
}
