import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { refusalType, type Refusal } from '@pass/kit';
import { Venue } from '../venue/venue.entity';

export enum QualifyVenueErrorCode {
  VENUE_NOT_FOUND = 'VENUE_NOT_FOUND',
  PROGRAMME_NOT_FOUND = 'PROGRAMME_NOT_FOUND',
  VENUE_OUTSIDE_PROGRAMME_TERRITORY = 'VENUE_OUTSIDE_PROGRAMME_TERRITORY',
}
registerEnumType(QualifyVenueErrorCode, {
  name: 'QualifyVenueErrorCode',
  description: 'Why qualifyVenue refused.',
  valuesConfig: {
    VENUE_NOT_FOUND: { description: 'No venue has this id.' },
    PROGRAMME_NOT_FOUND: { description: 'No programme has this id (or its definition has not reached the venues yet).' },
    VENUE_OUTSIDE_PROGRAMME_TERRITORY: { description: "The venue's commune is outside the programme's territory: its vouchers cannot be taken there, and nothing was recorded." },
  },
});

@InputType({ description: 'A venue qualified (or no longer) for a programme.' })
export class QualifyVenueInput {
  @Field(() => ID, { description: 'The venue.' })
  venueId!: string;

  @Field(() => ID, { description: 'The programme.' })
  programmeId!: string;

  @Field({ defaultValue: true, description: 'True to qualify, false to withdraw the qualification.' })
  qualified!: boolean;
}

export const QualifyVenueError = refusalType(QualifyVenueErrorCode, 'QualifyVenueError', 'qualifyVenue');

@ObjectType({ description: 'What qualifyVenue answers: the venue, or why not.' })
export class QualifyVenuePayload {
  @Field(() => Venue, { nullable: true, description: 'The venue, qualified (or no longer); null on an error.' })
  venue!: Venue | null;

  @Field(() => QualifyVenueError, { nullable: true, description: 'Why it was refused; null when done.' })
  error!: Refusal<QualifyVenueErrorCode> | null;
}
