import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1763900000003 implements MigrationInterface {
  name = 'Init1763900000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table venue (
        id uuid primary key default gen_random_uuid(),
        siret char(14) unique check (siret ~ '^[0-9]{14}$'),
        name text not null,
        address text not null,
        postcode text,
        commune text,
        insee_code text not null,
        latitude double precision check (latitude between -90 and 90),
        longitude double precision check (longitude between -180 and 180),
        opening_hours text,
        services text[] not null default '{}'
      );
      create index venue_insee on venue (insee_code);
      -- The hub's own record of which venue may take which programme's vouchers.
      create table qualification (
        venue_id uuid not null references venue(id),
        programme_id uuid not null,
        qualified_at timestamptz not null default now(),
        primary key (venue_id, programme_id)
      );
      create index qualification_programme on qualification (programme_id);
      create table workshop (
        id uuid primary key default gen_random_uuid(),
        venue_id uuid not null references venue(id),
        axis text not null,
        topic text not null,
        duration_minutes int not null check (duration_minutes between 30 and 240),
        seats int not null check (seats between 1 and 100)
      );
      create index workshop_venue on workshop (venue_id);
      create table workshop_session (
        id uuid primary key default gen_random_uuid(),
        workshop_id uuid not null references workshop(id),
        venue_id uuid not null references venue(id),
        starts_at timestamptz not null,
        seats int not null check (seats between 1 and 100)
      );
      create index workshop_session_venue on workshop_session (venue_id, starts_at);
      create index workshop_session_workshop on workshop_session (workshop_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('drop table workshop_session; drop table workshop; drop table qualification; drop table venue;');
  }
}
