import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Replica of `venue.described`: a venue's name and commune, which this subgraph provides under a
 * redemption and a programme's venue activity (`@provides`), sparing the partner pages a round
 * trip to the venues subgraph (issue 12).
 */
export class VenueFact1765300000800 implements MigrationInterface {
  name = 'VenueFact1765300000800';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`create table venue_fact (venue_id uuid primary key, name text not null, insee_code text not null)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table venue_fact`);
  }
}
