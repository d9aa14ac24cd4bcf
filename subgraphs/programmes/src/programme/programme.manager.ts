import type { DataSource, EntityManager } from 'typeorm';
import { BadInputError, isUuid, publish, refusal } from '@pass/kit';
import { Topics, assertShares, type ProgrammeDefined } from '@pass/contracts';
import { formatTerritoryEntry, parseTerritoryEntry } from '@pass/contracts/territory';
import { funderStore } from '../funder/funder.store';
import { FundingShare, FundingShareStatus } from '../funding-share/funding-share.entity';
import { fundingShareStore } from '../funding-share/funding-share.store';
import { CreateProgrammeErrorCode, type CreateProgrammeInput, type CreateProgrammePayload, type FundingShareInput } from './programme.inputs';
import { programmeStore } from './programme.store';

/**
 * The rules of a programme's creation. The programme and its `programme.defined` fact commit
 * together, so the other subgraphs' replicas never see a programme that does not exist.
 * A funder creating a programme (`createdByFunderId`) agrees to its own share; the co-funders it
 * names are PENDING until each accepts. The operator sets programmes up from signed agreements:
 * its shares are ACCEPTED.
 */
export async function createProgramme(db: DataSource, input: CreateProgrammeInput, createdByFunderId: string | null = null): Promise<CreateProgrammePayload> {
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

  return db.transaction(async (tx): Promise<CreateProgrammePayload> => {
    const missing = await unknownFunders(tx, funderIds);
    if (missing.length) return { programme: null, error: refusal(CreateProgrammeErrorCode.FUNDER_NOT_FOUND, `unknown funder ${missing.join(', ')}`) };
    if (await programmeStore.nameTaken(tx, input.name)) {
      return { programme: null, error: refusal(CreateProgrammeErrorCode.PROGRAMME_NAME_TAKEN, `a programme named ${input.name} already exists`) };
    }
    const eligibility = {
      minAge: minAge ?? null,
      maxAge: maxAge ?? null,
      maxEducationLevel: input.eligibility.maxEducationLevel ?? null,
      statusesAnyOf: [...new Set(input.eligibility.statusesAnyOf)],
    };
    const programme = await programmeStore.insert(tx, {
      name: input.name,
      territory,
      eligibility,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      budgetCents: input.budgetCents,
      createdByFunderId,
    });
    await fundingShareStore.insert(tx, sharesAsNamedBy(programme.id, input.shares, createdByFunderId));
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
    return { programme, error: null };
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

/** The funders named that the hub does not know (a malformed id is unknown too). */
export async function unknownFunders(tx: EntityManager, funderIds: string[]): Promise<string[]> {
  const wellFormed = funderIds.filter(isUuid);
  const funders = wellFormed.length ? await funderStore.byIds(tx, wellFormed) : [];
  return funderIds.filter((id) => !funders.some((f) => f.id === id.toLowerCase()));
}

/** The funder naming the shares agrees to its own; every other funder it names must agree to theirs. */
export function sharesAsNamedBy(programmeId: string, shares: FundingShareInput[], namedBy: string | null): FundingShare[] {
  return shares.map((s) =>
    Object.assign(new FundingShare(), {
      programmeId,
      funderId: s.funderId,
      basisPoints: s.basisPoints,
      status: namedBy === null || s.funderId === namedBy ? FundingShareStatus.ACCEPTED : FundingShareStatus.PENDING,
    }),
  );
}
