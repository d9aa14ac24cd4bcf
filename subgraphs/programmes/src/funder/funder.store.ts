import { In, type DataSource, type EntityManager } from 'typeorm';
import { Funder, type FunderKind } from './funder.entity';

export const funderStore = {
  byIds: (db: DataSource | EntityManager, ids: string[]) => db.getRepository(Funder).findBy({ id: In(ids) }),
  all: (db: DataSource) => db.getRepository(Funder).find({ order: { name: 'ASC' } }),
  nameTaken: (db: DataSource, name: string) => db.getRepository(Funder).existsBy({ name }),
  insert: (db: DataSource, funder: { name: string; kind: FunderKind }) => db.getRepository(Funder).save(db.getRepository(Funder).create(funder)),
};
