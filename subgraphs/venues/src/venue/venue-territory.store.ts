import type { DataSource } from 'typeorm';
import type { TerritoryEntry } from '@pass/kit';
import { Venue } from './venue.entity';

const COLUMN_OF_LEVEL = { commune: 'insee_code', departement: 'departement_code', region: 'region_code', epci: 'epci_code' } as const;

export const venueTerritoryStore = {
  /** Venues whose commune lies in the territory and that are not qualified for the programme. */
  async inTerritoryNotQualified(db: DataSource, programmeId: string, territory: TerritoryEntry[], first: number): Promise<Venue[]> {
    if (territory.length === 0) return [];
    const query = db
      .getRepository(Venue)
      .createQueryBuilder('v')
      .where('not exists (select 1 from qualification q where q.venue_id = v.id and q.programme_id = :programmeId)', { programmeId })
      .orderBy('v.name', 'ASC')
      .limit(first);
    const conditions = Object.entries(COLUMN_OF_LEVEL)
      .map(([level, column]) => {
        const codes = territory.filter((entry) => entry.level === level).map((entry) => entry.code);
        return codes.length === 0 ? undefined : { sql: `v.${column} = any(:${level}Codes)`, params: { [`${level}Codes`]: codes } };
      })
      .filter((c) => c !== undefined);
    query.andWhere(`(${conditions.map((c) => c.sql).join(' or ')})`, Object.assign({}, ...conditions.map((c) => c.params)));
    return query.getMany();
  },
};
