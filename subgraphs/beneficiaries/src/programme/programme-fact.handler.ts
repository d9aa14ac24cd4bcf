import type { EntityManager } from 'typeorm';
import type { ProgrammeDefined } from '@pass/contracts';
import { programmeFactStore } from './programme-fact.store';

/** Applies `programme.defined`: the latest definition of a programme replaces the previous one. */
export async function applyProgrammeDefined(fact: ProgrammeDefined, manager: EntityManager): Promise<void> {
  await programmeFactStore.upsert(manager, {
    programmeId: fact.programmeId,
    name: fact.name,
    territory: fact.territory,
    eligibility: fact.eligibility,
    validFrom: fact.validFrom,
    validUntil: fact.validUntil,
  });
}
