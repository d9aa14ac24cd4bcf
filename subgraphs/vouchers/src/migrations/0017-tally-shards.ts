import type { MigrationInterface, QueryRunner } from 'typeorm';
import { recountVoucherTally, SHARD_OF_ID, TALLY_SHARDS } from '../tally/tally.store';
import { SHARD_OF_ID_0013, TALLY_SHARDS_0013 } from './0013-tallies';

/**
 * `voucher_tally` in 256 shards per programme, by the last byte of the voucher's id, instead of
 * 16 by its last hex digit (tally/tally.store.ts): with 16, concurrent redemptions of one
 * programme queued on the shards' row locks (issue 12). The rows are recounted from the vouchers
 * into the new shards, in this migration's transaction: a programme's sums do not change.
 */
export class TallyShards1765000001400 implements MigrationInterface {
  name = 'TallyShards1765000001400';

  async up(db: QueryRunner): Promise<void> {
    await reshard(db, TALLY_SHARDS, SHARD_OF_ID);
  }

  async down(db: QueryRunner): Promise<void> {
    await reshard(db, TALLY_SHARDS_0013, SHARD_OF_ID_0013);
  }
}

async function reshard(db: QueryRunner, shards: number, shardOfId: string): Promise<void> {
  await db.query(`lock table voucher_tally in exclusive mode`);
  await db.query(`alter table voucher_tally drop constraint voucher_tally_shard_check`);
  await db.query(`delete from voucher_tally`);
  await db.query(`alter table voucher_tally add constraint voucher_tally_shard_check check (shard >= 0 and shard < ${shards})`);
  await db.query(`insert into voucher_tally ${recountVoucherTally(shardOfId)}`);
}
