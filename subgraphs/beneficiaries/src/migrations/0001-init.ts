import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1763900000002 implements MigrationInterface {
  name = 'Init1763900000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table distributor (
        id uuid primary key default gen_random_uuid(),
        name text not null unique,
        kind text not null,
        insee_code text not null
      );
      -- Personal data is kept to the minimum of the impact assessment: no name, no address.
      create table beneficiary (
        id uuid primary key default gen_random_uuid(),
        pseudonym text not null unique,
        distributor_id uuid not null references distributor(id),
        birth_year int check (birth_year between 1900 and 2100),
        insee_code text not null,
        education_level text,
        statuses text[] not null default '{}',
        consent_at timestamptz not null,
        registered_at timestamptz not null default now(),
        anonymised_at timestamptz
      );
      create index beneficiary_distributor on beneficiary (distributor_id);
      create table beneficiary_eligibility (
        beneficiary_id uuid not null references beneficiary(id),
        programme_id uuid not null,
        checked_at timestamptz not null default now(),
        primary key (beneficiary_id, programme_id)
      );
      -- Replica of programmes' facts (event programme.defined), for the eligibility check.
      create table programme_fact (
        programme_id uuid primary key,
        name text not null,
        territory text[] not null,
        eligibility jsonb not null,
        valid_from date not null,
        valid_until date not null
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('drop table programme_fact; drop table beneficiary_eligibility; drop table beneficiary; drop table distributor;');
  }
}
