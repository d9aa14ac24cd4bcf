import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Topics } from '@pass/contracts';

/**
 * `venue.described` is published with every venue write from now on; this tells the other
 * subgraphs about the venues written before, once, in the order of the bus (under its lock, as
 * `publish` takes it), so the vouchers subgraph's replica holds every venue.
 */
export class VenueDescribed1765300000705 implements MigrationInterface {
  name = 'VenueDescribed1765300000705';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`select pg_advisory_xact_lock(727002)`);
    await db.query(
      `insert into bus.event (topic, payload)
       select $1, jsonb_build_object('venueId', id, 'name', name, 'inseeCode', insee_code) from venue order by id`,
      [Topics.venueDescribed],
    );
    await db.query(`select pg_notify('bus', '')`);
  }

  async down(): Promise<void> {
    // Events once published stay published: the replicas keep what they applied.
  }
}
