import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { refusalType, type Refusal } from '@pass/kit';
import { Venue } from './venue.entity';

/** Why `registerVenue` refuses, one code per column of the standard the hub checks. */
export enum RegisterVenueErrorCode {
  INVALID_SIRET = 'INVALID_SIRET',
  NAME_REQUIRED = 'NAME_REQUIRED',
  ADDRESS_REQUIRED = 'ADDRESS_REQUIRED',
  INVALID_POSTCODE = 'INVALID_POSTCODE',
  POSTCODE_MISMATCH = 'POSTCODE_MISMATCH',
  UNKNOWN_INSEE_CODE = 'UNKNOWN_INSEE_CODE',
  INVALID_COORDINATES = 'INVALID_COORDINATES',
  INVALID_OPENING_HOURS = 'INVALID_OPENING_HOURS',
  UNKNOWN_SERVICE = 'UNKNOWN_SERVICE',
  INVALID_FIELD = 'INVALID_FIELD',
  VENUE_ALREADY_REGISTERED = 'VENUE_ALREADY_REGISTERED',
}
registerEnumType(RegisterVenueErrorCode, {
  name: 'RegisterVenueErrorCode',
  description: 'Why `registerVenue` refuses a venue, one code per column of the venue standard the hub checks.',
  valuesConfig: {
    INVALID_SIRET: { description: 'The SIRET (or RNA) is malformed, or a SIRET\'s check digit is wrong.' },
    NAME_REQUIRED: { description: 'The name is empty or missing.' },
    ADDRESS_REQUIRED: { description: 'The street address is empty or missing.' },
    INVALID_POSTCODE: { description: 'The postcode is not five digits, or is missing while the commune has several.' },
    POSTCODE_MISMATCH: { description: 'The postcode is not one of the commune\'s postcodes.' },
    UNKNOWN_INSEE_CODE: { description: 'The INSEE code is not a current commune\'s, or none is given and the postcode and commune name do not determine one.' },
    INVALID_COORDINATES: { description: 'The latitude or longitude is out of range, or only one of them is given.' },
    INVALID_OPENING_HOURS: { description: 'The opening hours are not valid OpenStreetMap opening_hours syntax.' },
    UNKNOWN_SERVICE: { description: 'A service is not one of the nine of the venue standard.' },
    INVALID_FIELD: { description: 'Another field breaks the venue standard (e.g. its source or id); the message says which.' },
    VENUE_ALREADY_REGISTERED: { description: 'A venue with the same source and source id is already registered: nothing was written.' },
  },
});

@InputType({ description: 'A venue as the national venue standard describes it; the same checks as an imported row.' })
export class RegisterVenueInput {
  @Field({ description: 'The venue\'s name as the public sees it.' })
  name!: string;

  @Field({ description: 'Street address (the standard\'s `adresse`).' })
  address!: string;

  @Field(() => String, { nullable: true, description: 'Required unless the commune has a single postcode; must be one of the commune\'s.' })
  postcode?: string | null;

  @Field(() => String, { nullable: true, description: 'INSEE code of the commune; derived from the postcode and commune name when left out.' })
  inseeCode?: string | null;

  @Field(() => String, { nullable: true, description: 'The commune\'s name; its official name when left out.' })
  commune?: string | null;

  @Field(() => String, { nullable: true, description: 'SIRET (or RNA); several venues may share one, e.g. a town hall\'s.' })
  siret?: string | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84 latitude in degrees; given together with `longitude`.' })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84 longitude in degrees; given together with `latitude`.' })
  longitude?: number | null;

  @Field(() => String, { nullable: true, description: 'OpenStreetMap opening_hours syntax, e.g. "Mo-Fr 09:00-12:00,14:00-18:00".' })
  openingHours?: string | null;

  @Field(() => [String], { nullable: true, description: 'Among the nine services of the venue standard.' })
  services?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Who declares the venue (the standard\'s `source`).' })
  source?: string | null;

  @Field(() => String, { nullable: true, description: 'The declaring source\'s id for the venue (the standard\'s `id`); a new id when left out.' })
  sourceId?: string | null;
}

export const RegisterVenueError = refusalType(RegisterVenueErrorCode, 'RegisterVenueError', 'registerVenue');

