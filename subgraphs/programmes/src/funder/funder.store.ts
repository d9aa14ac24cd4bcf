import { In, type DataSource } from 'typeorm';
import { Funder } from './funder.entity';

export const funderStore = {
  byIds: (db: DataSource, ids: string[]) => db.getRepository(Funder).findBy({ id: In(ids) }),
  all: (db: DataSource) => db.getRepository(Funder).find({ order: { name: 'ASC' } }),
};
