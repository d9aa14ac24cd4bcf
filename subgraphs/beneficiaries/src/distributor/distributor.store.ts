import { In, type DataSource } from 'typeorm';
import { Distributor } from './distributor.entity';

export const distributorStore = {
  byIds: (db: DataSource, ids: string[]) => db.getRepository(Distributor).findBy({ id: In(ids) }),
  all: (db: DataSource) => db.getRepository(Distributor).find({ order: { name: 'ASC' } }),
};