@ObjectType({ description: 'The outcome of `registerVenue`: the venue registered, or why it was refused.' })
export class RegisterVenuePayload {
  @Field(() => Venue, { nullable: true, description: 'The venue registered; null when refused.' })
  venue!: Venue | null;

  @Field(() => RegisterVenueError, { nullable: true, description: 'Why the venue was refused (the message lists every problem of the venue); null when registered.' })
  error!: Refusal<RegisterVenueErrorCode> | null;
}

@ObjectType({ description: 'One problem of an imported file: its spreadsheet row (1 is the header), column and reason.' })
export class VenueImportError {
  @Field(() => Int, { description: 'The row: in a CSV its spreadsheet row (1 is the header, also for problems of the whole file); in a cartography array its position from 1 (0 for the whole file).' })
  row!: number;

  @Field(() => String, { nullable: true, description: 'The column of the venue standard at fault; null when not one column.' })
  column!: string | null;

  @Field({ description: 'What is wrong, in words for a person.' })
  message!: string;
}

@ObjectType({ description: 'What an import did: good rows are upserted by (`source`, `id`), bad ones reported.' })
export class VenueImportReport {
  @Field(() => Int, { description: 'Venue rows read (header and blank lines not counted).' })
  rowsRead!: number;

  @Field(() => Int, { description: 'Rows that passed the checks and were written (inserted, updated or unchanged).' })
  imported!: number;

  @Field(() => Int, { description: 'Venues new to the hub.' })
  inserted!: number;

  @Field(() => Int, { description: 'Venues the hub held, changed by the import.' })
  updated!: number;

  @Field(() => Int, { description: 'Rows identical to what the hub holds: a second import of a file changes nothing.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Rows refused, each with its reasons in `errors`.' })
  rejected!: number;

  @Field(() => [VenueImportError], { description: 'The problems found, the first 1,000.' })
  errors!: VenueImportError[];

  @Field(() => Int, { description: 'Errors beyond the first 1,000, not listed.' })
  errorsOmitted!: number;
}

/**
 * A file the venue standard refuses as a whole: the import's refusal, in the payload. The file
 * itself is a well-formed argument (a string); whether its header and structure are a venue
 * file is the standard's rule, as each row's checks are.
 */
export enum ImportVenuesErrorCode {
  EMPTY_FILE = 'EMPTY_FILE',
  NOT_COMMA_SEPARATED = 'NOT_COMMA_SEPARATED',
  COLUMN_REPEATED = 'COLUMN_REPEATED',
  REQUIRED_COLUMN_MISSING = 'REQUIRED_COLUMN_MISSING',
  MALFORMED_CSV = 'MALFORMED_CSV',
}
registerEnumType(ImportVenuesErrorCode, {
  name: 'ImportVenuesErrorCode',
  description: 'Why importVenues refused the whole file (nothing was written); the report lists every problem found with its row and column.',
  valuesConfig: {
    EMPTY_FILE: { description: 'The file is empty: no header row.' },
    NOT_COMMA_SEPARATED: { description: 'The header reads as one column holding semicolons or tabs: the standard separates columns with commas.' },
    COLUMN_REPEATED: { description: 'A column of the standard appears twice in the header.' },
    REQUIRED_COLUMN_MISSING: { description: 'A column the standard requires is missing from the header.' },
    MALFORMED_CSV: { description: 'The file is not well-formed CSV (e.g. an unclosed quote); the report gives the row where reading stopped.' },
  },
});

@InputType({ description: 'A venue file in the national venue standard.' })
export class ImportVenuesInput {
  @Field({ description: "The CSV file's content, header row first, up to about 20 MB (larger files: npm run hub -- venues import)." })
  csv!: string;
}

export const ImportVenuesError = refusalType(ImportVenuesErrorCode, 'ImportVenuesError', 'importVenues');

@ObjectType({ description: 'What importVenues answers: the report of the import, and why the whole file was refused if it was.' })
export class ImportVenuesPayload {
  @Field(() => VenueImportReport, {
    description: 'What the import read and did; on a refusal its counts are zero (nothing was written) and `errors` lists every problem of the file with its row and column.',
  })
  report!: VenueImportReport;

  @Field(() => ImportVenuesError, { nullable: true, description: 'Why the whole file was refused; null when its good rows were imported (bad rows are in the report, not here).' })
  error!: Refusal<ImportVenuesErrorCode> | null;
}
