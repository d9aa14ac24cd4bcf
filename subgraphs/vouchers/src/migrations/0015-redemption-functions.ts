import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RECORD_REDEMPTION_FUNCTION, REDEMPTION_FACTS_FUNCTION } from '../redemption/redemption.store';

/**
 * A redemption's reads and writes as two PL/pgSQL functions (redemption/redemption.store.ts says
 * why): four round trips per redemption instead of sixteen (issue 12). The functions are created
 * from the store's texts as they are now; a later change to a text needs its own migration.
 */
export class RedemptionFunctions1765000000800 implements MigrationInterface {
  name = 'RedemptionFunctions1765000000800';

  async up(db: QueryRunner): Promise<void> {
    await db.query(REDEMPTION_FACTS_FUNCTION);
    await db.query(RECORD_REDEMPTION_FUNCTION);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop function record_redemption; drop function redemption_facts`);
  }
}
