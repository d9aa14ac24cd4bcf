import type { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '@pass/kit';
import { anonymisationDueOn, firstEndDateStillRetained, isAnonymisationDue, parisDayOf } from '@pass/contracts';
import { beneficiaryFactStore } from '../facts/beneficiary-fact.store';
import { programmeFactStore } from '../facts/programme-fact.store';
import { unlinkBooks } from '../book/book.store';
import { outcomeStore } from '../outcome/outcome.store';
import { privacyStore } from './privacy.store';

/**
 * What this subgraph holds about a person: the replica of their registration (`beneficiary_fact`:
 * id, registering distributor, programmes), the link from the books handed to them, and the
 * outcomes venues recorded for those books (PIX score, skills, free-text note). Erasing strips all
 * of it and nothing else: books, vouchers, redemptions, statements and credits stay as they are,
 * so every count and amount is unchanged.
 */
export async function eraseInVouchers(manager: EntityManager, beneficiaryIds: string[], now: Date): Promise<{ books: number; outcomes: number; registrations: number }> {
  if (beneficiaryIds.length === 0) return { books: 0, outcomes: 0, registrations: 0 };
  const books = await unlinkBooks(manager, beneficiaryIds, now);
  const outcomes = books.length === 0 ? 0 : await outcomeStore.strip(manager, books, now);
  const registrations = await beneficiaryFactStore.erase(manager, beneficiaryIds);
  return { books: books.length, outcomes, registrations };
}

export class VouchersAnonymisationRefused extends Error {
  constructor(
    message: string,
    readonly code: 'UNKNOWN_PROGRAMME' | 'NOT_DUE',
  ) {
    super(message);
  }
}

/**
 * The anonymisation job's part in this subgraph, for one programme past its retention period
 * (checked against this subgraph's replica): every handed-out book of the programme loses its link
 * to the person and its outcomes are stripped; the registration replicas of people found eligible
 * only for programmes past their retention period go. People erased in the beneficiaries subgraph
 * reach here by `beneficiary.erased` as well; both paths strip the same rows, and a second run
 * changes nothing.
 */
export async function anonymiseVouchersOfProgramme(
  db: DataSource,
  programmeId: string,
  options: { now?: Date; dryRun?: boolean; batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ programmeId: string; books: number; outcomes: number; registrations: number }> {
  const now = options.now ?? new Date();
  const validUntil = isUuid(programmeId) ? await programmeFactStore.validUntil(db, programmeId) : null;
  if (!validUntil) throw new VouchersAnonymisationRefused(`programme ${programmeId} not found`, 'UNKNOWN_PROGRAMME');
  if (!isAnonymisationDue(validUntil, now)) {
    throw new VouchersAnonymisationRefused(
      `programme ${programmeId} ended on ${validUntil}: kept until ${anonymisationDueOn(validUntil)} (today is ${parisDayOf(now)})`,
      'NOT_DUE',
    );
  }
  // Holders of the programme's books, unless also registered for a programme still retained.
  const ids = await privacyStore.holdersPastRetention(db, programmeId, firstEndDateStillRetained(now));
  const registrations = await beneficiaryFactStore.onlyPastRetention(db, programmeId, firstEndDateStillRetained(now));
  if (options.dryRun) {
    options.onProgress?.(ids.length, ids.length);
    const linked = await privacyStore.linkedTo(db, ids);
    const facts = await beneficiaryFactStore.count(db, [...new Set([...ids, ...registrations])]);
    return { programmeId, books: linked.books, outcomes: linked.outcomes, registrations: facts };
  }
  const batchSize = options.batchSize ?? 500;
  let books = 0;
  let outcomes = 0;
  let facts = 0;
  options.onProgress?.(0, ids.length);
  for (let first = 0; first < ids.length; first += batchSize) {
    const done = await db.transaction((tx) => eraseInVouchers(tx, ids.slice(first, first + batchSize), now));
    books += done.books;
    outcomes += done.outcomes;
    facts += done.registrations;
    options.onProgress?.(Math.min(ids.length, first + batchSize), ids.length);
  }
  const gone = await beneficiaryFactStore.erase(db, registrations);
  return { programmeId, books, outcomes, registrations: facts + gone };
}
