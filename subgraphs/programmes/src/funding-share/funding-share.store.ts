import type { DataSource, EntityManager } from 'typeorm';
import { readEntities } from '@pass/kit';
import { FundingShare, type FundingShareStatus } from './funding-share.entity';

export const fundingShareStore = {
  ofProgrammes: (db: DataSource, programmeIds: string[]) => readEntities(db, FundingShare, 'programme_id = any($1::uuid[])', [programmeIds], 'basis_points desc'),
  ofFunders: (db: DataSource, funderIds: string[]) => readEntities(db, FundingShare, 'funder_id = any($1::uuid[])', [funderIds]),
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
