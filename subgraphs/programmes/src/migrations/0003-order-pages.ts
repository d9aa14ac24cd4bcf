import type { MigrationInterface, QueryRunner } from 'typeorm';

/** `Programme.orders` is a connection by placing time then id: its keyset pages walk this index. */
export class OrderPages1765000000700 implements MigrationInterface {
  name = 'OrderPages1765000000700';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create index voucher_order_programme_placed on voucher_order (programme_id, placed_at, id);
      drop index voucher_order_programme;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('create index voucher_order_programme on voucher_order (programme_id); drop index voucher_order_programme_placed;');
  }
}
