import type { EntityManager } from 'typeorm';
import type { ProgrammeDefined } from '@pass/contracts';
import { ProgrammeFact } from './programme-fact.entity';

/** Applies `programme.defined`: the latest definition of a programme replaces the previous one. */
export async function applyProgrammeDefined(fact: ProgrammeDefined, manager: EntityManager): Promise<void> {
  await manager.getRepository(ProgrammeFact).upsert(
    {
      programmeId: fact.programmeId,
      name: fact.name,
      territory: fact.territory,
      eligibility: fact.eligibility,
      validFrom: fact.validFrom,
      validUntil: fact.validUntil,
    },
    ['programmeId'],
  );
}
