import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The trigger that woke listeners in the redemption's transaction (migration 0019 dropped it; its down puts it back). */
export const NOTIFY_FUNCTION_0009 = `
  create function notify_redemption_recorded() returns trigger language plpgsql as $$
  begin
    perform pg_notify('redemption_recorded', '');
    return null;
  end $$`;
export const NOTIFY_TRIGGER_0009 = `
  create trigger redemption_recorded after insert on redemption
    for each statement execute function notify_redemption_recorded()`;

/**
 * The redemption row is its own event: `xid` is the id of the transaction that wrote it, so the
 * stream can be read in (xid, seq) order up to the oldest transaction still running, which makes
 * a cursor that never skips a late commit (docs/adr/0002-live-redemptions.md). A statement-level
 * trigger wakes listeners at commit (migration 0019 replaced it with a NOTIFY after the commit);
 * NOTIFY carries nothing, readers always read the table.
 */
export class RedemptionStream1763900000111 implements MigrationInterface {
  name = 'RedemptionStream1763900000111';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`alter table redemption add column xid bigint not null default (pg_current_xact_id()::text::bigint)`);
    await db.query(`create index redemption_stream on redemption (xid, seq)`);
    await db.query(NOTIFY_FUNCTION_0009);
    await db.query(NOTIFY_TRIGGER_0009);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop trigger redemption_recorded on redemption`);
    await db.query(`drop function notify_redemption_recorded()`);
    await db.query(`drop index redemption_stream`);
    await db.query(`alter table redemption drop column xid`);
  }
}
