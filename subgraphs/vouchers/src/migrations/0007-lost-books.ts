import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A book reported lost or stolen: its unused vouchers are LOST at once — refused at redemption,
 * still owed to the funders, and credited back with the rest at the programme's expiry.
 */
export class LostBooks1763900000109 implements MigrationInterface {
  name = 'LostBooks1763900000109';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table book add column lost_at timestamptz;
      alter table voucher drop constraint voucher_state_check;
      alter table voucher add constraint voucher_state_check check (state in ('AVAILABLE', 'REDEEMED', 'BLOCKED', 'LOST'));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      update voucher set state = 'AVAILABLE' where state = 'LOST';
      alter table voucher drop constraint voucher_state_check;
      alter table voucher add constraint voucher_state_check check (state in ('AVAILABLE', 'REDEEMED', 'BLOCKED'));
      alter table book drop column lost_at;
    `);
  }
}
