import { In, type DataSource, type EntityManager } from 'typeorm';
import { BadInputError, publish } from '@pass/kit';
import { Topics, assertShares, type ProgrammeDefined } from '@pass/contracts';
import { formatTerritoryEntry, parseTerritoryEntry } from '@pass/contracts/territory';
import { Funder } from '../funder/funder.entity';
import { FundingShare, FundingShareStatus } from './funding-share.entity';
import { Programme } from './programme.entity';
import type { CreateProgrammeInput, FundingShareInput } from './programme.inputs';

/**
 * The rules of a programme's creation. The programme and its `programme.defined` fact commit
 * together, so the other subgraphs' replicas never see a programme that does not exist.
 * A funder creating a programme (`createdByFunderId`) agrees to its own share; the co-funders it
 * names are PENDING until each accepts. The operator sets programmes up from signed agreements:
 * its shares are ACCEPTED.
 */
export async function createProgramme(db: DataSource, input: CreateProgrammeInput, createdByFunderId: string | null = null): Promise<Programme> {
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
  const funderIds = checkShares(input.shares);

  return db.transaction(async (tx) => {
    await ensureFundersExist(tx, funderIds);
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
        createdByFunderId,
      }),
    );
    await tx.getRepository(FundingShare).insert(sharesAsNamedBy(programme.id, input.shares, createdByFunderId));
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

/** Shares sum to 10,000 basis points, each funder once; returns the funders named. */
export function checkShares(shares: FundingShareInput[]): string[] {
  try {
    assertShares(shares.map((s) => s.basisPoints));
  } catch (err) {
    throw new BadInputError((err as Error).message, 'shares');
  }
  const funderIds = shares.map((s) => s.funderId);
  if (new Set(funderIds).size !== funderIds.length) throw new BadInputError('a funder appears twice in shares', 'shares');
  return funderIds;
}

export async function ensureFundersExist(tx: EntityManager, funderIds: string[]): Promise<void> {
  const funders = await tx.getRepository(Funder).findBy({ id: In(funderIds) });
  const missing = funderIds.filter((id) => !funders.some((f) => f.id === id));
  if (missing.length) throw new BadInputError(`unknown funder ${missing.join(', ')}`, 'shares');
}

/** The funder naming the shares agrees to its own; every other funder it names must agree to theirs. */
export function sharesAsNamedBy(programmeId: string, shares: FundingShareInput[], namedBy: string | null): Partial<FundingShare>[] {
  return shares.map((s) => ({
    programmeId,
    funderId: s.funderId,
    basisPoints: s.basisPoints,
    status: namedBy === null || s.funderId === namedBy ? FundingShareStatus.ACCEPTED : FundingShareStatus.PENDING,
  }));
}
