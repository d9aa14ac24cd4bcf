import type { DataSource } from 'typeorm';
import type DataLoader from 'dataloader';
import type { WorkshopSession } from './session/session.entity';
import { groupedLoader, keyedLoader, pageLoaders, type SubgraphContext } from '@pass/kit';
import { qualificationStore } from './qualification/qualification.store';
import { sessionStore } from './session/session.store';
import { venueStore } from './venue/venue.store';
import { workshopStore } from './workshop/workshop.store';

export function createLoaders(db: DataSource) {
  // One loader per day asked for, so every venue of a request asking the same day shares one query.
  const sessionsOnDay = new Map<string, DataLoader<string, WorkshopSession[]>>();
  return {
    sessionsOfVenueOn: (day: string) => {
      let loader = sessionsOnDay.get(day);
      if (!loader) {
        loader = groupedLoader((ids) => sessionStore.ofVenuesOn(db, ids, day), (s) => s.venueId);
        sessionsOnDay.set(day, loader);
      }
      return loader;
    },
    venue: keyedLoader('Venue', (ids) => venueStore.byIds(db, ids), (v) => v.id),
    workshop: keyedLoader('Workshop', (ids) => workshopStore.byIds(db, ids), (w) => w.id),
    session: keyedLoader('WorkshopSession', (ids) => sessionStore.byIds(db, ids), (s) => s.id),
    workshopsOfVenue: groupedLoader((ids) => workshopStore.ofVenues(db, ids), (w) => w.venueId),
    sessionPagesOfVenue: pageLoaders((ids, page) => sessionStore.pagesOfVenues(db, ids, page)),
    sessionPagesOfWorkshop: pageLoaders((ids, page) => sessionStore.pagesOfWorkshops(db, ids, page)),
    qualifiedVenuePagesOfProgramme: pageLoaders((ids, page) => qualificationStore.qualifiedPagesOfProgrammes(db, ids, page)),
    qualificationsOfVenue: groupedLoader((ids) => qualificationStore.ofVenues(db, ids), (q) => q.venueId),
  };
}

export type Context = SubgraphContext<ReturnType<typeof createLoaders>>;
