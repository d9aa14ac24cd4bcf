import type { DataSource } from 'typeorm';
import type DataLoader from 'dataloader';
import { aggregateLoader, emptyPage, groupedLoader, keyedLoader, sharedWhileInFlight, type PageRequest, type SubgraphContext } from '@pass/kit';
import type { Book } from './book/book.entity';
import type { ReimbursementStatement } from './reimbursement/reimbursement-statement.entity';
import { activityStore } from './activity/activity.store';
import { bookStore } from './book/book.store';
import { beneficiaryFactStore } from './facts/beneficiary-fact.store';
import { programmeFactStore } from './facts/programme-fact.store';
import type { VenueDescribed } from '@pass/contracts';
import { venueFactStore } from './facts/venue-fact.store';
import { sessionFactStore } from './facts/session-fact.store';
import { expiryStore } from './expiry/expiry.store';
import type { FundingShareFact } from './expiry/credit-split';
import { programmeLedgers } from './ledger/ledger.store';
import { ProgrammeLedger } from './ledger/ledger.entity';
import { outcomeStore } from './outcome/outcome.store';
import type { Redemption } from './redemption/redemption.entity';
import { redemptionStore, type DistributorTotals, type ProgrammeStats, type RedemptionWith, type Totals } from './redemption/redemption.store';
import { reimbursementStore } from './reimbursement/reimbursement.store';
import { voucherStore } from './voucher/voucher.store';

/** Loaders that take a field argument (a page size, a month) get one loader per argument value. */
function perArgument<A, L>(make: (arg: A) => L): (arg: A) => L {
  const made = new Map<A, L>();
  return (arg) => {
    let loader = made.get(arg);
    if (!loader) {
      loader = make(arg);
      made.set(arg, loader);
    }
    return loader;
  };
}

const noStats = (): ProgrammeStats => ({
  booksIssued: 0,
  booksAllocated: 0,
  booksHandedOut: 0,
  vouchersIssued: 0,
  vouchersRedeemed: 0,
  vouchersBlocked: 0,
  issuedCents: 0,
  redeemedCents: 0,
  outstandingCents: 0,
});

/**
 * A programme's statistical views, read once for every identical request under way (kit's
 * `sharedWhileInFlight`): an analyst's aliases of one field come as separate subgraph requests.
 * One set per DataSource, i.e. per process, while the per-request loaders come and go.
 */
function sharedViewsOf(db: DataSource) {
  return {
    byDay: sharedWhileInFlight((ids: string[]) => activityStore.byDay(db, ids)),
    byCommune: sharedWhileInFlight((ids: string[]) => activityStore.byCommune(db, ids)),
    byVenueAndCommune: sharedWhileInFlight((ids: string[]) => activityStore.byVenueAndCommune(db, ids)),
    venueActivity: sharedWhileInFlight((ids: string[]) => redemptionStore.venueActivityOfProgrammes(db, ids)),
    distributorActivity: sharedWhileInFlight((ids: string[]) => redemptionStore.distributorActivityOfProgrammes(db, ids)),
  };
}
const sharedViews = new WeakMap<DataSource, ReturnType<typeof sharedViewsOf>>();

