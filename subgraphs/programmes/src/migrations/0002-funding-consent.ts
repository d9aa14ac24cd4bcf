import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A co-funder named by another funder agrees to its share before the programme takes an order.
 * Shares that existed before consent was asked for stay ACCEPTED.
 */
export class FundingConsent1763900000201 implements MigrationInterface {
  name = 'FundingConsent1763900000201';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table funding_share add column status text not null default 'ACCEPTED'
        check (status in ('PENDING', 'ACCEPTED', 'DECLINED'));
      alter table programme add column created_by_funder_id uuid references funder(id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('alter table funding_share drop column status; alter table programme drop column created_by_funder_id;');
  }
}
