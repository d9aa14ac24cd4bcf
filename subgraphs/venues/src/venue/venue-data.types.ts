import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { VenueErrorCode } from './venue-register.manager';
import { Venue } from './venue.entity';

registerEnumType(VenueErrorCode, {
  name: 'VenueErrorCode',
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

@ObjectType({ description: 'Why a venue was refused.' })
export class VenueError {
  @Field(() => VenueErrorCode, { description: 'What went wrong, for programs to act on.' })
  code!: VenueErrorCode;

  @Field({ description: 'The same, in words for a person: every problem of the venue.' })
  message!: string;
}

@ObjectType({ description: 'The outcome of `registerVenue`: the venue registered, or why it was refused.' })
export class RegisterVenuePayload {
  @Field(() => Venue, { nullable: true, description: 'The venue registered; null when refused.' })
  venue!: Venue | null;

  @Field(() => VenueError, { nullable: true, description: 'Why the venue was refused; null when registered.' })
  error!: VenueError | null;
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

  @Field(() => Boolean, { description: 'A file-level problem (a missing required column, malformed CSV) stopped the import: nothing was written.' })
  aborted!: boolean;

  @Field(() => [VenueImportError], { description: 'The problems found, the first 1,000.' })
  errors!: VenueImportError[];

  @Field(() => Int, { description: 'Errors beyond the first 1,000, not listed.' })
  errorsOmitted!: number;
}
