import type { DataSource, EntityManager } from 'typeorm';
import { entityReader, readEntities } from '@pass/kit';
import { Programme } from './programme.entity';

export const programmeStore = {
  byIds: (db: DataSource, ids: string[]) => readEntities(db, Programme, 'id = any($1::uuid[])', [ids]),
  /**
   * The programmes each funder funds a share of, with that funder's id: one statement where the
   * shares then the programmes by id took two, one after the other.
   */
  async ofFunders(db: DataSource, funderIds: string[]): Promise<{ funderId: string; programme: Programme }[]> {
    const programme = entityReader(db, Programme);
    const rows: Record<string, unknown>[] = await db.query(
      `select s.funder_id as "funderId", ${programme.columns('p', 'programme.')}
         from funding_share s join programme p on p.id = s.programme_id
        where s.funder_id = any($1::uuid[])`,
      [funderIds],
    );
    return rows.map((row) => ({ funderId: row.funderId as string, programme: programme.hydrate(row, 'programme.') }));
  },
  all: (db: DataSource) => db.getRepository(Programme).find({ order: { name: 'ASC' } }),
  nameTaken: (tx: EntityManager, name: string) => tx.getRepository(Programme).existsBy({ name }),
  insert: (tx: EntityManager, programme: Omit<Programme, 'id'>) => tx.getRepository(Programme).save(tx.getRepository(Programme).create(programme)),
  /** The programme, locked until the transaction ends; null when no programme has this id. */
  lock: (tx: EntityManager, id: string) => tx.getRepository(Programme).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }),
};
