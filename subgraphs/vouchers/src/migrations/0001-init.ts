import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1763900000004 implements MigrationInterface {
  name = 'Init1763900000004';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Replicas of other subgraphs' facts (see docs/adr/0001-cross-subgraph-facts.md).
      create table programme_fact (
        programme_id uuid primary key,
        name text not null,
        territory text[] not null,
        valid_from date not null,
        valid_until date not null,
        shares jsonb not null
      );
      create table paid_order (
        order_id uuid primary key,
        programme_id uuid not null,
        funder_id uuid not null,
        book_count int not null,
        vouchers_per_book int not null,
        face_value_cents int not null,
        issued_at timestamptz
      );
      create table venue_qualification (
        venue_id uuid not null,
        programme_id uuid not null,
        primary key (venue_id, programme_id)
      );
      create table session_fact (
        session_id uuid primary key,
        venue_id uuid not null,
        insee_code text not null,
        starts_at timestamptz not null,
        seats int not null
      );
      create table distributor_fact (
        distributor_id uuid primary key,
        name text not null
      );
      create table beneficiary_fact (
        beneficiary_id uuid primary key,
        distributor_id uuid not null,
        eligible_programme_ids uuid[] not null
      );

      create table book (
        id uuid primary key,
        code text not null unique,
        programme_id uuid not null,
        order_id uuid not null,
        distributor_id uuid,
        beneficiary_id uuid,
        issued_at timestamptz not null default now(),
        allocated_at timestamptz,
        handed_out_at timestamptz,
        check (beneficiary_id is null or distributor_id is not null)
      );
      create index book_programme on book (programme_id, code);
      create index book_distributor on book (distributor_id, code) where distributor_id is not null;
      create index book_beneficiary on book (beneficiary_id) where beneficiary_id is not null;
      create table voucher (
        id uuid primary key default gen_random_uuid(),
        code text not null unique,
        book_id uuid not null references book(id),
        programme_id uuid not null,
        face_value_cents int not null check (face_value_cents > 0),
        state text not null default 'AVAILABLE' check (state in ('AVAILABLE', 'REDEEMED', 'BLOCKED')),
        redeemed_at timestamptz
      );
      create index voucher_book on voucher (book_id);
      create index voucher_programme_state on voucher (programme_id, state);
      create table redemption (
        id uuid primary key default gen_random_uuid(),
        seq bigserial not null unique,
        -- The backstop of exactly-once: whatever the code does, a voucher has one redemption.
        voucher_id uuid not null unique references voucher(id),
        session_id uuid not null,
        venue_id uuid not null,
        programme_id uuid not null,
        book_id uuid not null,
        amount_cents int not null check (amount_cents > 0),
        redeemed_at timestamptz not null default now()
      );
      create index redemption_session on redemption (session_id);
      create index redemption_venue on redemption (venue_id, redeemed_at);
      create index redemption_programme on redemption (programme_id, venue_id);
      create index redemption_book on redemption (book_id);
      -- The first answer given to an idempotency key, replayed to every retry.
      create table idempotency (
        key text primary key,
        request_hash text not null,
        response jsonb not null,
        created_at timestamptz not null default now()
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table idempotency, redemption, voucher, book, beneficiary_fact, distributor_fact,
      session_fact, venue_qualification, paid_order, programme_fact;`);
  }
}
