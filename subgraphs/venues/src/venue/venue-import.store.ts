import type { EntityManager } from 'typeorm';
import type { VenueRecord } from './venue-standard';

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
  returning (xmax = 0) as inserted`;

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

export const venueImportStore = {
  async upsert(tx: EntityManager, records: VenueRecord[]): Promise<UpsertCounts> {
    if (records.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
    const written: { inserted: boolean }[] = await tx.query(UPSERT, [JSON.stringify(records)]);
    const inserted = written.filter((w) => w.inserted).length;
    return { inserted, updated: written.length - inserted, unchanged: records.length - written.length };
  },
  /** The new venue's id, or undefined when its (`source`, `id`) is already taken. */
  async insertNew(tx: EntityManager, record: VenueRecord): Promise<string | undefined> {
    const rows: { id: string }[] = await tx.query(INSERT_NEW, [JSON.stringify([record])]);
    return rows[0]?.id;
  },
};
