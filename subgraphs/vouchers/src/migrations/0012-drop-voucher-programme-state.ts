import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `voucher (programme_id, state)` served three reads that counted a programme's vouchers by state:
 * the D-30 report and a funder's programme figures (both read the tallies since migration 0011)
 * and the ledger's outstanding value (read from the tally too, see ledger.store.ts). What is left,
 * an expiry's blocking, reaches a programme's vouchers through its books (`book_programme`, then
 * `voucher_book`). Every issued voucher paid for this index (≈ 2 s of PostgreSQL CPU per million
 * in docs/scale.md's measurement); nothing reads it any more.
 */
export class DropVoucherProgrammeState1764600000601 implements MigrationInterface {
  name = 'DropVoucherProgrammeState1764600000601';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`drop index voucher_programme_state`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`create index voucher_programme_state on voucher (programme_id, state)`);
  }
}
