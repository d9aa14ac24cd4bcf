import type { MigrationInterface, QueryRunner } from 'typeorm';
import { NOTIFY_FUNCTION_0009, NOTIFY_TRIGGER_0009 } from './0009-redemption-stream';

/**
 * The live feeds are woken after a redemption commits, by the subgraph (live/wake-up.ts), no longer
 * by a trigger inside its transaction: a transaction that NOTIFYs holds PostgreSQL's database-wide
 * notification lock until its commit is flushed, so every redemption's commit queued on the
 * previous one's (issue 12).
 */
export class WakeFeedsAfterCommit1765000001600 implements MigrationInterface {
  name = 'WakeFeedsAfterCommit1765000001600';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`drop trigger redemption_recorded on redemption`);
    await db.query(`drop function notify_redemption_recorded()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(NOTIFY_FUNCTION_0009);
    await db.query(NOTIFY_TRIGGER_0009);
  }
}
