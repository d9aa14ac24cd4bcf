import type { DataSource } from 'typeorm';
import { BadInputError, isUuid, refusal, type Refusal } from '@pass/kit';
import { venueStore } from '../venue/venue.store';
import type { Workshop, WorkshopAxis } from './workshop.entity';
import { PublishWorkshopErrorCode } from './workshop.inputs';
import { workshopStore } from './workshop.store';

export type PublishWorkshopAnswer = { workshop: Workshop; error: null } | { workshop: null; error: Refusal<PublishWorkshopErrorCode> };

export interface WorkshopInput {
  venueId: string;
  axis: WorkshopAxis;
  topic: string;
  durationMinutes: number;
  seats: number;
}

/** Sessions last 1–2 h in the programme; 30 min to 4 h is accepted for odd formats. */
export async function publishWorkshopChecked(db: DataSource, input: WorkshopInput): Promise<PublishWorkshopAnswer> {
  if (!input.topic.trim()) throw new BadInputError('a workshop needs a topic', 'topic');
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 30 || input.durationMinutes > 240) {
    throw new BadInputError('durationMinutes must be between 30 and 240', 'durationMinutes');
  }
  if (!Number.isInteger(input.seats) || input.seats < 1 || input.seats > 100) {
    throw new BadInputError('seats must be between 1 and 100', 'seats');
  }
  if (!isUuid(input.venueId) || !(await venueStore.exists(db, input.venueId))) {
    return { workshop: null, error: refusal(PublishWorkshopErrorCode.VENUE_NOT_FOUND, `no venue ${input.venueId}`) };
  }
  return { workshop: await workshopStore.create(db, { ...input, topic: input.topic.trim() }), error: null };
}

/** For seeding scripts (the demo, fixtures, benchmarks): publishes the workshop or throws its refusal. */
export async function publishWorkshop(db: DataSource, input: WorkshopInput): Promise<Workshop> {
  const answer = await publishWorkshopChecked(db, input);
  if (answer.error) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.workshop;
}
