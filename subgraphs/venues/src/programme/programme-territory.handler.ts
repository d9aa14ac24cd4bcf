import type { EntityManager } from 'typeorm';
import type { ProgrammeDefined } from '@pass/contracts';
import { programmeStore } from './programme.store';

/**
 * Applies `programme.defined` to the replica of programme territories (docs/adr/0001): the latest
 * definition wins, and replaying an event leaves the row as it was.
 */
export async function applyProgrammeTerritory(fact: ProgrammeDefined, db: EntityManager): Promise<void> {
  await programmeStore.defineTerritory(db, fact.programmeId, fact.territory);
}
