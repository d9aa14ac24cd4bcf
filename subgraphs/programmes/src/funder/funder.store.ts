import type { DataSource, EntityManager } from 'typeorm';
import { readEntities } from '@pass/kit';
import { Funder, type FunderKind } from './funder.entity';

export const funderStore = {
  byIds: (db: DataSource | EntityManager, ids: string[]) => readEntities(db, Funder, 'id = any($1::uuid[])', [ids]),
  all: (db: DataSource) => db.getRepository(Funder).find({ order: { name: 'ASC' } }),
  nameTaken: (db: DataSource, name: string) => db.getRepository(Funder).existsBy({ name }),
  insert: (db: DataSource, funder: { name: string; kind: FunderKind }) => db.getRepository(Funder).save(db.getRepository(Funder).create(funder)),
};
