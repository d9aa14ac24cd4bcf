import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RECORD_REDEMPTION_FUNCTION } from '../redemption/redemption.store';
import { RECOUNT_BOOKS_STARTED } from '../tally/tally.store';
import { RECOUNT_REDEEMED_VOUCHERS_0013 } from './0013-tallies';
import { RECORD_REDEMPTION_FUNCTION_0016 } from './0016-record-redemption-commit';

/**
 * A book is started when its `book_started` row exists, instead of when its row's
 * `redeemed_vouchers` is above 0: every redemption updated the book's row, so concurrent
 * redemptions of one book's vouchers queued on that row lock until each commit (issue 12;
 * redemption/redemption.store.ts says how the first is now told apart). Filled from the counted
 * redemptions, in this migration's transaction; the count column goes.
 */
export class BookStarted1765000001500 implements MigrationInterface {
  name = 'BookStarted1765000001500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`create table book_started (book_id uuid primary key references book (id))`);
    await db.query(`insert into book_started (book_id) ${RECOUNT_BOOKS_STARTED}`);
    await db.query(RECORD_REDEMPTION_FUNCTION);
    await db.query(`alter table book drop column redeemed_vouchers`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table book add column redeemed_vouchers int not null default 0 check (redeemed_vouchers >= 0)`);
    await db.query(RECOUNT_REDEEMED_VOUCHERS_0013);
    await db.query(RECORD_REDEMPTION_FUNCTION_0016);
    await db.query(`drop table book_started`);
  }
}
