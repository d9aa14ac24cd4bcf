import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { VenueErrorCode } from './venue-register.manager';
import { Venue } from './venue.entity';

registerEnumType(VenueErrorCode, { name: 'VenueErrorCode' });

@InputType({ description: 'A venue as the national venue standard describes it; the same checks as an imported row.' })
export class RegisterVenueInput {
  @Field()
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

  @Field(() => Float, { nullable: true })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
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

@ObjectType()
export class VenueError {
  @Field(() => VenueErrorCode)
  code!: VenueErrorCode;

  @Field()
  message!: string;
}

@ObjectType()
export class RegisterVenuePayload {
  @Field(() => Venue, { nullable: true })
  venue!: Venue | null;

  @Field(() => VenueError, { nullable: true })
  error!: VenueError | null;
}

@ObjectType({ description: 'One problem of an imported file: its spreadsheet row (1 is the header), column and reason.' })
export class VenueImportError {
  @Field(() => Int)
  row!: number;

  @Field(() => String, { nullable: true })
  column!: string | null;

  @Field()
  message!: string;
}

@ObjectType({ description: 'What an import did: good rows are upserted by (`source`, `id`), bad ones reported.' })
export class VenueImportReport {
  @Field(() => Int, { description: 'Venue rows read (header and blank lines not counted).' })
  rowsRead!: number;

  @Field(() => Int)
  imported!: number;

  @Field(() => Int)
  inserted!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int, { description: 'Rows identical to what the hub holds: a second import of a file changes nothing.' })
  unchanged!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => Boolean, { description: 'A file-level problem (a missing required column, malformed CSV) stopped the import: nothing was written.' })
  aborted!: boolean;

  @Field(() => [VenueImportError])
  errors!: VenueImportError[];

  @Field(() => Int, { description: 'Errors beyond the first 1,000, not listed.' })
  errorsOmitted!: number;
}
