import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RECOUNT_BOOK_TALLY, recountVoucherTally } from '../tally/tally.store';

/** The shards as this migration made them, 16 by the last hex digit of the id (migration 0017 made them 256). */
export const TALLY_SHARDS_0013 = 16;
export const SHARD_OF_ID_0013 = `('x' || right(id::text, 1))::bit(4)::int % ${TALLY_SHARDS_0013}`;

/** Each book's count of counted redemptions, as this migration kept it (0018 replaced it with `book_started`). */
export const RECOUNT_REDEEMED_VOUCHERS_0013 = `
  update book b set redeemed_vouchers = r.n
    from (select book_id, count(*) as n from redemption where corrected_at is null group by book_id) r
   where r.book_id = b.id and b.redeemed_vouchers <> r.n`;

/**
 * Running tallies for the D-30 report and a programme's figures (see tally/tally.store.ts): vouchers
 * per state in 16 rows per programme, books per distributor, and each book's count of
 * redeemed vouchers (a book is "started" when it is above 0). Filled from the rows as they are.
 */
export class Tallies1764600000600 implements MigrationInterface {
  name = 'Tallies1764600000600';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table voucher_tally (
        programme_id uuid not null,
        shard smallint not null check (shard >= 0 and shard < ${TALLY_SHARDS_0013}),
        available bigint not null default 0,
        available_cents bigint not null default 0,
        lost bigint not null default 0,
        lost_cents bigint not null default 0,
        redeemed bigint not null default 0,
        redeemed_cents bigint not null default 0,
        blocked bigint not null default 0,
        blocked_cents bigint not null default 0,
        primary key (programme_id, shard)
      );
      create table book_tally (
        programme_id uuid not null,
        distributor_id uuid not null,
        books int not null default 0,
        handed_out int not null default 0,
        started int not null default 0,
        primary key (programme_id, distributor_id)
      );
      alter table book add column redeemed_vouchers int not null default 0 check (redeemed_vouchers >= 0);
    `);
    await db.query(RECOUNT_REDEEMED_VOUCHERS_0013);
    await db.query(`insert into voucher_tally ${recountVoucherTally(SHARD_OF_ID_0013)}`);
    await db.query(`insert into book_tally ${RECOUNT_BOOK_TALLY}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table book drop column redeemed_vouchers;
      drop table book_tally, voucher_tally;
    `);
  }
}
