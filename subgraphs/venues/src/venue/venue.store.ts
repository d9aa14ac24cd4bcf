import { type DataSource, type EntityManager } from 'typeorm';
import { emptyPage, keysetPages, readSortKey, type Keyed, type PageRequest, type PageRows } from '@pass/kit';
import type { TerritoryEntry } from '@pass/contracts/territory';
import type { VenueDescribed } from '@pass/contracts';
import type { VenueRecord } from './venue-standard';
import { Venue } from './venue.entity';

const COLUMNS = [
  ['siret', 'text'],
  ['name', 'text'],
  ['address', 'text'],
  ['postcode', 'text'],
  ['commune', 'text'],
  ['insee_code', 'text'],
  ['latitude', 'double precision'],
  ['longitude', 'double precision'],
  ['opening_hours', 'text'],
  ['services', 'text[]'],
  ['source', 'text'],
  ['source_id', 'text'],
  ['pivot', 'text'],
  ['updated_on', 'date'],
  ['details', 'jsonb'],
  ['departement_code', 'text'],
  ['region_code', 'text'],
  ['epci_code', 'text'],
] as const;

const KEY = new Set(['source', 'source_id']);
const UPDATED = COLUMNS.map(([name]) => name).filter((name) => !KEY.has(name));

/**
 * One statement per batch: the rows travel as one JSON parameter (no limit on bind parameters),
 * are upserted by the producer's key, and a row whose every value is already stored is not
 * written at all — so a second import of the same file changes nothing, not even a row version.
 */
const UPSERT = `
  insert into venue (${COLUMNS.map(([name]) => name).join(', ')})
  select ${COLUMNS.map(([name]) => name).join(', ')}
  from jsonb_to_recordset($1::jsonb) as r(${COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ')})
  on conflict (source, source_id) do update set ${UPDATED.map((name) => `${name} = excluded.${name}`).join(', ')}
  where (${UPDATED.map((name) => `venue.${name}`).join(', ')}) is distinct from (${UPDATED.map((name) => `excluded.${name}`).join(', ')})
  returning (xmax = 0) as inserted, id, name, insee_code`;

const INSERT_NEW = `
  insert into venue (${COLUMNS.map(([name]) => name).join(', ')})
  select ${COLUMNS.map(([name]) => name).join(', ')}
  from jsonb_to_recordset($1::jsonb) as r(${COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ')})
  on conflict (source, source_id) do nothing
  returning id`;

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** What other subgraphs are told of each venue a write inserted or changed. */
export interface WrittenVenues extends UpsertCounts {
  described: VenueDescribed[];
}

const COLUMN_OF_LEVEL = { commune: 'insee_code', departement: 'departement_code', region: 'region_code', epci: 'epci_code' } as const;

/** SQL matching the venues (as `alias`) whose commune lies in a territory; undefined for an empty one. */
export function territoryWhere(alias: string, territory: TerritoryEntry[]): { sql: string; params: Record<string, string[]> } | undefined {
  const conditions = Object.entries(COLUMN_OF_LEVEL).flatMap(([level, column]) => {
    const codes = territory.filter((entry) => entry.level === level).map((entry) => entry.code);
    return codes.length === 0 ? [] : [{ sql: `${alias}.${column} = any(:${level}Codes)`, params: { [`${level}Codes`]: codes } }];
  });
  if (conditions.length === 0) return undefined;
  return { sql: `(${conditions.map((c) => c.sql).join(' or ')})`, params: Object.assign({}, ...conditions.map((c) => c.params)) };
}

