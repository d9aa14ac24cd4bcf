import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `voucher (programme_id, state)` served three reads that counted a programme's vouchers by state:
 * the D-30 report and a funder's programme figures (both read the tallies since migration 0013)
 * and the ledger's outstanding value (read from the tally too, see ledger.store.ts). What is left,
 * an expiry's blocking, reaches a programme's vouchers through its books (`book_programme`, then
 * `voucher_book`). Every issued voucher paid for this index (≈ 2 s of PostgreSQL CPU per million
 * in docs/scale.md's measurement); nothing reads it any more.
 *
 * Without it, a redemption's update of a voucher (`state`, `redeemed_at`) changes no indexed
 * column, so PostgreSQL can make it a heap-only (HOT) update — no new entry in the three indexes
 * left — when the voucher's page has room. Issued pages are packed full, so new ones are now
 * filled to 90 %: measured with one redemption in ten, 87 % of the updates were HOT (0 % at 100 %
 * fill, or with the index). Pages written before this migration keep their fill.
 */
export class DropVoucherProgrammeState1764600000601 implements MigrationInterface {
  name = 'DropVoucherProgrammeState1764600000601';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`drop index voucher_programme_state; alter table voucher set (fillfactor = 90)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`alter table voucher reset (fillfactor); create index voucher_programme_state on voucher (programme_id, state)`);
  }
}
