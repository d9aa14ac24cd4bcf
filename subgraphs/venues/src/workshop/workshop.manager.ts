import type { DataSource } from 'typeorm';
import { BadInputError, NotFoundError, isUuid } from '@pass/kit';
import { Venue } from '../venue/venue.entity';
import { Workshop, type WorkshopAxis } from './workshop.entity';

/** Sessions last 1–2 h in the programme; 30 min to 4 h is accepted for odd formats. */
export async function publishWorkshop(
  db: DataSource,
  input: { venueId: string; axis: WorkshopAxis; topic: string; durationMinutes: number; seats: number },
): Promise<Workshop> {
  if (!isUuid(input.venueId) || !(await db.getRepository(Venue).existsBy({ id: input.venueId }))) {
    throw new NotFoundError('Venue', input.venueId);
  }
  if (!input.topic.trim()) throw new BadInputError('a workshop needs a topic', 'topic');
  if (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 30 || input.durationMinutes > 240) {
    throw new BadInputError('durationMinutes must be between 30 and 240', 'durationMinutes');
  }
  if (!Number.isInteger(input.seats) || input.seats < 1 || input.seats > 100) {
    throw new BadInputError('seats must be between 1 and 100', 'seats');
  }
  const repo = db.getRepository(Workshop);
  return repo.save(repo.create({ ...input, topic: input.topic.trim() }));
}
