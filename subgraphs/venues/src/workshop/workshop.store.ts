import { In, type DataSource, type EntityManager } from 'typeorm';
import { Workshop } from './workshop.entity';

export const workshopStore = {
  byIds: (db: DataSource, ids: string[]) => db.getRepository(Workshop).findBy({ id: In(ids) }),
  byId: (db: DataSource | EntityManager, id: string) => db.getRepository(Workshop).findOneBy({ id }),
  ofVenues: (db: DataSource, venueIds: string[]) =>
    db.getRepository(Workshop).find({ where: { venueId: In(venueIds) }, order: { topic: 'ASC' } }),
  create: (db: DataSource, workshop: Omit<Workshop, 'id'>) => db.getRepository(Workshop).save(db.getRepository(Workshop).create(workshop)),
};
