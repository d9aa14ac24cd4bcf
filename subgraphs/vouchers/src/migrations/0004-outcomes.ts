import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Outcomes venues record for the holders of books they served. */
export class Outcomes1763900000106 implements MigrationInterface {
  name = 'Outcomes1763900000106';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- A venue's assessment of the holder of a book it served; no identity, skills only.
      create table outcome (
        id uuid primary key default gen_random_uuid(),
        book_id uuid not null references book(id),
        venue_id uuid not null,
        pix_score int check (pix_score between 0 and 1000),
        skills_reached text[] not null,
        note text check (char_length(note) <= 2000),
        recorded_at timestamptz not null
      );
      create index outcome_book on outcome (book_id, recorded_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table outcome;`);
  }
}
