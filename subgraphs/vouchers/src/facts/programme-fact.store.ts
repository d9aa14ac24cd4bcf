import type { DataSource, EntityManager } from 'typeorm';
import type { ProgrammeDefined } from '@pass/contracts';
import type { FundingShareFact } from '../expiry/credit-split';

/** `programme_fact`: the replica of `programme.defined` — a programme's window, territory and funding shares. */
export const programmeFactStore = {
  /** Applied idempotently: a replayed fact leaves the row as it was. */
  upsert: (db: EntityManager, fact: ProgrammeDefined) =>
    db.query(
      `insert into programme_fact (programme_id, name, territory, valid_from, valid_until, shares)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (programme_id) do update set name = excluded.name, territory = excluded.territory,
         valid_from = excluded.valid_from, valid_until = excluded.valid_until, shares = excluded.shares`,
      [fact.programmeId, fact.name, fact.territory, fact.validFrom, fact.validUntil, JSON.stringify(fact.shares)],
    ),

  /** The last day of a programme (YYYY-MM-DD), null when it has not reached this replica. */
  async validUntil(db: DataSource, programmeId: string): Promise<string | null> {
    const [programme] = await db.query(`select valid_until::text from programme_fact where programme_id = $1`, [programmeId]);
    return programme?.valid_until ?? null;
  },

  /** The names of programmes (a programme is never renamed: programme.defined is its only fact). */
  namesOf: (db: DataSource, programmeIds: string[]): Promise<{ id: string; name: string }[]> =>
    db.query(`select programme_id as id, name from programme_fact where programme_id = any($1)`, [programmeIds]),

  /** The funding shares of each programme. */
  async sharesOfProgrammes(db: DataSource, programmeIds: string[]): Promise<Map<string, FundingShareFact[]>> {
    const rows: { programme_id: string; shares: FundingShareFact[] }[] = await db.query(
      `select programme_id, shares from programme_fact where programme_id = any($1)`,
      [programmeIds],
    );
    return new Map(rows.map((r) => [r.programme_id, r.shares.map((s) => ({ funderId: s.funderId, basisPoints: s.basisPoints }))]));
  },

  /** The funders of each programme. */
  async fundersOfProgrammes(db: DataSource, programmeIds: string[]): Promise<Map<string, string[]>> {
    const shares = await programmeFactStore.sharesOfProgrammes(db, programmeIds);
    return new Map([...shares].map(([id, list]) => [id, list.map((s) => s.funderId)]));
  },
};
