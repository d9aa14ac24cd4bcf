import { In, type DataSource, type EntityManager } from 'typeorm';
import { keysetPages, readSortKey, type PageRequest } from '@pass/kit';
import { Venue } from '../venue/venue.entity';
import { Qualification } from './qualification.entity';

export const qualificationStore = {
  ofProgrammes: (db: DataSource, programmeIds: string[]) => db.getRepository(Qualification).findBy({ programmeId: In(programmeIds) }),
  ofVenues: (db: DataSource, venueIds: string[]) => db.getRepository(Qualification).findBy({ venueId: In(venueIds) }),
  qualify: (tx: EntityManager, venueId: string, programmeId: string) =>
    tx.getRepository(Qualification).upsert({ venueId, programmeId, qualifiedAt: new Date() }, ['venueId', 'programmeId']),
  withdraw: (tx: EntityManager, venueId: string, programmeId: string) => tx.getRepository(Qualification).delete({ venueId, programmeId }),
  /**
   * One page of the venues qualified for each programme, by venue id, for all programmes at once;
   * each walks the (programme_id, venue_id) index.
   */
  qualifiedPagesOfProgrammes: (db: DataSource, programmeIds: string[], page: PageRequest) => {
    const after = readSortKey(page, ['uuid']);
    return keysetPages(
      db,
      Venue,
      (columns) =>
        `select p.id as "__owner", counted.total as "__total", q.*
           from unnest($1::uuid[]) as p(id)
           cross join lateral (select count(*)::int as total from qualification where programme_id = p.id) counted
           left join lateral (
             select ${columns('v')}, array[qn.venue_id::text] as "pageKey", row_number() over (order by qn.venue_id) as "__rank"
               from qualification qn join venue v on v.id = qn.venue_id
              where qn.programme_id = p.id and ($3::uuid is null or qn.venue_id > $3::uuid)
              order by qn.venue_id limit $2) q on true
          order by p.id, q."__rank"`,
      [programmeIds, page.first + 1, after?.[0] ?? null],
    );
  },
};
