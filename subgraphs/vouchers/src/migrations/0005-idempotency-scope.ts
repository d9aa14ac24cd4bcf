import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Idempotency keys belong to the venue that chose them, not to one namespace for all venues. */
export class IdempotencyScope1763900000107 implements MigrationInterface {
  name = 'IdempotencyScope1763900000107';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table idempotency add column scope text not null default '';
      alter table idempotency drop constraint idempotency_pkey;
      alter table idempotency add constraint idempotency_pkey primary key (scope, key);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table idempotency drop constraint idempotency_pkey;
      alter table idempotency add constraint idempotency_pkey primary key (key);
      alter table idempotency drop column scope;
    `);
  }
}
