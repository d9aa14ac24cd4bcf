import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A programme's expiry: its unused vouchers blocked and their value credited back to its funders. */
export class ExpiryCredits1763900000105 implements MigrationInterface {
  name = 'ExpiryCredits1763900000105';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- One run of a programme's expiry that blocked vouchers; a run that found none leaves no row.
      create table programme_expiry (
        id uuid primary key default gen_random_uuid(),
        programme_id uuid not null,
        vouchers_blocked int not null check (vouchers_blocked > 0),
        blocked_cents bigint not null check (blocked_cents > 0),
        expired_at timestamptz not null
      );
      create index programme_expiry_programme on programme_expiry (programme_id);
      -- The blocked value of one expiry given back to one funder: an expiry's credits sum to its blocked_cents.
      create table credit (
        id uuid primary key default gen_random_uuid(),
        expiry_id uuid not null references programme_expiry(id),
        programme_id uuid not null,
        funder_id uuid not null,
        amount_cents bigint not null check (amount_cents > 0),
        created_at timestamptz not null,
        unique (expiry_id, funder_id)
      );
      create index credit_programme on credit (programme_id, funder_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table credit, programme_expiry;`);
  }
}
