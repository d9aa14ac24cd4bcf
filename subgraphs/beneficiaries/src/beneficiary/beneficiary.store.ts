import { In, type DataSource } from 'typeorm';
import { Beneficiary } from './beneficiary.entity';

export const beneficiaryStore = {
  byIds: (db: DataSource, ids: string[]) => db.getRepository(Beneficiary).findBy({ id: In(ids) }),
  ofDistributors: (db: DataSource, distributorIds: string[]) =>
    db.getRepository(Beneficiary).find({ where: { distributorId: In(distributorIds) }, order: { registeredAt: 'ASC' } }),
};
