import type { DataSource, EntityManager } from 'typeorm';
import { readEntities, timeOrderedPages, type PageRequest } from '@pass/kit';
import { WorkshopSession } from './session.entity';

const byIds = (db: DataSource, ids: string[]) => readEntities(db, WorkshopSession, 'id = any($1::uuid[])', [ids]);

// The reads a venue's page makes on every request are plain SQL (kit's readEntities); writes keep
// the repository.
export const sessionStore = {
  byIds,
  /** Sessions of each venue starting on a Paris calendar day (YYYY-MM-DD), earliest first. */
  ofVenuesOn: (db: DataSource, venueIds: string[], day: string) =>
    readEntities(
      db,
      WorkshopSession,
      `venue_id = any($1::uuid[]) and starts_at >= ($2::date)::timestamp at time zone 'Europe/Paris' and starts_at < ($2::date + 1)::timestamp at time zone 'Europe/Paris'`,
      [venueIds, day],
      'starts_at asc',
    ),
  create: (tx: EntityManager, session: Omit<WorkshopSession, 'id'>) => tx.getRepository(WorkshopSession).save(tx.getRepository(WorkshopSession).create(session)),
  /** One page of each venue's sessions, by start time then id, for all venues at once. */
  pagesOfVenues: (db: DataSource, venueIds: string[], page: PageRequest) => sessionPages(db, 'venue_id', venueIds, page),
  /** One page of each workshop's sessions, by start time then id, for all workshops at once. */
  pagesOfWorkshops: (db: DataSource, workshopIds: string[], page: PageRequest) => sessionPages(db, 'workshop_id', workshopIds, page),
};

/**
 * Sessions of each parent (a venue or a workshop, by `parent` column) after the sort key (starts
 * at, id) of the previous page's last row; each walks the (parent, starts_at, id) index.
 */
function sessionPages(db: DataSource, parent: 'venue_id' | 'workshop_id', parentIds: string[], page: PageRequest) {
  return timeOrderedPages(db, { table: 'workshop_session', ownerColumn: parent, timeColumn: 'starts_at' }, WorkshopSession, parentIds, page);
}
