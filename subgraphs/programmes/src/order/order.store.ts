import { In, type DataSource } from 'typeorm';
import { Order } from './order.entity';

export const orderStore = {
  byIds: (db: DataSource, ids: string[]) => db.getRepository(Order).findBy({ id: In(ids) }),
  ofProgrammes: (db: DataSource, programmeIds: string[]) =>
    db.getRepository(Order).find({ where: { programmeId: In(programmeIds) }, order: { placedAt: 'ASC' } }),
};
