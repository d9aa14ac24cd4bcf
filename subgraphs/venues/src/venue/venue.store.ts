import { In, type DataSource } from 'typeorm';
import { emptyPage, keysetPages, readSortKey, type Keyed, type PageRequest, type PageRows } from '@pass/kit';
import { Qualification, Venue } from './venue.entity';

export const venueStore = {
  byIds: (db: DataSource, ids: string[]) => db.getRepository(Venue).findBy({ id: In(ids) }),
  qualificationsOfVenues: (db: DataSource, venueIds: string[]) =>
    db.getRepository(Qualification).findBy({ venueId: In(venueIds) }),
  /** One page of every venue, by name then id, after the sort key (name, id) of the previous page's last row. */
  page: async (db: DataSource, page: PageRequest): Promise<PageRows<Keyed<Venue>>> => {
    const after = readSortKey(page, ['text', 'uuid']);
    const pages = await keysetPages(
      db,
      `select '' as owner, counted.total, v.id, v."pageKey"
         from (select count(*)::int as total from venue) counted
         left join lateral (
           select id, array[name, id::text] as "pageKey", row_number() over (order by name, id) as rank
             from venue
            where $2::text is null or (name, id) > ($2::text, $3::uuid)
            order by name, id limit $1) v on true
        order by v.rank`,
      [page.first + 1, after?.[0] ?? null, after?.[1] ?? null],
      (ids) => db.getRepository(Venue).findBy({ id: In(ids) }),
    );
    return pages.get('') ?? emptyPage();
  },
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
