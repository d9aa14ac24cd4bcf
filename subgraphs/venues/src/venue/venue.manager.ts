import type { DataSource } from 'typeorm';
import { ForbiddenError, NotFoundError, isUuid, publish } from '@pass/kit';
import { Topics, type VenueQualified } from '@pass/contracts';
import { isCommuneInTerritory, parseTerritoryEntry } from '@pass/contracts/territory';
import { Qualification, Venue } from './venue.entity';

export { registerVenue, registerVenueChecked, VenueErrorCode, type VenueInput, type RegisterVenueResult } from './venue-register.manager';

/**
 * Qualification is the hub's own record (the open-data standard no longer carries it), and only
 * for a venue whose commune lies in the programme's territory (replicated from `programme.defined`).
 * Its fact commits with it, so the vouchers subgraph's replica follows.
 */
export async function qualifyVenue(db: DataSource, venueId: string, programmeId: string, qualified = true): Promise<Venue> {
  if (!isUuid(programmeId)) throw new NotFoundError('Programme', programmeId);
  return db.transaction(async (tx) => {
    const venue = isUuid(venueId) ? await tx.getRepository(Venue).findOneBy({ id: venueId }) : null;
    if (!venue) throw new NotFoundError('Venue', venueId);
    if (qualified) {
      // A coordinator must not reach another territory's venues by qualifying them for its programme.
      const [programme] = await tx.query(`select territory from programme_territory where programme_id = $1`, [programmeId]);
      if (!programme) throw new NotFoundError('Programme', programmeId);
      if (!isCommuneInTerritory(venue.inseeCode, (programme.territory as string[]).map(parseTerritoryEntry))) {
        throw new ForbiddenError("qualifying a venue outside the programme's territory");
      }
      await tx.getRepository(Qualification).upsert({ venueId, programmeId, qualifiedAt: new Date() }, ['venueId', 'programmeId']);
    } else {
      await tx.getRepository(Qualification).delete({ venueId, programmeId });
    }
    const fact: VenueQualified = { venueId, programmeId, qualified };
    await publish(tx, [{ topic: Topics.venueQualified, payload: fact }]);
    return venue;
  });
}
