import type { DataSource } from 'typeorm';
import { isUuid, publish, refusal, type Refusal } from '@pass/kit';
import { Topics, type VenueQualified } from '@pass/contracts';
import { isCommuneInTerritory, parseTerritoryEntry } from '@pass/contracts/territory';
import { programmeStore } from '../programme/programme.store';
import type { Venue } from '../venue/venue.entity';
import { venueStore } from '../venue/venue.store';
import { QualifyVenueErrorCode } from './qualification.inputs';
import { qualificationStore } from './qualification.store';

export type QualifyVenueAnswer = { venue: Venue; error: null } | { venue: null; error: Refusal<QualifyVenueErrorCode> };

const refuse = (code: QualifyVenueErrorCode, message: string): QualifyVenueAnswer => ({ venue: null, error: refusal(code, message) });

/**
 * Qualification is the hub's own record (the open-data standard no longer carries it), and only
 * for a venue whose commune lies in the programme's territory (replicated from `programme.defined`).
 * Its fact commits with it, so the vouchers subgraph's replica follows.
 */
export async function qualifyVenueChecked(db: DataSource, venueId: string, programmeId: string, qualified = true): Promise<QualifyVenueAnswer> {
  if (!isUuid(programmeId)) return refuse(QualifyVenueErrorCode.PROGRAMME_NOT_FOUND, `no programme ${programmeId}`);
  if (!isUuid(venueId)) return refuse(QualifyVenueErrorCode.VENUE_NOT_FOUND, `no venue ${venueId}`);
  return db.transaction(async (tx) => {
    const venue = await venueStore.byId(tx, venueId);
    if (!venue) return refuse(QualifyVenueErrorCode.VENUE_NOT_FOUND, `no venue ${venueId}`);
    if (qualified) {
      // A coordinator must not reach another territory's venues by qualifying them for its programme.
      const territory = await programmeStore.territoryOf(tx, programmeId);
      if (!territory) return refuse(QualifyVenueErrorCode.PROGRAMME_NOT_FOUND, `no programme ${programmeId}`);
      if (!isCommuneInTerritory(venue.inseeCode, territory.map(parseTerritoryEntry))) {
        return refuse(QualifyVenueErrorCode.VENUE_OUTSIDE_PROGRAMME_TERRITORY, `the venue's commune (${venue.inseeCode}) is outside the programme's territory`);
      }
      await qualificationStore.qualify(tx, venueId, programmeId);
    } else {
      await qualificationStore.withdraw(tx, venueId, programmeId);
    }
    const fact: VenueQualified = { venueId, programmeId, qualified };
    await publish(tx, [{ topic: Topics.venueQualified, payload: fact }]);
    return { venue, error: null };
  });
}

/** For seeding scripts (the demo, fixtures, benchmarks): qualifies the venue or throws its refusal. */
export async function qualifyVenue(db: DataSource, venueId: string, programmeId: string, qualified = true): Promise<Venue> {
  const answer = await qualifyVenueChecked(db, venueId, programmeId, qualified);
  if (answer.error) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.venue;
}
