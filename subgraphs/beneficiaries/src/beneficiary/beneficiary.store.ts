import { In, type DataSource } from 'typeorm';
import { keysetPages, readSortKey, sortKeyTime, type PageRequest } from '@pass/kit';
import { Beneficiary } from './beneficiary.entity';

export const beneficiaryStore = {
  byIds: (db: DataSource, ids: string[]) => db.getRepository(Beneficiary).findBy({ id: In(ids) }),
  /**
   * One page of each distributor's beneficiaries, by registration time then id, for all
   * distributors at once, after the sort key (registered at, id) of the previous page's last row.
   */
  pagesOfDistributors: (db: DataSource, distributorIds: string[], page: PageRequest) => {
    const after = readSortKey(page, ['timestamp', 'uuid']);
    return keysetPages(
      db,
      `select d.id as owner, counted.total, b.id, b."pageKey"
         from unnest($1::uuid[]) as d(id)
         cross join lateral (select count(*)::int as total from beneficiary where distributor_id = d.id) counted
         left join lateral (
           select id, array[${sortKeyTime('registered_at')}, id::text] as "pageKey", row_number() over (order by registered_at, id) as rank
             from beneficiary
            where distributor_id = d.id and ($3::timestamptz is null or (registered_at, id) > ($3::timestamptz, $4::uuid))
            order by registered_at, id limit $2) b on true
        order by d.id, b.rank`,
      [distributorIds, page.first + 1, after?.[0] ?? null, after?.[1] ?? null],
      (ids) => db.getRepository(Beneficiary).findBy({ id: In(ids) }),
    );
  },
};
