import type { DataSource } from 'typeorm';
import { NotFoundError, isUuid, refusal, type Refusal } from '@pass/kit';
import { parisDayOf } from '@pass/contracts';
import { creditsFor } from './credit-split';
import { expiryStore } from './expiry.store';
import { tallyStore } from '../tally/tally.store';
import type { ProgrammeRef } from '../programme/programme.entity';
import type { Credit, ExpiryReport } from './expiry.entity';
import { ExpireProgrammeErrorCode } from './expiry.inputs';

/** What expireProgramme answers (its payload): what this call blocked and credited, or the refusal. */
export type ExpireProgrammeAnswer =
  | { programme: ProgrammeRef; vouchersBlocked: number; blockedCents: number; credits: Credit[]; error: null }
  | { programme: null; vouchersBlocked: null; blockedCents: null; credits: null; error: Refusal<ExpireProgrammeErrorCode> };

const expiryRefused = (code: ExpireProgrammeErrorCode, message: string): ExpireProgrammeAnswer => ({
  programme: null,
  vouchersBlocked: null,
  blockedCents: null,
  credits: null,
  error: refusal(code, message),
});

/**
 * Ends a programme whose last day has passed: every voucher still usable is blocked and its face
 * value is credited back to the funders by their shares, to the cent — all in one transaction,
 * so the money is never blocked without being credited. Running it again finds nothing left to
 * block and credits nothing; vouchers issued after an expiry are caught by the next run.
 */
export async function expireProgramme(db: DataSource, programmeId: string, now = new Date()): Promise<ExpireProgrammeAnswer> {
  const notFound = () => expiryRefused(ExpireProgrammeErrorCode.PROGRAMME_NOT_FOUND, `no programme ${programmeId}`);
  if (!isUuid(programmeId)) return notFound();
  return db.transaction(async (tx) => {
    const programme = await expiryStore.programmeForExpiry(tx, programmeId);
    if (!programme) return notFound();
    const today = parisDayOf(now);
    if (today <= programme.validUntil) {
      return expiryRefused(
        ExpireProgrammeErrorCode.PROGRAMME_STILL_VALID,
        `vouchers can be redeemed until ${programme.validUntil} inclusive (it is ${today} in Paris)`,
      );
    }
    // One statement per state left, so the tallies move each from the state it left.
    const blocked = { vouchers: 0, cents: 0 };
    for (const state of ['AVAILABLE', 'LOST'] as const) {
      const shards = await expiryStore.blockVouchers(tx, programmeId, state);
      await tallyStore.moveShards(tx, shards, state, 'BLOCKED');
      for (const shard of shards) {
        blocked.vouchers += shard.count;
        blocked.cents += shard.cents;
      }
    }
    const credits = creditsFor(blocked.cents, programme.shares);
    if (blocked.vouchers > 0) {
      await expiryStore.recordExpiry(tx, { programmeId, vouchersBlocked: blocked.vouchers, blockedCents: blocked.cents, credits, now });
    }
    return {
      programme: { id: programmeId },
      vouchersBlocked: blocked.vouchers,
      blockedCents: blocked.cents,
      credits: credits.map((c) => ({ funder: { id: c.funderId }, amountCents: c.amountCents })),
      error: null,
    };
  });
}

/** The D-30 alert: how far a programme's books went, overall and per distributor. */
export async function expiryReport(db: DataSource, programmeId: string): Promise<ExpiryReport> {
  if (!isUuid(programmeId)) throw new NotFoundError('Programme', programmeId);
  // Read from the running tallies (a few rows), not by counting the programme's vouchers and books.
  const [window, counts, tallies] = await Promise.all([
    expiryStore.programmeWindow(db, programmeId),
    tallyStore.booksOf(db, programmeId),
    tallyStore.ofProgrammes(db, [programmeId]),
  ]);
  const { vouchers: tally } = tallies.get(programmeId)!;
  const available = { vouchers: tally.available, cents: tally.availableCents };
  if (!window) throw new NotFoundError('Programme', programmeId);
  const sum = (pick: (c: (typeof counts)[number]) => number) => counts.reduce((total, c) => total + pick(c), 0);
  const booksIssued = sum((c) => c.books);
  const booksHandedOut = sum((c) => c.handedOut);
  return {
    programme: { id: programmeId },
    validUntil: window.validUntil,
    alertOn: window.alertOn,
    booksIssued,
    booksNotAllocated: counts.find((c) => c.distributorId === null)?.books ?? 0,
    booksHandedOut,
    booksNeverHandedOut: booksIssued - booksHandedOut,
    booksStarted: sum((c) => c.started),
    vouchersAvailable: available.vouchers,
    availableCents: available.cents,
    distributors: counts.flatMap((c) =>
      c.distributorId === null
        ? []
        : [
            {
              distributor: { id: c.distributorId },
              booksAllocated: c.books,
              booksHandedOut: c.handedOut,
              booksNeverHandedOut: c.books - c.handedOut,
              booksStarted: c.started,
            },
          ],
    ),
  };
}
