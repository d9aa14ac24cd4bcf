import type { DataSource, EntityManager } from 'typeorm';
import { readEntities } from '@pass/kit';
import { Workshop } from './workshop.entity';

// The reads a venue's page makes on every request are plain SQL (kit's readEntities); writes and
// one-off reads keep the repository.
export const workshopStore = {
  byIds: (db: DataSource, ids: string[]) => readEntities(db, Workshop, 'id = any($1::uuid[])', [ids]),
  byId: (db: DataSource | EntityManager, id: string) => db.getRepository(Workshop).findOneBy({ id }),
  ofVenues: (db: DataSource, venueIds: string[]) => readEntities(db, Workshop, 'venue_id = any($1::uuid[])', [venueIds], 'topic asc'),
  create: (db: DataSource, workshop: Omit<Workshop, 'id'>) => db.getRepository(Workshop).save(db.getRepository(Workshop).create(workshop)),
};
