import { In, type DataSource } from 'typeorm';
import { FundingShare } from './funding-share.entity';
import { Programme } from './programme.entity';

export const programmeStore = {
  byIds: (db: DataSource, ids: string[]) => db.getRepository(Programme).findBy({ id: In(ids) }),
  all: (db: DataSource) => db.getRepository(Programme).find({ order: { name: 'ASC' } }),
  sharesOfProgrammes: (db: DataSource, programmeIds: string[]) =>
    db.getRepository(FundingShare).find({ where: { programmeId: In(programmeIds) }, order: { basisPoints: 'DESC' } }),
  sharesOfFunders: (db: DataSource, funderIds: string[]) =>
    db.getRepository(FundingShare).find({ where: { funderId: In(funderIds) } }),
};
