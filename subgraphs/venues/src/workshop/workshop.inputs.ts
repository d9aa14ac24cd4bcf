import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { refusalType, type Refusal } from '@pass/kit';
import { Workshop, WorkshopAxis } from './workshop.entity';

export enum PublishWorkshopErrorCode {
  VENUE_NOT_FOUND = 'VENUE_NOT_FOUND',
}
registerEnumType(PublishWorkshopErrorCode, {
  name: 'PublishWorkshopErrorCode',
  description: 'Why publishWorkshop refused.',
  valuesConfig: { VENUE_NOT_FOUND: { description: 'No venue has this id.' } },
});

@InputType({ description: 'A workshop a venue runs.' })
export class PublishWorkshopInput {
  @Field(() => ID, { description: 'The venue running it.' })
  venueId!: string;

  @Field(() => WorkshopAxis, { description: 'Which of the three axes it serves.' })
  axis!: WorkshopAxis;

  @Field({ description: 'What it teaches, such as `Email` or `CV writing`.' })
  topic!: string;

  @Field(() => Int, { description: 'Length of one sitting, in minutes, from 30 to 240.' })
  durationMinutes!: number;

  @Field(() => Int, { description: 'Default number of seats of its sessions, from 1 to 100.' })
  seats!: number;
}

export const PublishWorkshopError = refusalType(PublishWorkshopErrorCode, 'PublishWorkshopError', 'publishWorkshop');

@ObjectType({ description: 'What publishWorkshop answers: the workshop, or why not.' })
export class PublishWorkshopPayload {
  @Field(() => Workshop, { nullable: true, description: 'The workshop published; null on an error.' })
  workshop!: Workshop | null;

  @Field(() => PublishWorkshopError, { nullable: true, description: 'Why it was refused; null when done.' })
  error!: Refusal<PublishWorkshopErrorCode> | null;
}
