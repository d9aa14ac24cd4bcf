import type { DataSource } from 'typeorm';
import {
  BadInputError,
  ForbiddenError,
  NotFoundError,
  Topics,
  findCommune,
  isCommuneInTerritory,
  isUuid,
  parseTerritoryEntry,
  publish,
  type VenueQualified,
} from '@pass/kit';
import { Qualification, Venue } from './venue.entity';

export interface VenueInput {
  siret?: string | null;
  name: string;
  address: string;
  postcode?: string | null;
  commune?: string | null;
  inseeCode: string;
  latitude?: number | null;
  longitude?: number | null;
  openingHours?: string | null;
  services?: string[];
}

export async function registerVenue(db: DataSource, input: VenueInput): Promise<Venue> {
  if (input.siret != null && !/^\d{14}$/.test(input.siret)) throw new BadInputError('a SIRET has 14 digits', 'siret');
  if (!input.name.trim()) throw new BadInputError('a venue needs a name', 'name');
  if (!findCommune(input.inseeCode)) throw new BadInputError(`unknown commune INSEE code ${input.inseeCode}`, 'inseeCode');
  const repo = db.getRepository(Venue);
  if (input.siret && (await repo.existsBy({ siret: input.siret }))) {
    throw new BadInputError(`a venue with SIRET ${input.siret} already exists`, 'siret');
  }
  return repo.save(
    repo.create({
      siret: input.siret ?? null,
      name: input.name.trim(),
      address: input.address,
      postcode: input.postcode ?? null,
      commune: input.commune ?? findCommune(input.inseeCode)?.name ?? null,
      inseeCode: input.inseeCode,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      openingHours: input.openingHours ?? null,
      services: input.services ?? [],
    }),
  );
}

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
