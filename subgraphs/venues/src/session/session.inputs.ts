import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { refusalType, type Refusal } from '@pass/kit';
import { WorkshopSession } from './session.entity';

export enum ScheduleSessionErrorCode {
  WORKSHOP_NOT_FOUND = 'WORKSHOP_NOT_FOUND',
  WORKSHOP_OF_ANOTHER_VENUE = 'WORKSHOP_OF_ANOTHER_VENUE',
  SEATS_ABOVE_WORKSHOP_SEATS = 'SEATS_ABOVE_WORKSHOP_SEATS',
}
registerEnumType(ScheduleSessionErrorCode, {
  name: 'ScheduleSessionErrorCode',
  description: 'Why scheduleSession refused.',
  valuesConfig: {
    WORKSHOP_NOT_FOUND: { description: 'No workshop has this id.' },
    WORKSHOP_OF_ANOTHER_VENUE: { description: 'Another venue runs this workshop: a venue schedules sittings of its own workshops only.' },
    SEATS_ABOVE_WORKSHOP_SEATS: { description: "More seats than the workshop's: a sitting has at most the workshop's seats." },
  },
});

@InputType({ description: 'A sitting of a workshop.' })
export class ScheduleSessionInput {
  @Field(() => ID, { description: 'The workshop.' })
  workshopId!: string;

  @Field(() => DateTimeISOResolver, { description: 'When it starts.' })
  startsAt!: Date;

  @Field(() => Int, { nullable: true, description: "Seats of this sitting, at least 1; the workshop's by default, never more." })
  seats?: number | null;
}

export const ScheduleSessionError = refusalType(ScheduleSessionErrorCode, 'ScheduleSessionError', 'scheduleSession');

@ObjectType({ description: 'What scheduleSession answers: the session, or why not.' })
export class ScheduleSessionPayload {
  @Field(() => WorkshopSession, { nullable: true, description: 'The session scheduled; null on an error.' })
  session!: WorkshopSession | null;

  @Field(() => ScheduleSessionError, { nullable: true, description: 'Why it was refused; null when done.' })
  error!: Refusal<ScheduleSessionErrorCode> | null;
}