export const venueStore = {
  /**
   * The venues with these ids, read raw and assigned to plain `Venue`s: TypeORM's query building
   * and hydration cost more CPU than the statement when a page of books names its redemptions'
   * venues. The day is read as text, as the repository hands it (`YYYY-MM-DD`).
   */
  byIds: async (db: DataSource, ids: string[]): Promise<Venue[]> => {
    const rows: Venue[] = await db.query(
      `select id, siret, name, address, postcode, commune, insee_code as "inseeCode", latitude, longitude, opening_hours as "openingHours",
              services, source, source_id as "sourceId", pivot, updated_on::text as "updatedOn", details, departement_code as "departementCode",
              region_code as "regionCode", epci_code as "epciCode"
         from venue where id = any($1::uuid[])`,
      [ids],
    );
    return rows.map((row) => Object.assign(new Venue(), row));
  },
  byId: (db: DataSource | EntityManager, id: string) => db.getRepository(Venue).findOneBy({ id }),
  exists: (db: DataSource | EntityManager, id: string) => db.getRepository(Venue).existsBy({ id }),
  /** One page of every venue, by name then id, after the sort key (name, id) of the previous page's last row. */
  page: async (db: DataSource, page: PageRequest): Promise<PageRows<Keyed<Venue>>> => {
    const after = readSortKey(page, ['text', 'uuid']);
    const pages = await keysetPages(
      db,
      Venue,
      (columns) =>
        `select '' as "__owner", counted.total as "__total", v.*
           from (select count(*)::int as total from venue) counted
           left join lateral (
             select ${columns()}, array[name, id::text] as "pageKey", row_number() over (order by name, id) as "__rank"
               from venue
              where $2::text is null or (name, id) > ($2::text, $3::uuid)
              order by name, id limit $1) v on true
          order by v."__rank"`,
      [page.first + 1, after?.[0] ?? null, after?.[1] ?? null],
    );
    return pages.get('') ?? emptyPage();
  },
  /** How many venues (of one `source`, or all). */
  async count(db: DataSource, source: string | null): Promise<number> {
    const [row]: { n: number }[] = await db.query(
      source === null ? 'select count(*)::int as n from venue' : 'select count(*)::int as n from venue where source = $1',
      source === null ? [] : [source],
    );
    return row?.n ?? 0;
  },
  /** One page of venues in (`source`, `id`) order, after the given key: what an export walks through. */
  exportPage(db: DataSource, pageSize: number, source: string | undefined, after: [string, string] | undefined): Promise<Venue[]> {
    const query = db.getRepository(Venue).createQueryBuilder('v').orderBy('v.source', 'ASC').addOrderBy('v.sourceId', 'ASC').limit(pageSize);
    if (source !== undefined) query.andWhere('v.source = :source', { source });
    if (after) query.andWhere('(v.source, v.source_id) > (:afterSource, :afterId)', { afterSource: after[0], afterId: after[1] });
    return query.getMany();
  },
  async upsert(tx: EntityManager, records: VenueRecord[]): Promise<WrittenVenues> {
    if (records.length === 0) return { inserted: 0, updated: 0, unchanged: 0, described: [] };
    const written: { inserted: boolean; id: string; name: string; insee_code: string }[] = await tx.query(UPSERT, [JSON.stringify(records)]);
    const inserted = written.filter((w) => w.inserted).length;
    return {
      inserted,
      updated: written.length - inserted,
      unchanged: records.length - written.length,
      described: written.map((w) => ({ venueId: w.id, name: w.name, inseeCode: w.insee_code })),
    };
  },
  /** The new venue's id, or undefined when its (`source`, `id`) is already taken. */
  async insertNew(tx: EntityManager, record: VenueRecord): Promise<string | undefined> {
    const rows: { id: string }[] = await tx.query(INSERT_NEW, [JSON.stringify([record])]);
    return rows[0]?.id;
  },
  /** Venues whose commune lies in the territory and that are not qualified for the programme. */
  async inTerritoryNotQualified(db: DataSource, programmeId: string, territory: TerritoryEntry[], first: number): Promise<Venue[]> {
    const inTerritory = territoryWhere('v', territory);
    if (!inTerritory) return [];
    return db
      .getRepository(Venue)
      .createQueryBuilder('v')
      .where('not exists (select 1 from qualification q where q.venue_id = v.id and q.programme_id = :programmeId)', { programmeId })
      .andWhere(inTerritory.sql, inTerritory.params)
      .orderBy('v.name', 'ASC')
      .limit(first)
      .getMany();
  },
};
