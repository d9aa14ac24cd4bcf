import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Redemptions a venue cancelled before its month was closed (a wrong code taken): the redemption
 * row goes, so the voucher can be redeemed again and nothing pays it; what it was stays here.
 */
export class RedemptionCancellation1763900000110 implements MigrationInterface {
  name = 'RedemptionCancellation1763900000110';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table redemption_cancellation (
        redemption_id uuid primary key,
        voucher_id uuid not null references voucher(id),
        session_id uuid not null,
        venue_id uuid not null,
        programme_id uuid not null,
        book_id uuid not null,
        amount_cents int not null,
        redeemed_at timestamptz not null,
        cancelled_at timestamptz not null default now()
      );
      create index redemption_cancellation_venue on redemption_cancellation (venue_id, cancelled_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('drop table redemption_cancellation;');
  }
}
