import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasure in the vouchers subgraph. A book handed to a person who was then erased keeps its state
 * (handed out, so every count stays) but its link to the person is replaced by a fresh random id
 * that leads nowhere, and `beneficiary_erased_at` says so; the outcomes of such a book are stripped
 * (score, skills, note) and keep only the fact that one was recorded, by which venue, when.
 */
export class Erasure1764600000201 implements MigrationInterface {
  name = 'Erasure1764600000201';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table book add column beneficiary_erased_at timestamptz;
      alter table outcome add column erased_at timestamptz;
      alter table outcome add constraint outcome_erased_is_empty
        check (erased_at is null or (pix_score is null and skills_reached = '{}' and note is null));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table outcome drop constraint outcome_erased_is_empty;
      alter table outcome drop column erased_at;
      alter table book drop column beneficiary_erased_at;
    `);
  }
}
