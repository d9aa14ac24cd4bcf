import type { DataSource } from 'typeorm';
import type { TerritoryEntry } from '@pass/contracts/territory';
import { Venue } from './venue.entity';

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

export const venueTerritoryStore = {
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
