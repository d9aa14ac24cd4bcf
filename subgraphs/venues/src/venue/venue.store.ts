import { In, type DataSource } from 'typeorm';
import { Qualification, Venue } from './venue.entity';

export const venueStore = {
  byIds: (db: DataSource, ids: string[]) => db.getRepository(Venue).findBy({ id: In(ids) }),
  all: (db: DataSource, first: number) => db.getRepository(Venue).find({ order: { name: 'ASC' }, take: first }),
  qualificationsOfProgrammes: (db: DataSource, programmeIds: string[]) =>
    db.getRepository(Qualification).findBy({ programmeId: In(programmeIds) }),
  qualificationsOfVenues: (db: DataSource, venueIds: string[]) =>
    db.getRepository(Qualification).findBy({ venueId: In(venueIds) }),
};
