import type { DataSource, EntityManager } from 'typeorm';
import { entityReader } from '@pass/kit';
import { Funder } from '../funder/funder.entity';
import { FundingShare, type FundingShareStatus } from './funding-share.entity';

export const fundingShareStore = {
  /** The programmes' shares, largest first, each with its funder read in the same statement (a programme's page shows their names). */
  async ofProgrammesWithFunders(db: DataSource, programmeIds: string[]): Promise<{ share: FundingShare; funder: Funder }[]> {
    const share = entityReader(db, FundingShare);
    const funder = entityReader(db, Funder);
    const rows: Record<string, unknown>[] = await db.query(
      `select ${share.columns('s', 'share.')}, ${funder.columns('f', 'funder.')}
         from funding_share s join funder f on f.id = s.funder_id
        where s.programme_id = any($1::uuid[])
        order by s.basis_points desc`,
      [programmeIds],
    );
    return rows.map((row) => ({ share: share.hydrate(row, 'share.'), funder: funder.hydrate(row, 'funder.') }));
  },
  ofProgramme: (db: DataSource | EntityManager, programmeId: string) => db.getRepository(FundingShare).findBy({ programmeId }),
  insert: (tx: EntityManager, shares: FundingShare[]) => tx.getRepository(FundingShare).insert(shares),
  /** One funder's share, locked until the transaction ends; null when it has none. */
  lock: (tx: EntityManager, programmeId: string, funderId: string) =>
    tx.getRepository(FundingShare).findOne({ where: { programmeId, funderId }, lock: { mode: 'pessimistic_write' } }),
  setStatus: (tx: EntityManager, share: { programmeId: string; funderId: string }, status: FundingShareStatus) =>
    tx.getRepository(FundingShare).update({ programmeId: share.programmeId, funderId: share.funderId }, { status }),
  /** A programme's shares replaced by new ones, in the caller's transaction. */
  async replace(tx: EntityManager, programmeId: string, shares: FundingShare[]): Promise<void> {
    await tx.getRepository(FundingShare).delete({ programmeId });
    await tx.getRepository(FundingShare).insert(shares);
  },
};
