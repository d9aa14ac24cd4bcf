import { In, type DataSource } from 'typeorm';
import { Workshop } from './workshop.entity';

export const workshopStore = {
  byIds: (db: DataSource, ids: string[]) => db.getRepository(Workshop).findBy({ id: In(ids) }),
  ofVenues: (db: DataSource, venueIds: string[]) =>
    db.getRepository(Workshop).find({ where: { venueId: In(venueIds) }, order: { topic: 'ASC' } }),
};
