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
      `select p.id as owner, counted.total, q.id, q."pageKey"
         from unnest($1::uuid[]) as p(id)
         cross join lateral (select count(*)::int as total from qualification where programme_id = p.id) counted
         left join lateral (
           select venue_id as id, array[venue_id::text] as "pageKey", row_number() over (order by venue_id) as rank
             from qualification
            where programme_id = p.id and ($3::uuid is null or venue_id > $3::uuid)
            order by venue_id limit $2) q on true
        order by p.id, q.rank`,
      [programmeIds, page.first + 1, after?.[0] ?? null],
      (ids) => db.getRepository(Venue).findBy({ id: In(ids) }),
    );
  },
};
