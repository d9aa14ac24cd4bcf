import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `Distributor.beneficiaries` (by registration time then id) and `Query.distributors` (by name then
 * id) are connections: their keyset pages walk these indexes.
 */
export class ConnectionPages1765000000701 implements MigrationInterface {
  name = 'ConnectionPages1765000000701';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create index beneficiary_distributor_registered on beneficiary (distributor_id, registered_at, id);
      drop index beneficiary_distributor;
      create index distributor_name_id on distributor (name, id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      create index beneficiary_distributor on beneficiary (distributor_id);
      drop index beneficiary_distributor_registered;
      drop index distributor_name_id;
    `);
  }
}
