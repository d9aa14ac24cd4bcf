import type { DataSource, EntityManager } from 'typeorm';
import type { BeneficiaryRegistered } from '@pass/contracts';

/**
 * `beneficiary_fact`: the replica of `beneficiary.registered` — a person's registering
 * distributor and the programmes they were found eligible for. Erasure deletes it.
 */
export const beneficiaryFactStore = {
  /** Applied idempotently; a person registered again for another programme adds it to their list. */
  upsert: (db: EntityManager, fact: BeneficiaryRegistered) =>
    db.query(
      `insert into beneficiary_fact (beneficiary_id, distributor_id, eligible_programme_ids) values ($1, $2, $3)
       on conflict (beneficiary_id) do update set eligible_programme_ids =
         (select array_agg(distinct p) from unnest(beneficiary_fact.eligible_programme_ids || excluded.eligible_programme_ids) p)`,
      [fact.beneficiaryId, fact.distributorId, fact.eligibleProgrammeIds],
    ),

  /** The registering distributor of each beneficiary. */
  async distributorsOfBeneficiaries(db: DataSource, beneficiaryIds: string[]): Promise<Map<string, string>> {
    const rows: { beneficiary_id: string; distributor_id: string }[] = await db.query(
      `select beneficiary_id, distributor_id from beneficiary_fact where beneficiary_id = any($1)`,
      [beneficiaryIds],
    );
    return new Map(rows.map((r) => [r.beneficiary_id, r.distributor_id]));
  },

  /** People registered for this programme and for none still within its retention period (ended on or after `retainedFrom`). */
  async onlyPastRetention(db: DataSource, programmeId: string, retainedFrom: string): Promise<string[]> {
    const rows: { id: string }[] = await db.query(
      `select f.beneficiary_id as id from beneficiary_fact f
        where $1 = any(f.eligible_programme_ids)
          and not exists (select 1 from unnest(f.eligible_programme_ids) other join programme_fact p on p.programme_id = other
                           where p.valid_until >= $2::date)`,
      [programmeId, retainedFrom],
    );
    return rows.map((r) => r.id);
  },

  async count(db: DataSource, beneficiaryIds: string[]): Promise<number> {
    const [{ n }] = await db.query(`select count(*)::int as n from beneficiary_fact where beneficiary_id = any($1::uuid[])`, [beneficiaryIds]);
    return n;
  },

  /** Deletes the people's registrations; how many there were. */
  async erase(db: DataSource | EntityManager, beneficiaryIds: string[]): Promise<number> {
    const gone: unknown[] = await db.query(
      `with gone as (delete from beneficiary_fact where beneficiary_id = any($1::uuid[]) returning beneficiary_id) select * from gone`,
      [beneficiaryIds],
    );
    return gone.length;
  },
};
