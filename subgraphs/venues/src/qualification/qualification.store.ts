import { In, type DataSource, type EntityManager } from 'typeorm';
import { Qualification } from './qualification.entity';

export const qualificationStore = {
  ofProgrammes: (db: DataSource, programmeIds: string[]) => db.getRepository(Qualification).findBy({ programmeId: In(programmeIds) }),
  ofVenues: (db: DataSource, venueIds: string[]) => db.getRepository(Qualification).findBy({ venueId: In(venueIds) }),
  qualify: (tx: EntityManager, venueId: string, programmeId: string) =>
    tx.getRepository(Qualification).upsert({ venueId, programmeId, qualifiedAt: new Date() }, ['venueId', 'programmeId']),
  withdraw: (tx: EntityManager, venueId: string, programmeId: string) => tx.getRepository(Qualification).delete({ venueId, programmeId }),
};