export function createLoaders(db: DataSource) {
  let views = sharedViews.get(db);
  if (!views) {
    views = sharedViewsOf(db);
    sharedViews.set(db, views);
  }
  const voucher = keyedLoader('Voucher', (ids) => voucherStore.byIds(db, ids), (v) => v.id);
  const programmeName = keyedLoader('Programme', (ids) => programmeFactStore.namesOf(db, ids), (p) => p.id);
  const venueFact = aggregateLoader((ids) => venueFactStore.byIds(db, ids), (): VenueDescribed | null => null);
  /** What came joined with redemptions primes the loaders that would read it (redemption.store.ts, `countedRedemptionsWith`). */
  const primedBy = (rows: RedemptionWith[]): Redemption[] =>
    rows.map((row) => {
      const { redemption } = row;
      if (row.voucher) voucher.prime(row.voucher.id, row.voucher);
      if (row.programmeName) programmeName.prime(redemption.programmeId, { id: redemption.programmeId, name: row.programmeName });
      if (row.venue) venueFact.prime(redemption.venueId, row.venue);
      return redemption;
    });
  return {
    book: keyedLoader('Book', (ids) => bookStore.byIds(db, ids), (b) => b.id),
    voucher,
    redemption: keyedLoader('Redemption', (ids) => redemptionStore.byIds(db, ids), (r) => r.id),
    vouchersOfBook: groupedLoader((ids) => voucherStore.ofBooks(db, ids), (v) => v.bookId),
    // Keyed by the page asked for: distributors asked the same page share one statement.
    booksOfDistributor: perArgument((page: string) => {
      const request = JSON.parse(page) as PageRequest;
      return aggregateLoader((ids) => bookStore.pagesOfDistributors(db, ids, request), () => emptyPage<Book>());
    }),
    booksOfBeneficiary: groupedLoader((ids) => bookStore.ofBeneficiaries(db, ids), (b) => b.beneficiaryId as string),
    redemptionsOfSession: groupedLoader(async (ids) => primedBy(await redemptionStore.ofSessions(db, ids)), (r) => r.sessionId),
    redemptionsOfBook: groupedLoader(async (ids) => primedBy(await redemptionStore.ofBooks(db, ids)), (r) => r.bookId),
    redemptionOfVoucher: groupedLoader((ids) => redemptionStore.ofVouchers(db, ids), (r) => r.voucherId),
    programmeName,
    venueFact,
    fundersOfProgramme: aggregateLoader((ids) => programmeFactStore.fundersOfProgrammes(db, ids), (): string[] => []),
    sharesOfProgramme: aggregateLoader((ids) => programmeFactStore.sharesOfProgrammes(db, ids), (): FundingShareFact[] => []),
    venueOfSession: aggregateLoader((ids) => sessionFactStore.venuesOfSessions(db, ids), (): string | null => null),
    distributorOfBeneficiary: aggregateLoader(
      (ids) => beneficiaryFactStore.distributorsOfBeneficiaries(db, ids),
      (): string | null => null,
    ),
    programmeStats: aggregateLoader((ids) => redemptionStore.programmeStats(db, ids), noStats),
    // Read with the venues' names (the view is shared between requests; the priming is this request's).
    venueActivityOfProgramme: groupedLoader(
      async (ids) =>
        (await views.venueActivity(ids)).map((row) => {
          if (row.venue) venueFact.prime(row.venueId, row.venue);
          return row;
        }),
      (r) => r.programmeId,
    ),
    distributorActivityOfProgramme: groupedLoader(views.distributorActivity, (r) => r.programmeId),
    venueTotals: perArgument(
      (month: string | null): DataLoader<string, Totals> =>
        aggregateLoader((ids) => redemptionStore.venueTotals(db, ids, month), () => ({ count: 0, amountCents: 0 })),
    ),
    statement: keyedLoader('ReimbursementStatement', (ids) => reimbursementStore.byIds(db, ids), (s) => s.id),
    // Keyed by the page asked for, as booksOfDistributor.
    statementsOfVenue: perArgument((page: string) => {
      const request = JSON.parse(page) as PageRequest;
      return aggregateLoader((ids) => reimbursementStore.pagesOfVenues(db, ids, request), () => emptyPage<ReimbursementStatement>());
    }),
    statementOfVenueInMonth: perArgument((month: string) =>
      aggregateLoader<ReimbursementStatement | null>((ids) => reimbursementStore.ofVenuesInMonth(db, ids, month), (): ReimbursementStatement | null => null),
    ),
    linesOfStatement: groupedLoader((ids) => reimbursementStore.linesOf(db, ids), (l) => l.statementId),
    correctionsOfStatement: groupedLoader((ids) => reimbursementStore.correctionsOf(db, ids), (c) => c.statementId ?? ''),
    creditsOfProgramme: groupedLoader((ids) => expiryStore.creditsOfProgrammes(db, ids), (c) => c.programmeId),
    ledger: aggregateLoader(
      (ids) => programmeLedgers(db, ids),
      () => Object.assign(new ProgrammeLedger(), { orderedCents: 0, redeemedCents: 0, outstandingCents: 0, creditedBackCents: 0 }),
    ),
    redemptionsByDay: groupedLoader(views.byDay, (r) => r.programmeId),
    redemptionsByCommune: groupedLoader(views.byCommune, (r) => r.programmeId),
    redemptionCells: groupedLoader(views.byVenueAndCommune, (r) => r.programmeId),
    seatsLeft: aggregateLoader((ids) => activityStore.seatsLeft(db, ids), (): number | null => null),
    outcomesOfBook: groupedLoader((ids) => outcomeStore.ofBooks(db, ids), (o) => o.bookId),
    distributorTotals: aggregateLoader(
      (ids) => redemptionStore.distributorTotals(db, ids),
      (): DistributorTotals => ({ booksAllocated: 0, booksHandedOut: 0, vouchersRedeemed: 0 }),
    ),
  };
}

export type Context = SubgraphContext<ReturnType<typeof createLoaders>>;
