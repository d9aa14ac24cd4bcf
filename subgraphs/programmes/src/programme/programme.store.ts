import type { DataSource, EntityManager } from 'typeorm';
import { readEntities } from '@pass/kit';
import { Programme } from './programme.entity';

export const programmeStore = {
  byIds: (db: DataSource, ids: string[]) => readEntities(db, Programme, 'id = any($1::uuid[])', [ids]),
  all: (db: DataSource) => db.getRepository(Programme).find({ order: { name: 'ASC' } }),
  nameTaken: (tx: EntityManager, name: string) => tx.getRepository(Programme).existsBy({ name }),
  insert: (tx: EntityManager, programme: Omit<Programme, 'id'>) => tx.getRepository(Programme).save(tx.getRepository(Programme).create(programme)),
  /** The programme, locked until the transaction ends; null when no programme has this id. */
  lock: (tx: EntityManager, id: string) => tx.getRepository(Programme).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }),
};
