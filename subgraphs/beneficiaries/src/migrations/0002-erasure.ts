import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasure: a person erased (on request or by the anonymisation job) leaves only a tombstone —
 * the random id, the registering distributor, when and why — so a later access request by that
 * distributor can be answered "erased", and nothing else. The person's row itself is deleted.
 */
export class Erasure1764600000200 implements MigrationInterface {
  name = 'Erasure1764600000200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table erased_beneficiary (
        beneficiary_id uuid primary key,
        distributor_id uuid not null references distributor(id),
        erased_at timestamptz not null,
        reason text not null check (reason in ('ERASURE_REQUEST', 'ANONYMISATION'))
      );
      create index beneficiary_eligibility_programme on beneficiary_eligibility (programme_id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('drop index beneficiary_eligibility_programme; drop table erased_beneficiary;');
  }
}
