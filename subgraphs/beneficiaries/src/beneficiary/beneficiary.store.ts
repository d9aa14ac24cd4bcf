import { type DataSource, type EntityManager } from 'typeorm';
import { timeOrderedPages, type PageRequest } from '@pass/kit';
import { Beneficiary } from './beneficiary.entity';

/** The people (`beneficiary`) and the programmes each was found eligible for (`beneficiary_eligibility`). */
export const beneficiaryStore = {
  /**
   * The people with these ids, as the repository would hydrate them: read raw and assigned to
   * plain `Beneficiary`s, because TypeORM's query building and hydration cost more CPU than the
   * statement itself when a page of a hundred books resolves its holders' pseudonyms.
   */
  byIds: async (db: DataSource, ids: string[]): Promise<Beneficiary[]> => {
    const rows: Omit<Beneficiary, 'ageBand'>[] = await db.query(
      `select id, pseudonym, distributor_id as "distributorId", birth_year as "birthYear", insee_code as "inseeCode",
              education_level as "educationLevel", statuses, consent_at as "consentAt", registered_at as "registeredAt"
         from beneficiary where id = any($1::uuid[])`,
      [ids],
    );
    return rows.map((row) => Object.assign(new Beneficiary(), row));
  },

  /** A person registered, with the programme they were found eligible for. */
  async insert(tx: EntityManager, person: Omit<Beneficiary, 'id' | 'ageBand'>, eligibleFor: string): Promise<Beneficiary> {
    const saved = await tx.getRepository(Beneficiary).save(tx.getRepository(Beneficiary).create(person));
    await tx.query('insert into beneficiary_eligibility (beneficiary_id, programme_id) values ($1, $2)', [saved.id, eligibleFor]);
    return saved;
  },

  /** The record as stored, every column, for the person's access request; null when no person has the id. */
  async recordOf(db: DataSource, id: string): Promise<Record<string, unknown> | null> {
    const [row] = await db.query(
      `select b.id, b.pseudonym, b.distributor_id as "distributorId", b.birth_year as "birthYear", b.insee_code as "inseeCode",
              b.education_level as "educationLevel", b.statuses, b.consent_at as "consentAt", b.registered_at as "registeredAt",
              coalesce((select json_agg(json_build_object('programmeId', e.programme_id, 'checkedAt', e.checked_at) order by e.checked_at)
                          from beneficiary_eligibility e where e.beneficiary_id = b.id), '[]'::json) as "eligibleFor"
         from beneficiary b where b.id = $1`,
      [id],
    );
    return row ?? null;
  },

  /** The person's registering distributor, their row locked until the transaction ends; null when no person has the id. */
  async lockDistributorOf(tx: EntityManager, id: string): Promise<string | null> {
    const [person] = await tx.query(`select distributor_id from beneficiary where id = $1 for update`, [id]);
    return person?.distributor_id ?? null;
  },

  /**
   * The people found eligible for a programme and for no programme ending on or after
   * `retainedFrom` (those are kept until their own retention period ends), in id order.
   */
  async idsDueForAnonymisation(db: DataSource, programmeId: string, retainedFrom: string): Promise<string[]> {
    const due: { id: string }[] = await db.query(
      `select e.beneficiary_id as id from beneficiary_eligibility e
        where e.programme_id = $1
          and not exists (select 1 from beneficiary_eligibility other join programme_fact p on p.programme_id = other.programme_id
                           where other.beneficiary_id = e.beneficiary_id and p.valid_until >= $2::date)
        order by e.beneficiary_id`,
      [programmeId, retainedFrom],
    );
    return due.map((r) => r.id);
  },

  /** The people's rows and eligibility checks deleted (their tombstones are written first, by the privacy store). */
  async erase(tx: EntityManager, ids: string[]): Promise<void> {
    await tx.query(`delete from beneficiary_eligibility where beneficiary_id = any($1::uuid[])`, [ids]);
    await tx.query(`delete from beneficiary where id = any($1::uuid[])`, [ids]);
  },

  /**
   * One page of each distributor's beneficiaries, by registration time then id, for all
   * distributors at once, after the sort key (registered at, id) of the previous page's last row.
   */
  pagesOfDistributors: (db: DataSource, distributorIds: string[], page: PageRequest) =>
    timeOrderedPages(db, { table: 'beneficiary', ownerColumn: 'distributor_id', timeColumn: 'registered_at' }, Beneficiary, distributorIds, page),
};
