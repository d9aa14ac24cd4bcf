import { randomUUID } from 'node:crypto';
import { FunderKind, createProgramme, placeOrder, recordOrderPayment, registerFunder } from '@pass/programmes';
import { DistributorKind, registerBeneficiary, registerDistributor } from '@pass/beneficiaries';
import { WorkshopAxis, publishWorkshop, qualifyVenue, registerVenue, scheduleSession } from '@pass/venues';
import { allocateBooks, handOutBook, issueBooksOfOrder, redeemVoucher, type RedeemAnswer } from '@pass/vouchers';
import { accepted, type TestHub } from '@pass/test-kit';

/*
 * A programme whose validity window is over, set up through each subgraph's managers (the same
 * rules as the API). Managers take the clock as an argument, which the API cannot: that is how a
 * test registers people and redeems vouchers inside a window that has passed, then expires it.
 */

export interface PastProgramme {
  programmeId: string;
  funderIds: string[];
  venueId: string;
  /** The first of `sessionIds`. */
  sessionId: string;
  /** Sittings of the venue's workshop: one voucher pays one sitting, so a book needs one per voucher it redeems. */
  sessionIds: string[];
  distributorId: string;
  validFrom: string;
  validUntil: string;
  /** The venue's workshop, for sittings of other days (`sittingOn`). */
  workshopId: string;
}

const unique = () => randomUUID().slice(0, 8);

/** At noon UTC on a calendar day: the same day in Paris, whatever the season. */
export const noonOf = (day: string) => new Date(`${day}T12:00:00Z`);

export async function createPastProgramme(
  hub: TestHub,
  options: { basisPoints: number[]; validFrom: string; validUntil: string; sittings?: number; sittingsOn?: string },
): Promise<PastProgramme> {
  const { programmes, beneficiaries, venues } = hub.subgraphs;
  const suffix = unique();
  const funderIds: string[] = [];
  for (const [i] of options.basisPoints.entries()) {
    funderIds.push(accepted(await registerFunder(programmes.dataSource, { name: `Funder ${i + 1} ${suffix}`, kind: FunderKind.DEPARTMENT }), 'funder').id);
  }
  const programme = accepted(await createProgramme(programmes.dataSource, {
    name: `Past programme ${suffix}`,
    territory: ['commune:60175'],
    eligibility: { statusesAnyOf: [] },
    validFrom: options.validFrom,
    validUntil: options.validUntil,
    budgetCents: 1_000_000,
    shares: options.basisPoints.map((basisPoints, i) => ({ funderId: funderIds[i]!, basisPoints })),
  }), 'programme');
  const venue = await registerVenue(venues.dataSource, { name: `Venue ${suffix}`, inseeCode: '60175', address: 'Creil' });
  // Qualification checks the programme's territory in the venues subgraph's replica.
  await hub.catchUp();
  await qualifyVenue(venues.dataSource, venue.id, programme.id);
  const workshop = await publishWorkshop(venues.dataSource, {
    venueId: venue.id,
    axis: WorkshopAxis.DISCOVER,
    topic: 'Computer basics',
    durationMinutes: 60,
    seats: 100,
  });
  const sessionIds: string[] = [];
  for (let i = 0; i < (options.sittings ?? 1); i++) {
    // On the programme's first day unless told: a voucher is taken on its session's day or the 7 days after.
    const startsAt = new Date(noonOf(options.sittingsOn ?? options.validFrom).getTime() + i * 3_600_000);
    sessionIds.push((await scheduleSession(venues.dataSource, { workshopId: workshop.id, startsAt })).id);
  }
  const distributor = accepted(await registerDistributor(beneficiaries.dataSource, {
    name: `Distributor ${suffix}`,
    kind: DistributorKind.CCAS,
    inseeCode: '60175',
  }), 'distributor');
  await hub.catchUp();
  return {
    programmeId: programme.id,
    funderIds,
    venueId: venue.id,
    sessionId: sessionIds[0]!,
    sessionIds,
    distributorId: distributor.id,
    validFrom: options.validFrom,
    validUntil: options.validUntil,
    workshopId: workshop.id,
  };
}

