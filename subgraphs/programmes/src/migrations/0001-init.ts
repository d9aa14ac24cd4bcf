import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1763900000001 implements MigrationInterface {
  name = 'Init1763900000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table funder (
        id uuid primary key default gen_random_uuid(),
        name text not null unique,
        kind text not null
      );
      create table programme (
        id uuid primary key default gen_random_uuid(),
        name text not null unique,
        territory text[] not null check (cardinality(territory) > 0),
        eligibility jsonb not null,
        valid_from date not null,
        valid_until date not null,
        budget_cents bigint not null check (budget_cents >= 0),
        created_at timestamptz not null default now(),
        check (valid_until > valid_from)
      );
      create table funding_share (
        programme_id uuid not null references programme(id),
        funder_id uuid not null references funder(id),
        basis_points int not null check (basis_points > 0 and basis_points <= 10000),
        primary key (programme_id, funder_id)
      );
      create index funding_share_funder on funding_share (funder_id);
      create table voucher_order (
        id uuid primary key default gen_random_uuid(),
        programme_id uuid not null references programme(id),
        funder_id uuid not null references funder(id),
        book_count int not null check (book_count > 0),
        vouchers_per_book int not null check (vouchers_per_book in (5, 10)),
        face_value_cents int not null check (face_value_cents > 0),
        fees_cents bigint not null default 0 check (fees_cents >= 0),
        placed_at timestamptz not null default now(),
        paid_at timestamptz
      );
      create index voucher_order_programme on voucher_order (programme_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('drop table voucher_order; drop table funding_share; drop table programme; drop table funder;');
  }
}
