import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { BadInputError, publish, refusal, type Refusal } from '@pass/kit';
import { Topics, type VenueDescribed } from '@pass/contracts';
import { findCommune } from '@pass/contracts/territory';
import { postcodesOf } from './geography';
import { VenueRowReader, type RowError } from './venue-import';
import { parisToday, standardColumns, venueRecordOf, type VenueRecord } from './venue-standard';
import type { Venue } from './venue.entity';
import { RegisterVenueErrorCode } from './venue.inputs';
import { venueStore, type UpsertCounts } from './venue.store';

export interface VenueInput {
  siret?: string | null;
  name: string;
  address: string;
  postcode?: string | null;
  /** The commune's name as it should read on the venue; its official name when left out. */
  commune?: string | null;
  /** Derived from the postcode and commune name when left out. */
  inseeCode?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  openingHours?: string | null;
  /** Services in the venue standard's words (its nine fixed values). */
  services?: string[];
  /** Who declares the venue and its id there (the standard's `source` and `id`); the hub's own when left out. */
  source?: string | null;
  sourceId?: string | null;
}

export type RegisterVenueAnswer = { venue: Venue; error: null } | { venue: null; error: Refusal<RegisterVenueErrorCode> };

function codeOf(error: RowError): RegisterVenueErrorCode {
  switch (error.field) {
    case 'pivot':
      return RegisterVenueErrorCode.INVALID_SIRET;
    case 'nom':
      return RegisterVenueErrorCode.NAME_REQUIRED;
    case 'adresse':
      return RegisterVenueErrorCode.ADDRESS_REQUIRED;
    case 'code_postal':
      return /is not a postcode of/.test(error.message) ? RegisterVenueErrorCode.POSTCODE_MISMATCH : RegisterVenueErrorCode.INVALID_POSTCODE;
    case 'code_insee':
    case 'commune':
      return RegisterVenueErrorCode.UNKNOWN_INSEE_CODE;
    case 'latitude':
    case 'longitude':
      return RegisterVenueErrorCode.INVALID_COORDINATES;
    case 'horaires':
      return RegisterVenueErrorCode.INVALID_OPENING_HOURS;
    case 'services':
      return RegisterVenueErrorCode.UNKNOWN_SERVICE;
    default:
      return RegisterVenueErrorCode.INVALID_FIELD;
  }
}

const refuse = (code: RegisterVenueErrorCode, message: string): RegisterVenueAnswer => ({ venue: null, error: refusal(code, message) });

/**
 * Tells the other subgraphs the name and commune of venues just written, in the writing
 * transaction: the vouchers subgraph shows them under a redemption or a programme's venue
 * activity without asking this subgraph (its `@provides`), so every venue write goes through here.
 */
function describeVenues(tx: EntityManager, described: VenueDescribed[]): Promise<void> {
  return publish(tx, described.map((payload) => ({ topic: Topics.venueDescribed, payload })));
}

/** An import's batch of venues upserted, and what changed in them published. */
export async function upsertVenues(tx: EntityManager, records: VenueRecord[]): Promise<UpsertCounts> {
  const { described, ...counts } = await venueStore.upsert(tx, records);
  await describeVenues(tx, described);
  return counts;
}

/**
 * Registers one venue with exactly the checks of an imported row (it goes through the same
 * reader), so that every venue the hub holds exports as a valid row of the standard.
 */
export async function registerVenueChecked(db: DataSource, input: VenueInput): Promise<RegisterVenueAnswer> {
  const inseeCode = input.inseeCode?.trim() || undefined;
  let postcode = input.postcode?.trim() || undefined;
  if (postcode === undefined) {
    const known = inseeCode ? postcodesOf(inseeCode) : [];
    if (known.length !== 1) {
      return refuse(
        RegisterVenueErrorCode.INVALID_POSTCODE,
        known.length > 1 ? `a postcode is required: ${findCommune(inseeCode ?? '')?.name ?? inseeCode} has several (${known.join(', ')})` : 'a postcode is required',
      );
    }
    postcode = known[0];
  }
  const cells: Record<string, string> = {
    id: input.sourceId?.trim() || randomUUID(),
    pivot: input.siret?.trim() || '00000000000000',
    nom: input.name,
    commune: input.commune?.trim() || (inseeCode ? (findCommune(inseeCode)?.name ?? '') : ''),
    code_postal: postcode ?? '',
    code_insee: inseeCode ?? '',
    adresse: input.address,
    latitude: input.latitude == null ? '' : String(input.latitude),
    longitude: input.longitude == null ? '' : String(input.longitude),
    horaires: input.openingHours ?? '',
    source: input.source?.trim() ?? '',
    date_maj: parisToday(),
    services: (input.services ?? []).join('|'),
  };
  const columns = standardColumns();
  const reader = new VenueRowReader();
  reader.readHeader(columns);
  const reading = reader.readRow(columns.map((name) => cells[name] ?? ''), 2);
  if (!reading?.venue) {
    const first = reading?.errors[0];
    if (!first) return refuse(RegisterVenueErrorCode.NAME_REQUIRED, 'a venue needs a name');
    return refuse(codeOf(first), reading.errors.map((e) => e.message).join('; '));
  }
  const record = venueRecordOf(reading.venue);
  const id = await db.transaction(async (tx) => {
    const inserted = await venueStore.insertNew(tx, record);
    if (inserted !== undefined) await describeVenues(tx, [{ venueId: inserted, name: record.name, inseeCode: record.insee_code }]);
    return inserted;
  });
  if (id === undefined) {
    return refuse(RegisterVenueErrorCode.VENUE_ALREADY_REGISTERED, `a venue with id ${JSON.stringify(record.source_id)} from source ${JSON.stringify(record.source)} is already registered`);
  }
  const venue = await venueStore.byId(db, id);
  if (!venue) throw new Error(`venue ${id} vanished after its registration`);
  return { venue, error: null };
}

/** For the demo loader and tests: registers a venue or throws its refusal as a bad input. */
export async function registerVenue(db: DataSource, input: VenueInput): Promise<Venue> {
  const result = await registerVenueChecked(db, input);
  if (result.error) throw new BadInputError(result.error.message, result.error.code);
  return result.venue;
}