const sittings = new Map<string, Promise<string>>();

/**
 * The `sitting`-th session of the programme's venue on a Paris day (at noon UTC plus `sitting`
 * hours), scheduled the first time it is asked for: a redemption on that day takes it.
 */
export function sittingOn(hub: TestHub, p: PastProgramme, day: string, sitting: number): Promise<string> {
  const key = `${p.workshopId}|${day}|${sitting}`;
  let session = sittings.get(key);
  if (!session) {
    session = (async () => {
      const startsAt = new Date(noonOf(day).getTime() + sitting * 3_600_000);
      const { id } = await scheduleSession(hub.subgraphs.venues.dataSource, { workshopId: p.workshopId, startsAt });
      await hub.catchUp();
      return id;
    })();
    sittings.set(key, session);
  }
  return session;
}

/** Places an order, pays it and issues its books; returns the order's id. */
export async function orderAndIssue(
  hub: TestHub,
  p: PastProgramme,
  order: { bookCount: number; vouchersPerBook: 5 | 10; faceValueCents: number; funderIndex?: number },
): Promise<string> {
  const placed = accepted(await placeOrder(hub.subgraphs.programmes.dataSource, {
    programmeId: p.programmeId,
    funderId: p.funderIds[order.funderIndex ?? 0]!,
    bookCount: order.bookCount,
    vouchersPerBook: order.vouchersPerBook,
    faceValueCents: order.faceValueCents,
  }), 'order');
  await recordOrderPayment(hub.subgraphs.programmes.dataSource, placed.id);
  await hub.catchUp();
  // Issued on the programme's first day: a programme that has ended takes no new vouchers.
  const issued = await issueBooksOfOrder(hub.subgraphs.vouchers.dataSource, placed.id, undefined, noonOf(p.validFrom));
  if (issued.error) throw new Error(issued.error.message);
  return placed.id;
}

/** Allocates books to the programme's distributor; returns their codes. */
export async function allocate(hub: TestHub, p: PastProgramme, quantity: number): Promise<string[]> {
  const allocated = await allocateBooks(hub.subgraphs.vouchers.dataSource, { programmeId: p.programmeId, distributorId: p.distributorId, quantity });
  if (!allocated.books) throw new Error(`allocation refused: ${allocated.error?.message}`);
  return allocated.books.map((b) => b.code);
}

/** Registers a person on `day` (inside the window) and hands them an allocated book. */
export async function handOut(hub: TestHub, p: PastProgramme, bookCode: string, day: string): Promise<void> {
  const at = noonOf(day);
  const registered = await registerBeneficiary(
    hub.subgraphs.beneficiaries.dataSource,
    { distributorId: p.distributorId, programmeId: p.programmeId, inseeCode: '60175', statuses: [], consentAt: at },
    at,
  );
  if (!registered.beneficiary) throw new Error(`registration refused: ${registered.error?.message}`);
  await hub.catchUp();
  const handed = await handOutBook(hub.subgraphs.vouchers.dataSource, {
    bookCode,
    beneficiaryId: registered.beneficiary.id,
    distributorId: p.distributorId,
  });
  if (!handed.book) throw new Error(`hand-out refused: ${handed.error.message}`);
}

/** The codes of a book's vouchers still usable, in code order. */
export async function availableVoucherCodes(hub: TestHub, bookCode: string): Promise<string[]> {
  const { body } = await hub.graphql(`query ($code: String!) { book(code: $code) { vouchers { code state } } }`, { code: bookCode });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data.book.vouchers.filter((v: { state: string }) => v.state === 'AVAILABLE').map((v: { code: string }) => v.code);
}

/** Redeems a voucher as if at `at`. */
export function redeemAt(hub: TestHub, voucherCode: string, sessionId: string, at: Date): Promise<RedeemAnswer> {
  return redeemVoucher(hub.subgraphs.vouchers.dataSource, { voucherCode, sessionId, idempotencyKey: `test-${randomUUID()}` }, null, at);
}
