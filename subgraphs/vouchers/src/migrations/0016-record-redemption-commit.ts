import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RECORD_REDEMPTION_FUNCTION } from '../redemption/redemption.store';
import { RECORD_REDEMPTION_FUNCTION_0015 } from './0015-redemption-functions';

/**
 * record_redemption also stores the refusal when the voucher was lost to a concurrent change
 * (`p_lost_answers`): the redemption's COMMIT now goes in the same round trip as this call
 * (redemption/redemption.store.ts), so nothing can be written between them (issue 12). The new
 * parameter makes it another function: the one of migration 0015 is dropped.
 */
export class RecordRedemptionCommit1765000001300 implements MigrationInterface {
  name = 'RecordRedemptionCommit1765000001300';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`drop function record_redemption(text, text, text, uuid, uuid, uuid, uuid, uuid, int, timestamptz, smallint)`);
    await db.query(RECORD_REDEMPTION_FUNCTION);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop function record_redemption(text, text, text, uuid, uuid, uuid, uuid, uuid, int, timestamptz, smallint, jsonb)`);
    await db.query(RECORD_REDEMPTION_FUNCTION_0015);
  }
}
