import type { MigrationInterface, QueryRunner } from 'typeorm';
import { findCommune } from '@pass/contracts/territory';

/**
 * Venues from the national open-data standard: the producer's key (`source`, `id`) becomes the
 * venue's natural key so that a re-import updates instead of duplicating; a SIRET stops being
 * unique (the standard's `pivot` may be a town hall's, shared by its library and its EPN); the
 * columns the hub does not query are kept as the standard wrote them in `details`, so an export
 * gives back what was imported; the département, région and EPCI are derived from the INSEE
 * code so that a territory selects venues with an index.
 */
export class VenueStandard1764500000001 implements MigrationInterface {
  name = 'VenueStandard1764500000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table venue drop constraint if exists venue_siret_key;
      alter table venue
        add column source text not null default '',
        add column source_id text,
        add column pivot text,
        add column updated_on date,
        add column details jsonb not null default '{}',
        add column departement_code text,
        add column region_code text,
        add column epci_code text;
      update venue set source_id = id::text where source_id is null;
      alter table venue alter column source_id set not null;
      create unique index venue_source_key on venue (source, source_id);
      create index venue_siret on venue (siret);
      create index venue_departement on venue (departement_code);
      create index venue_region on venue (region_code);
      create index venue_epci on venue (epci_code);
    `);
    const venues: { id: string; insee_code: string }[] = await db.query('select id, insee_code from venue');
    for (const venue of venues) {
      const commune = findCommune(venue.insee_code);
      if (!commune) continue;
      await db.query('update venue set departement_code = $2, region_code = $3, epci_code = $4 where id = $1', [venue.id, commune.departement, commune.region, commune.epci ?? null]);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      drop index venue_source_key; drop index venue_siret; drop index venue_departement; drop index venue_region; drop index venue_epci;
      alter table venue drop column source, drop column source_id, drop column pivot, drop column updated_on, drop column details,
        drop column departement_code, drop column region_code, drop column epci_code;
    `);
  }
}
