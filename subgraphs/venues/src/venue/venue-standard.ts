import { VENUE_STANDARD_CSV, csvLine as kitCsvLine, parisDayOf } from '@pass/contracts';
import { findCommune } from '@pass/contracts/territory';
import { UNKNOWN_PIVOT, defaultVenueSchema, type ImportedVenue } from './venue-import';
import { postcodesOf } from './geography';
import type { Venue, VenueDetails } from './venue.entity';

/**
 * The two directions between a venue row of the national standard and the hub's `venue` table.
 * They are each other's inverse on every value the importer accepts, which is what makes an
 * export re-import without a change.
 */

/** What the `venue` table stores for one imported row (snake_case: it feeds SQL directly). */
export interface VenueRecord {
  siret: string | null;
  name: string;
  address: string;
  postcode: string;
  commune: string;
  insee_code: string;
  latitude: number | null;
  longitude: number | null;
  opening_hours: string | null;
  services: string[];
  source: string;
  source_id: string;
  pivot: string | null;
  updated_on: string;
  details: VenueDetails;
  departement_code: string | null;
  region_code: string | null;
  epci_code: string | null;
}

/** Drops empty values so that a missing cell and an empty one store (and compare) the same. */
function compact(details: VenueDetails): VenueDetails {
  return Object.fromEntries(
    Object.entries(details).filter(([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)),
  ) as VenueDetails;
}

export function venueRecordOf(v: ImportedVenue): VenueRecord {
  // The importer derives an INSEE code when the file gives none, so a venue always has one.
  const inseeCode = v.inseeCode ?? '';
  const commune = findCommune(inseeCode);
  const pivot = v.pivot === UNKNOWN_PIVOT || v.pivot === '' ? null : v.pivot;
  return {
    siret: pivot !== null && /^\d{14}$/.test(pivot) ? pivot : null,
    name: v.name,
    address: v.address,
    postcode: v.postcode,
    commune: v.commune,
    insee_code: inseeCode,
    latitude: v.latitude ?? null,
    longitude: v.longitude ?? null,
    opening_hours: v.openingHours ?? null,
    services: v.services,
    source: v.dataSource ?? '',
    source_id: v.sourceId,
    pivot,
    updated_on: v.updatedOn,
    details: compact({
      addressComplement: v.addressComplement,
      typologies: v.typologies,
      phone: v.phone,
      emails: v.emails,
      websites: v.websites,
      summary: v.summary,
      description: v.description,
      mobility: v.mobility,
      parentOrganisation: v.parentOrganisation,
      publics: v.publics,
      specificSupport: v.specificSupport,
      fees: v.fees,
      nationalProgrammes: v.nationalProgrammes,
      labels: v.labels,
      otherLabels: v.otherLabels,
      accessModes: v.accessModes,
      supportModes: v.supportModes,
      accessibilityUrl: v.accessibilityUrl,
      bookingUrl: v.bookingUrl,
    }),
    departement_code: commune?.departement ?? null,
    region_code: commune?.region ?? null,
    epci_code: commune?.epci ?? null,
  };
}

const join = (values: string[] | undefined): string => (values ?? []).join('|');

/** Today in Paris, YYYY-MM-DD: the declaration date of a venue registered without one. */
export function parisToday(): string {
  return parisDayOf(new Date());
}

/** One row of the standard, by column name, for a stored venue. */
export function standardRowOf(venue: Venue): Record<string, string> {
  const d = venue.details ?? {};
  const number = (n: number | null): string => (n === null ? '' : String(n));
  return {
    id: venue.sourceId,
    pivot: venue.pivot ?? venue.siret ?? UNKNOWN_PIVOT,
    nom: venue.name,
    commune: venue.commune ?? findCommune(venue.inseeCode)?.name ?? '',
    // Venues registered before postcodes were required get their commune's first one.
    code_postal: venue.postcode ?? postcodesOf(venue.inseeCode)[0] ?? '',
    code_insee: venue.inseeCode,
    adresse: venue.address,
    complement_adresse: d.addressComplement ?? '',
    latitude: number(venue.latitude),
    longitude: number(venue.longitude),
    typologie: join(d.typologies),
    telephone: d.phone ?? '',
    courriels: join(d.emails),
    site_web: join(d.websites),
    horaires: venue.openingHours ?? '',
    presentation_resume: d.summary ?? '',
    presentation_detail: d.description ?? '',
    source: venue.source,
    itinerance: join(d.mobility),
    structure_parente: d.parentOrganisation ?? '',
    date_maj: venue.updatedOn ?? parisToday(),
    services: join(venue.services),
    publics_specifiquement_adresses: join(d.publics),
    prise_en_charge_specifique: join(d.specificSupport),
    frais_a_charge: join(d.fees),
    dispositif_programmes_nationaux: join(d.nationalProgrammes),
    formations_labels: join(d.labels),
    autres_formations_labels: d.otherLabels ?? '',
    modalites_acces: join(d.accessModes),
    modalites_accompagnement: join(d.supportModes),
    fiche_acces_libre: d.accessibilityUrl ?? '',
    prise_rdv: d.bookingUrl ?? '',
  };
}

/** Every cell quoted, as the standard's own example writes it; a quote inside is doubled. */
export function csvLine(cells: string[]): string {
  return kitCsvLine(cells, VENUE_STANDARD_CSV);
}

export function standardColumns(): string[] {
  return defaultVenueSchema().fields.map((f) => f.name);
}
