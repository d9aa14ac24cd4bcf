import type { DataSource, EntityManager } from 'typeorm';
import { isUuid, publish, refusal } from '@pass/kit';
import {
  Topics,
  anonymisationDueOn,
  firstEndDateStillRetained,
  isAnonymisationDue,
  parisDayOf,
  type BeneficiaryErased,
} from '@pass/contracts';
import { beneficiaryStore } from '../beneficiary/beneficiary.store';
import { programmeFactStore } from '../programme/programme-fact.store';
import type { BeneficiaryDataAccess } from './privacy.entity';
import { EraseBeneficiaryErrorCode, type EraseBeneficiaryPayload } from './privacy.inputs';
import { privacyStore, type Registration } from './privacy.store';

export type ErasureReason = 'ERASURE_REQUEST' | 'ANONYMISATION';

/**
 * Erases people in one transaction of this subgraph: a tombstone (id, registering distributor,
 * when, why) replaces each row, their eligibility checks go, the `beneficiary.registered` facts
 * this subgraph published about them are redacted on the bus (their payload linked the id to a
 * distributor and programmes), and one `beneficiary.erased` fact per person tells the other
 * subgraphs to strip what they hold. Ids already erased are skipped, so a replay changes nothing.
 * Returns the ids erased by this call.
 */
export async function eraseBeneficiaries(tx: EntityManager, ids: string[], reason: ErasureReason, now: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const erased = await privacyStore.tombstone(tx, ids, reason, now);
  if (erased.length === 0) return [];
  await beneficiaryStore.erase(tx, erased);
  await privacyStore.redactRegistrations(tx, erased);
  const facts: BeneficiaryErased[] = erased.map((beneficiaryId) => ({ beneficiaryId, reason, erasedAt: now.toISOString() }));
  await publish(tx, facts.map((payload) => ({ topic: Topics.beneficiaryErased, payload })));
  return erased;
}

/**
 * Erasure on request: the registering distributor (checked by the caller) asks for one person.
 * Asking again changes nothing and answers the first erasure's date.
 */
export async function eraseBeneficiary(db: DataSource, beneficiaryId: string, now = new Date()): Promise<EraseBeneficiaryPayload> {
  const notFound = { erasure: null, error: refusal(EraseBeneficiaryErrorCode.BENEFICIARY_NOT_FOUND, `no beneficiary ${beneficiaryId}`) };
  if (!isUuid(beneficiaryId)) return notFound;
  return db.transaction(async (tx): Promise<EraseBeneficiaryPayload> => {
    if (await beneficiaryStore.lockDistributorOf(tx, beneficiaryId)) {
      await eraseBeneficiaries(tx, [beneficiaryId], 'ERASURE_REQUEST', now);
      return { erasure: { id: beneficiaryId, erasedAt: now, erasedNow: true }, error: null };
    }
    const tomb = await privacyStore.tombstoneOf(tx, beneficiaryId);
    if (tomb) return { erasure: { id: beneficiaryId, erasedAt: tomb.erasedAt ?? now, erasedNow: false }, error: null };
    return notFound;
  });
}

/** Everything this subgraph holds about a person: their record as stored, or only the erasure's date once erased. */
export async function beneficiaryDataAccess(db: DataSource, beneficiaryId: string, registration: Registration): Promise<BeneficiaryDataAccess> {
  const record = registration.erasedAt ? null : await beneficiaryStore.recordOf(db, beneficiaryId);
  return { id: beneficiaryId, distributorId: registration.distributorId, erasedAt: registration.erasedAt, record };
}

export class AnonymisationRefused extends Error {
  constructor(
    message: string,
    readonly code: 'UNKNOWN_PROGRAMME' | 'NOT_DUE',
  ) {
    super(message);
  }
}

export interface AnonymisationRun {
  programmeId: string;
  /** People whose data this call erased (or, on a dry run, would erase). */
  erased: number;
}

/**
 * The anonymisation job's part in this subgraph: 12 months after a programme ends, every person
 * registered for it is erased (reason ANONYMISATION), unless they were also found eligible for a
 * programme not yet past its own retention period. Refused for a programme not yet due, against
 * this subgraph's replica of the programme. Idempotent: a second run erases nobody.
 */
export async function anonymiseBeneficiariesOfProgramme(
  db: DataSource,
  programmeId: string,
  options: { now?: Date; dryRun?: boolean; batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<AnonymisationRun> {
  const now = options.now ?? new Date();
  const programme = isUuid(programmeId) ? await programmeFactStore.byId(db, programmeId) : null;
  if (!programme) throw new AnonymisationRefused(`programme ${programmeId} not found`, 'UNKNOWN_PROGRAMME');
  if (!isAnonymisationDue(programme.validUntil, now)) {
    throw new AnonymisationRefused(
      `programme ${programmeId} ended on ${programme.validUntil}: its beneficiaries' data is kept until ${anonymisationDueOn(programme.validUntil)} (12 months after its end; today is ${parisDayOf(now)})`,
      'NOT_DUE',
    );
  }
  const ids = await beneficiaryStore.idsDueForAnonymisation(db, programmeId, firstEndDateStillRetained(now));
  if (options.dryRun) {
    options.onProgress?.(ids.length, ids.length);
    return { programmeId, erased: ids.length };
  }
  const batchSize = options.batchSize ?? 500;
  let erased = 0;
  options.onProgress?.(0, ids.length);
  for (let first = 0; first < ids.length; first += batchSize) {
    erased += (await db.transaction((tx) => eraseBeneficiaries(tx, ids.slice(first, first + batchSize), 'ANONYMISATION', now))).length;
    options.onProgress?.(Math.min(ids.length, first + batchSize), ids.length);
  }
  return { programmeId, erased };
}
