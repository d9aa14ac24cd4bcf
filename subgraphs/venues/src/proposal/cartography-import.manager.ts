import type { DataSource } from 'typeorm';
import { refusal, type Refusal } from '@pass/kit';
import { VenueRowReader, type RowError } from '../venue/venue-import';
import { standardColumns, venueRecordOf, type VenueRecord } from '../venue/venue-standard';
import { upsertVenues } from '../venue/venue.manager';
import { ImportCartography2021ErrorCode } from './proposal.inputs';
import { proposalStore } from './proposal.store';

/**
 * The older national cartography export (2021): a JSON array of places with their own field
 * names, no INSEE code (derived from postcode and commune name, as for the standard) and, among
 * the `;`-separated access conditions, "Accepte le Pass numérique : …". Its places import as
 * venues with the standard's checks; those that declared the Pass become qualification
 * proposals for coordinators — never qualifications. Its service and public labels predate the
 * standard's fixed lists and are not carried over.
 */

/** The access condition that makes a proposal. */
const ACCEPTS_PASS = /^Accepte le Pass num[ée]rique\b/i;

export interface CartographyImportReport {
  rowsRead: number;
  imported: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** New proposals; a place proposed before is not proposed again. */
  proposed: number;
  /** Rows are numbered by their position in the array, from 1. */
  errors: RowError[];
}

/** The report, and the refusal of the whole file when it is not a JSON array (nothing written). */
export interface CartographyImportAnswer {
  report: CartographyImportReport;
  error: Refusal<ImportCartography2021ErrorCode> | null;
}

type Place = Record<string, unknown>;

const text = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

/** The place as a row of the standard. */
function standardCells(place: Place): Record<string, string> {
  return {
    id: text(place['id']),
    pivot: text(place['pivot']),
    nom: text(place['nom']),
    commune: text(place['commune']),
    code_postal: text(place['code_postal']),
    adresse: text(place['adresse']),
    latitude: text(place['latitude']),
    longitude: text(place['longitude']),
    telephone: text(place['telephone']),
    courriels: text(place['courriel']),
    site_web: text(place['site_web']),
    horaires: text(place['horaires']),
    source: text(place['source']),
    date_maj: text(place['date_maj']),
  };
}

/** The "Accepte le Pass numérique : …" condition of a place, if it declared one. */
export function passDeclaration(place: Place): string | undefined {
  return text(place['conditions_acces'])
    .split(';')
    .map((condition) => condition.trim())
    .find((condition) => ACCEPTS_PASS.test(condition));
}

export async function importCartography2021(db: DataSource, json: string): Promise<CartographyImportAnswer> {
  const report: CartographyImportReport = { rowsRead: 0, imported: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, proposed: 0, errors: [] };
  let places: unknown;
  try {
    places = JSON.parse(json);
  } catch (error) {
    return { report, error: refusal(ImportCartography2021ErrorCode.JSON_UNREADABLE, `not JSON: ${(error as Error).message}; nothing was imported`) };
  }
  if (!Array.isArray(places)) {
    return { report, error: refusal(ImportCartography2021ErrorCode.JSON_NOT_AN_ARRAY, 'expected a JSON array of places, as the 2021 cartography export writes it; nothing was imported') };
  }
  const columns = standardColumns();
  const reader = new VenueRowReader();
  reader.readHeader(columns);
  const records: VenueRecord[] = [];
  const declarations: { source: string; source_id: string; reason: string }[] = [];
  for (const [index, place] of places.entries()) {
    report.rowsRead++;
    if (typeof place !== 'object' || place === null || Array.isArray(place)) {
      report.rejected++;
      report.errors.push({ row: index + 1, message: 'expected an object' });
      continue;
    }
    const cells = standardCells(place as Place);
    const reading = reader.readRow(columns.map((name) => cells[name] ?? ''), index + 1);
    if (!reading) continue;
    if (!reading.venue) {
      report.rejected++;
      report.errors.push(...reading.errors);
      continue;
    }
    const record = venueRecordOf(reading.venue);
    records.push(record);
    const reason = passDeclaration(place as Place);
    if (reason !== undefined) declarations.push({ source: record.source, source_id: record.source_id, reason });
  }
  await db.transaction(async (tx) => {
    for (let start = 0; start < records.length; start += 500) {
      const counts = await upsertVenues(tx, records.slice(start, start + 500));
      report.inserted += counts.inserted;
      report.updated += counts.updated;
      report.unchanged += counts.unchanged;
    }
    report.proposed = await proposalStore.proposeDeclared(tx, declarations);
  });
  report.imported = records.length;
  return { report, error: null };
}
