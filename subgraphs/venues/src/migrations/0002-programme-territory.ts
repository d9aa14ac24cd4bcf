import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Replica of each programme's territory (`programme.defined`): a venue is qualified only inside it. */
export class ProgrammeTerritory1763900000203 implements MigrationInterface {
  name = 'ProgrammeTerritory1763900000203';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table programme_territory (
        programme_id uuid primary key,
        territory text[] not null
      );
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('drop table programme_territory;');
  }
}
