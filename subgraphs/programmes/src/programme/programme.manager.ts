import { In, type DataSource } from 'typeorm';
import { BadInputError, Topics, assertShares, formatTerritoryEntry, parseTerritoryEntry, publish, type ProgrammeDefined } from '@pass/kit';
import { Funder } from '../funder/funder.entity';
import { FundingShare } from './funding-share.entity';
import { Programme } from './programme.entity';
import type { CreateProgrammeInput } from './programme.inputs';

/**
 * The rules of a programme's creation. The programme and its `programme.defined` fact commit
 * together, so the other subgraphs' replicas never see a programme that does not exist.
 */
export async function createProgramme(db: DataSource, input: CreateProgrammeInput): Promise<Programme> {
  const territory = input.territory.map((entry) => {
    try {
      return formatTerritoryEntry(parseTerritoryEntry(entry));
    } catch (err) {
      throw new BadInputError((err as Error).message, 'territory');
    }
  });
  if (input.validUntil <= input.validFrom) throw new BadInputError('validUntil must be after validFrom', 'validUntil');
  const { minAge, maxAge } = input.eligibility;
  if (minAge != null && maxAge != null && minAge > maxAge) throw new BadInputError('minAge is above maxAge', 'eligibility');
  try {
    assertShares(input.shares.map((s) => s.basisPoints));
  } catch (err) {
    throw new BadInputError((err as Error).message, 'shares');
  }
  const funderIds = input.shares.map((s) => s.funderId);
  if (new Set(funderIds).size !== funderIds.length) throw new BadInputError('a funder appears twice in shares', 'shares');

  return db.transaction(async (tx) => {
    const funders = await tx.getRepository(Funder).findBy({ id: In(funderIds) });
    const missing = funderIds.filter((id) => !funders.some((f) => f.id === id));
    if (missing.length) throw new BadInputError(`unknown funder ${missing.join(', ')}`, 'shares');
    const eligibility = {
      minAge: minAge ?? null,
      maxAge: maxAge ?? null,
      maxEducationLevel: input.eligibility.maxEducationLevel ?? null,
      statusesAnyOf: [...new Set(input.eligibility.statusesAnyOf)],
    };
    const programme = await tx.getRepository(Programme).save(
      tx.getRepository(Programme).create({
        name: input.name,
        territory,
        eligibility,
        validFrom: input.validFrom,
        validUntil: input.validUntil,
        budgetCents: input.budgetCents,
      }),
    );
    await tx.getRepository(FundingShare).insert(
      input.shares.map((s) => ({ programmeId: programme.id, funderId: s.funderId, basisPoints: s.basisPoints })),
    );
    const fact: ProgrammeDefined = {
      programmeId: programme.id,
      name: programme.name,
      territory,
      validFrom: programme.validFrom,
      validUntil: programme.validUntil,
      eligibility,
      shares: input.shares.map((s) => ({ funderId: s.funderId, basisPoints: s.basisPoints })),
    };
    await publish(tx, [{ topic: Topics.programmeDefined, payload: fact }]);
    return programme;
  });
}
