import type { DataSource } from 'typeorm';
import { BadInputError, NotFoundError, isUuid, publish } from '@pass/kit';
import { Topics, type SessionScheduled } from '@pass/contracts';
import { Venue } from '../venue/venue.entity';
import { Workshop } from '../workshop/workshop.entity';
import { WorkshopSession } from './session.entity';

/** A session inherits its workshop's seats unless fewer are given. */
export async function scheduleSession(
  db: DataSource,
  input: { workshopId: string; startsAt: Date; seats?: number },
): Promise<WorkshopSession> {
  return db.transaction(async (tx) => {
    const workshop = isUuid(input.workshopId) ? await tx.getRepository(Workshop).findOneBy({ id: input.workshopId }) : null;
    if (!workshop) throw new NotFoundError('Workshop', input.workshopId);
    const seats = input.seats ?? workshop.seats;
    if (!Number.isInteger(seats) || seats < 1 || seats > workshop.seats) {
      throw new BadInputError(`seats must be between 1 and the workshop's ${workshop.seats}`, 'seats');
    }
    if (Number.isNaN(new Date(input.startsAt).getTime())) throw new BadInputError('startsAt is not a date', 'startsAt');
    const venue = await tx.getRepository(Venue).findOneByOrFail({ id: workshop.venueId });
    const repo = tx.getRepository(WorkshopSession);
    const session = await repo.save(repo.create({ workshopId: workshop.id, venueId: venue.id, startsAt: input.startsAt, seats }));
    const fact: SessionScheduled = {
      sessionId: session.id,
      venueId: venue.id,
      inseeCode: venue.inseeCode,
      startsAt: new Date(session.startsAt).toISOString(),
      seats,
    };
    await publish(tx, [{ topic: Topics.sessionScheduled, payload: fact }]);
    return session;
  });
}
