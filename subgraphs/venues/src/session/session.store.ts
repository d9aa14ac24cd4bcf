import { In, type DataSource, type EntityManager } from 'typeorm';
import { WorkshopSession } from './session.entity';

export const sessionStore = {
  byIds: (db: DataSource, ids: string[]) => db.getRepository(WorkshopSession).findBy({ id: In(ids) }),
  ofVenues: (db: DataSource, venueIds: string[]) =>
    db.getRepository(WorkshopSession).find({ where: { venueId: In(venueIds) }, order: { startsAt: 'ASC' } }),
  /** Sessions of each venue starting on a Paris calendar day (YYYY-MM-DD), earliest first. */
  ofVenuesOn: (db: DataSource, venueIds: string[], day: string) =>
    db
      .getRepository(WorkshopSession)
      .createQueryBuilder('s')
      .where('s.venue_id = any(:venueIds)', { venueIds })
      .andWhere(`s.starts_at >= (:day::date)::timestamp at time zone 'Europe/Paris'`, { day })
      .andWhere(`s.starts_at < (:day::date + 1)::timestamp at time zone 'Europe/Paris'`)
      .orderBy('s.starts_at', 'ASC')
      .getMany(),
  ofWorkshops: (db: DataSource, workshopIds: string[]) =>
    db.getRepository(WorkshopSession).find({ where: { workshopId: In(workshopIds) }, order: { startsAt: 'ASC' } }),
  create: (tx: EntityManager, session: Omit<WorkshopSession, 'id'>) => tx.getRepository(WorkshopSession).save(tx.getRepository(WorkshopSession).create(session)),
};
