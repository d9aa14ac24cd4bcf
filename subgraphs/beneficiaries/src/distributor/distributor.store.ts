import { In, type DataSource, type EntityManager } from 'typeorm';
import { Distributor, type DistributorKind } from './distributor.entity';

export const distributorStore = {
  byIds: (db: DataSource, ids: string[]) => db.getRepository(Distributor).findBy({ id: In(ids) }),
  all: (db: DataSource) => db.getRepository(Distributor).find({ order: { name: 'ASC' } }),
  nameTaken: (db: DataSource, name: string) => db.getRepository(Distributor).existsBy({ name }),
  insert: (tx: EntityManager, distributor: { name: string; kind: DistributorKind; inseeCode: string }) =>
    tx.getRepository(Distributor).save(tx.getRepository(Distributor).create(distributor)),
};
