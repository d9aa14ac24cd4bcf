import type { DataSource } from 'typeorm';
import { BadInputError, isUuid, publish, refusal, type Refusal } from '@pass/kit';
import { Topics, type SessionScheduled } from '@pass/contracts';
import { venueStore } from '../venue/venue.store';
import { workshopStore } from '../workshop/workshop.store';
import type { WorkshopSession } from './session.entity';
import { ScheduleSessionErrorCode } from './session.inputs';
import { sessionStore } from './session.store';

export type ScheduleSessionAnswer = { session: WorkshopSession; error: null } | { session: null; error: Refusal<ScheduleSessionErrorCode> };

export interface SessionInput {
  workshopId: string;
  startsAt: Date;
  seats?: number | null;
}

const refuse = (code: ScheduleSessionErrorCode, message: string): ScheduleSessionAnswer => ({ session: null, error: refusal(code, message) });

/**
 * A session inherits its workshop's seats unless fewer are given. `actingVenueId` is the venue
 * scheduling (null for the operator, who schedules for any venue): a venue schedules only its own
 * workshops. Its fact commits with it, for the vouchers subgraph.
 */
export async function scheduleSessionChecked(db: DataSource, input: SessionInput, actingVenueId: string | null): Promise<ScheduleSessionAnswer> {
  if (Number.isNaN(new Date(input.startsAt).getTime())) throw new BadInputError('startsAt is not a date', 'startsAt');
  if (input.seats != null && (!Number.isInteger(input.seats) || input.seats < 1)) throw new BadInputError('seats must be a whole number, at least 1', 'seats');
  if (!isUuid(input.workshopId)) return refuse(ScheduleSessionErrorCode.WORKSHOP_NOT_FOUND, `no workshop ${input.workshopId}`);
  return db.transaction(async (tx) => {
    const workshop = await workshopStore.byId(tx, input.workshopId);
    if (!workshop) return refuse(ScheduleSessionErrorCode.WORKSHOP_NOT_FOUND, `no workshop ${input.workshopId}`);
    if (actingVenueId !== null && workshop.venueId !== actingVenueId) {
      return refuse(ScheduleSessionErrorCode.WORKSHOP_OF_ANOTHER_VENUE, 'a venue schedules sittings of its own workshops only');
    }
    const seats = input.seats ?? workshop.seats;
    if (seats > workshop.seats) return refuse(ScheduleSessionErrorCode.SEATS_ABOVE_WORKSHOP_SEATS, `at most the workshop's ${workshop.seats} seats`);
    const venue = await venueStore.byId(tx, workshop.venueId);
    if (!venue) throw new Error(`workshop ${workshop.id} has no venue ${workshop.venueId}`);
    const session = await sessionStore.create(tx, { workshopId: workshop.id, venueId: venue.id, startsAt: input.startsAt, seats });
    const fact: SessionScheduled = {
      sessionId: session.id,
      venueId: venue.id,
      inseeCode: venue.inseeCode,
      startsAt: new Date(session.startsAt).toISOString(),
      seats,
    };
    await publish(tx, [{ topic: Topics.sessionScheduled, payload: fact }]);
    return { session, error: null };
  });
}

/** For seeding scripts (the demo, fixtures, benchmarks): schedules the session as the operator, or throws its refusal. */
export async function scheduleSession(db: DataSource, input: SessionInput): Promise<WorkshopSession> {
  const answer = await scheduleSessionChecked(db, input, null);
  if (answer.error) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.session;
}
