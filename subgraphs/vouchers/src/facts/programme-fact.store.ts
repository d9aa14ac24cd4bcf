import type { DataSource } from 'typeorm';
import type { FundingShareFact } from '../expiry/credit-split';

export const programmeFactStore = {
  /** The funding shares of each programme, from the replica of `programme.defined`. */
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
  /** The venue of each session, from the replica of `session.scheduled`. */
  async venuesOfSessions(db: DataSource, sessionIds: string[]): Promise<Map<string, string>> {
    const rows: { session_id: string; venue_id: string }[] = await db.query(
      `select session_id, venue_id from session_fact where session_id = any($1)`,
      [sessionIds],
    );
    return new Map(rows.map((r) => [r.session_id, r.venue_id]));
  },
  /** The registering distributor of each beneficiary, from the replica of `beneficiary.registered`. */
  async distributorsOfBeneficiaries(db: DataSource, beneficiaryIds: string[]): Promise<Map<string, string>> {
    const rows: { beneficiary_id: string; distributor_id: string }[] = await db.query(
      `select beneficiary_id, distributor_id from beneficiary_fact where beneficiary_id = any($1)`,
      [beneficiaryIds],
    );
    return new Map(rows.map((r) => [r.beneficiary_id, r.distributor_id]));
  },
};
