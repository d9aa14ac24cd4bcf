import { In, type DataSource, type EntityManager } from 'typeorm';
import { FundingShare, type FundingShareStatus } from './funding-share.entity';

export const fundingShareStore = {
  ofProgrammes: (db: DataSource, programmeIds: string[]) =>
    db.getRepository(FundingShare).find({ where: { programmeId: In(programmeIds) }, order: { basisPoints: 'DESC' } }),
  ofFunders: (db: DataSource, funderIds: string[]) => db.getRepository(FundingShare).find({ where: { funderId: In(funderIds) } }),
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
