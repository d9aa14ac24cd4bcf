import { In, type DataSource } from 'typeorm';
import { WorkshopSession } from './session.entity';

export const sessionStore = {
  byIds: (db: DataSource, ids: string[]) => db.getRepository(WorkshopSession).findBy({ id: In(ids) }),
  ofVenues: (db: DataSource, venueIds: string[]) =>
    db.getRepository(WorkshopSession).find({ where: { venueId: In(venueIds) }, order: { startsAt: 'ASC' } }),
  ofWorkshops: (db: DataSource, workshopIds: string[]) =>
    db.getRepository(WorkshopSession).find({ where: { workshopId: In(workshopIds) }, order: { startsAt: 'ASC' } }),
};
