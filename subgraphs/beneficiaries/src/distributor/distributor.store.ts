import { type DataSource, type EntityManager } from 'typeorm';
import { emptyPage, keysetPages, readSortKey, type Keyed, type PageRequest, type PageRows } from '@pass/kit';
import { Distributor, type DistributorKind } from './distributor.entity';

export const distributorStore = {
  /** Read raw and assigned to plain `Distributor`s: TypeORM's query building and hydration cost more than the statement. */
  byIds: async (db: DataSource, ids: string[]): Promise<Distributor[]> => {
    const rows: Distributor[] = await db.query(`select id, name, kind, insee_code as "inseeCode" from distributor where id = any($1::uuid[])`, [ids]);
    return rows.map((row) => Object.assign(new Distributor(), row));
  },
  nameTaken: (db: DataSource, name: string) => db.getRepository(Distributor).existsBy({ name }),
  insert: (tx: EntityManager, distributor: { name: string; kind: DistributorKind; inseeCode: string }) =>
    tx.getRepository(Distributor).save(tx.getRepository(Distributor).create(distributor)),
  /**
   * One page of the distributors, by name then id; `only` keeps one distributor (a distributor sees
   * itself only, on every page); each page starts after the sort key (name, id) of the previous one's last row.
   */
  page: async (db: DataSource, page: PageRequest, only: string | null): Promise<PageRows<Keyed<Distributor>>> => {
    const after = readSortKey(page, ['text', 'uuid']);
    const pages = await keysetPages(
      db,
      Distributor,
      (columns) =>
        `select '' as "__owner", counted.total as "__total", d.*
           from (select count(*)::int as total from distributor where $4::uuid is null or id = $4::uuid) counted
           left join lateral (
             select ${columns()}, array[name, id::text] as "pageKey", row_number() over (order by name, id) as "__rank"
               from distributor
              where ($4::uuid is null or id = $4::uuid) and ($2::text is null or (name, id) > ($2::text, $3::uuid))
              order by name, id limit $1) d on true
          order by d."__rank"`,
      [page.first + 1, after?.[0] ?? null, after?.[1] ?? null, only],
    );
    return pages.get('') ?? emptyPage();
  },
};
