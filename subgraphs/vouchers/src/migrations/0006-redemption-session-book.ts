import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One voucher pays one workshop sitting: redeeming looks up a book's redemptions in a session. */
export class RedemptionSessionBook1763900000108 implements MigrationInterface {
  name = 'RedemptionSessionBook1763900000108';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`create index redemption_session_book on redemption (session_id, book_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop index redemption_session_book`);
  }
}
