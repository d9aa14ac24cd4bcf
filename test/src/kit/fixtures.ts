import { randomUUID } from 'node:crypto';
import { Role } from '@pass/access';
import type { TestHub } from './index';

/*
 * The one place end-to-end suites seed from. Every step goes through the gateway's GraphQL as the
 * partner who would take it, with the token the test kit mints for that partner: the operator
 * registers funders, distributors and venues, records payments, issues books, closes months and
 * expires programmes; a funder orders books and gives them to distributors; a programme's
 * coordinator qualifies venues; a distributor registers people and hands books out; a venue
 * publishes workshops, schedules sessions and redeems. So seeding obeys the same access rules and
 * domain rules as partners, and a suite reaches no subgraph's managers or tables to set up.
 *
 * Each mutation has one document and one small function here, which fails loudly on a GraphQL
 * error or a refusal in the payload (`error { code message }`): when a mutation's shape changes
 * (one `input`, a payload with `result` and `error`), this file is the only one to edit. Suites
 * that assert a mutation's own answers or refusals keep their own documents.
 *
 * Dates: a step that must happen at another date runs inside `atTime(hub, date, …)`, which moves
 * the clock the subgraphs' rules read (`hub.clock`, in either layout) and gives it back.
 *
 * The gateway rate-limits per token; a step that sends many requests mints its own token, as a
 * partner's own device would have, so a test never trips the limit by accident.
 */

// ---------------------------------------------------------------------------------------------
// Partners' tokens and requests

export const venueToken = (hub: TestHub, venueId: string) => hub.tokenFor({ role: Role.VENUE, organisationId: venueId });
export const distributorToken = (hub: TestHub, distributorId: string) => hub.tokenFor({ role: Role.DISTRIBUTOR, organisationId: distributorId });
export const funderToken = (hub: TestHub, funderId: string) => hub.tokenFor({ role: Role.FUNDER, organisationId: funderId });
/** The coordinator of one programme (a département's or an intercommunality's digital inclusion team). */
export const coordinatorToken = (hub: TestHub, programmeId: string) =>
  hub.tokenFor({ role: Role.COORDINATOR, organisationId: `coordination-${programmeId.slice(0, 8)}`, programmeIds: [programmeId] });

/** Tokens of one venue, enough that a burst stays under the per-token rate limit. */
export const venueTokens = (hub: TestHub, venueId: string, count: number) => Promise.all(Array.from({ length: count }, () => venueToken(hub, venueId)));

/**
 * Sends one operation (as the operator unless a token is given) and returns its data, failing
 * loudly on any GraphQL error.
 */
export async function gql<T = any>(hub: TestHub, query: string, variables?: Record<string, unknown>, token?: string): Promise<T> {
  const { status, body } = token ? await hub.graphqlAs<T>(token, query, variables) : await hub.graphql<T>(query, variables);
  if (status !== 200 || body.errors || !body.data) {
    throw new Error(`GraphQL request failed (${status}): ${JSON.stringify(body.errors ?? body)}`);
  }
  return body.data;
}

/** A mutation's typed refusal (its payload's `error`), thrown by the seeding functions. */
export class Refused extends Error {
  constructor(
    readonly mutation: string,
    readonly code: string,
    message: string,
  ) {
    super(`seeding ${mutation} refused: ${code} ${message}`);
  }
}

/**
 * For a step that a test expects may be refused: its result, or the refusal's code (any other
 * failure still throws).
 */
export async function attempt<T>(step: Promise<T>): Promise<{ value: T; refusal: null } | { value: null; refusal: string }> {
  try {
    return { value: await step, refusal: null };
  } catch (err) {
    if (err instanceof Refused) return { value: null, refusal: err.code };
    throw err;
  }
}

/**
 * A seeding call as a partner's client should make it: a 429 (over the token's budget or its
 * in-flight cap) is refused before anything runs, so it is sent again after a second, up to 30
 * times. Seeding 215 people and their books from one distributor token in waves of ten (the live
 * suites) outran the token's 50 units a second once the hub got faster, and failed on a 429 that
 * a real client would simply have waited out.
 */
async function asPoliteClient<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (err) {
      if (attempt >= 30 || !(err instanceof Error) || !err.message.includes('GraphQL request failed (429)')) throw err;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

/**
 * Runs one seeding mutation and returns its root field's answer; a refusal in the payload
 * (`error` set) throws `Refused`, naming the mutation, the code and the message.
 */
async function seed<T>(hub: TestHub, field: string, document: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const data = await asPoliteClient(() => gql<Record<string, any>>(hub, document, variables, token)).catch((err: Error) => {
    throw new Error(`seeding ${field} failed: ${err.message}`);
  });
  const answer = data[field];
  if (answer && typeof answer === 'object' && 'error' in answer && answer.error) {
    const reasons = answer.ineligibilityReasons?.length ? ` ${JSON.stringify(answer.ineligibilityReasons)}` : '';
    throw new Refused(field, answer.error.code, `${answer.error.message}${reasons}`);
  }
  return answer as T;
}

// ---------------------------------------------------------------------------------------------
// The clock

let clockHolders = 0;

/**
 * Runs `step` with the subgraphs' rules reading `when` as the time (a redemption's day, a month
 * that has ended, a programme's last day), then gives the real time back. Steps at the same time
 * may overlap; steps at different times may not (the clock is one for the whole hub).
 */
export async function atTime<T>(hub: TestHub, when: Date, step: () => Promise<T>): Promise<T> {
  const current = hub.clock.now();
  if (clockHolders > 0 && current?.getTime() !== when.getTime()) {
    throw new Error(`the hub's clock is held at ${current?.toISOString()}: steps at ${when.toISOString()} must wait`);
  }
  hub.clock.set(when);
  clockHolders++;
  try {
    return await step();
  } finally {
    if (--clockHolders === 0) hub.clock.reset();
  }
}

/** The time the subgraphs' rules read: the real time unless a step moved the clock. */
const hubNow = (hub: TestHub): Date => hub.clock.now() ?? new Date();

/** At noon UTC on a calendar day: the same day in Paris, whatever the season. */
export const noonOf = (day: string) => new Date(`${day}T12:00:00Z`);

// ---------------------------------------------------------------------------------------------
// One function per mutation (today's shapes)

/** Operator. */
export async function registerFunder(hub: TestHub, input: { name: string; kind: string }): Promise<string> {
  const answer = await seed<{ funder: { id: string } }>(
    hub,
    'registerFunder',
    `mutation ($input: RegisterFunderInput!) { registerFunder(input: $input) { funder { id } error { code message } } }`,
    { input },
  );
  return answer.funder.id;
}

export interface ProgrammeInput {
  name: string;
  territory: string[];
  eligibility: { minAge?: number; maxAge?: number; maxEducationLevel?: string; statusesAnyOf: string[] };
  validFrom: string;
  validUntil: string;
  budgetCents: number;
  shares: { funderId: string; basisPoints: number }[];
}

/** The operator, from the signed agreements: every share is accepted at once. */
export async function createProgramme(hub: TestHub, input: ProgrammeInput): Promise<string> {
  const answer = await seed<{ programme: { id: string } }>(
    hub,
    'createProgramme',
    `mutation ($input: CreateProgrammeInput!) { createProgramme(input: $input) { programme { id } error { code message } } }`,
    { input },
  );
  return answer.programme.id;
}

/** The funder paying for the order. */
export async function placeOrder(
  hub: TestHub,
  input: { programmeId: string; funderId: string; bookCount: number; vouchersPerBook?: number; faceValueCents?: number },
): Promise<string> {
  const answer = await seed<{ order: { id: string } }>(
    hub,
    'placeOrder',
    `mutation ($input: PlaceOrderInput!) { placeOrder(input: $input) { order { id } error { code message } } }`,
    { input },
    await funderToken(hub, input.funderId),
  );
  return answer.order.id;
}

/** The operator, once the funder's payment arrived. */
export async function recordOrderPayment(hub: TestHub, orderId: string): Promise<void> {
  await seed(
    hub,
    'recordOrderPayment',
    `mutation ($input: RecordOrderPaymentInput!) { recordOrderPayment(input: $input) { order { id } error { code message } } }`,
    { input: { orderId } },
  );
}

/** The operator, once the order is paid (and known to the vouchers subgraph: call `hub.catchUp()` first). */
export async function issueBooks(hub: TestHub, orderId: string): Promise<{ booksIssued: number; vouchersIssued: number }> {
  return seed(
    hub,
    'issueBooks',
    `mutation ($input: IssueBooksInput!) { issueBooks(input: $input) { booksIssued vouchersIssued error { code message } } }`,
    { input: { orderId } },
  );
}

/** Operator. */
export async function registerDistributor(hub: TestHub, input: { name: string; kind: string; inseeCode: string }): Promise<string> {
  const answer = await seed<{ distributor: { id: string } }>(
    hub,
    'registerDistributor',
    `mutation ($input: RegisterDistributorInput!) { registerDistributor(input: $input) { distributor { id } error { code message } } }`,
    { input },
  );
  return answer.distributor.id;
}

export interface PersonInput {
  birthYear?: number | null;
  inseeCode: string;
  educationLevel?: string | null;
  statuses: string[];
}

export const REGISTER_BENEFICIARY = `mutation Register($input: RegisterBeneficiaryInput!) {
  registerBeneficiary(input: $input) { beneficiary { id pseudonym } ineligibilityReasons error { code message } }
}`;

/** The distributor; consent a minute before the (hub's) time unless given. Does not wait for the replicas. */
export async function registerBeneficiary(
  hub: TestHub,
  input: PersonInput & { distributorId: string; programmeId: string; consentAt?: Date },
  token?: string,
): Promise<string> {
  const consentAt = input.consentAt ?? new Date(hubNow(hub).getTime() - 60_000);
  const answer = await seed<{ beneficiary: { id: string } }>(
    hub,
    'registerBeneficiary',
    REGISTER_BENEFICIARY,
    { input: { ...input, consentAt: consentAt.toISOString() } },
    token ?? (await distributorToken(hub, input.distributorId)),
  );
  return answer.beneficiary.id;
}

/**
 * A funder of the programme when given (who gives books to distributors), else the operator.
 * Returns the books' codes, and their vouchers' codes to the operator only (a funder may not read them).
 */
export async function allocateBooks(
  hub: TestHub,
  input: { programmeId: string; distributorId: string; quantity: number },
  funderId?: string,
): Promise<{ code: string; vouchers?: { code: string }[] }[]> {
  const answer = await seed<{ books: { code: string; vouchers?: { code: string }[] }[] }>(
    hub,
    'allocateBooks',
    `mutation ($input: AllocateBooksInput!, $asOperator: Boolean!) {
      allocateBooks(input: $input) { books { code vouchers @include(if: $asOperator) { code } } error { code message } }
    }`,
    { input, asOperator: !funderId },
    funderId ? await funderToken(hub, funderId) : undefined,
  );
  return answer.books;
}

export const HAND_OUT = `mutation HandOut($input: HandOutBookInput!) {
  handOutBook(input: $input) { book { code state beneficiary { id } vouchers { code state } } error { code message } }
}`;

/** The distributor holding the book; returns the codes of its vouchers. */
export async function handOutBook(hub: TestHub, input: { bookCode: string; beneficiaryId: string; distributorId: string }, token?: string): Promise<string[]> {
  const answer = await seed<{ book: { vouchers: { code: string }[] } }>(hub, 'handOutBook', HAND_OUT, { input }, token ?? (await distributorToken(hub, input.distributorId)));
  return answer.book.vouchers.map((v) => v.code);
}

/** Operator; returns the venue's id. */
export async function registerVenue(hub: TestHub, input: { name: string; address: string; inseeCode: string; postcode?: string }): Promise<string> {
  const answer = await seed<{ venue: { id: string } }>(
    hub,
    'registerVenue',
    `mutation ($input: RegisterVenueInput!) { registerVenue(input: $input) { venue { id } error { code message } } }`,
    { input },
  );
  return answer.venue.id;
}

/** The programme's coordinator. The venues subgraph must know the programme: call `hub.catchUp()` after creating it. */
export async function qualifyVenue(hub: TestHub, input: { venueId: string; programmeId: string }): Promise<void> {
  await seed(
    hub,
    'qualifyVenue',
    `mutation ($input: QualifyVenueInput!) { qualifyVenue(input: $input) { venue { id } error { code message } } }`,
    { input },
    await coordinatorToken(hub, input.programmeId),
  );
}

/** The venue; returns the workshop's id. */
export async function publishWorkshop(
  hub: TestHub,
  input: { venueId: string; axis: string; topic: string; durationMinutes: number; seats: number },
  token?: string,
): Promise<string> {
  const answer = await seed<{ workshop: { id: string } }>(
    hub,
    'publishWorkshop',
    `mutation ($input: PublishWorkshopInput!) { publishWorkshop(input: $input) { workshop { id } error { code message } } }`,
    { input },
    token ?? (await venueToken(hub, input.venueId)),
  );
  return answer.workshop.id;
}

/** The venue running the workshop; returns the session's id. Does not wait for the replicas. */
export async function scheduleSession(hub: TestHub, input: { venueId: string; workshopId: string; startsAt: Date; seats?: number }, token?: string): Promise<string> {
  const answer = await seed<{ session: { id: string } }>(
    hub,
    'scheduleSession',
    `mutation ($input: ScheduleSessionInput!) { scheduleSession(input: $input) { session { id } error { code message } } }`,
    { input: { workshopId: input.workshopId, startsAt: input.startsAt.toISOString(), seats: input.seats ?? null } },
    token ?? (await venueToken(hub, input.venueId)),
  );
  return answer.session.id;
}

export const REDEEM = `mutation Redeem($input: RedeemVoucherInput!) {
  redeemVoucher(input: $input) {
    redemption { id cursor amountCents redeemedAt session { id } venue { id } voucher { code state } }
    error { code message }
  }
}`;

export interface RedeemAnswer {
  redemption: {
    id: string;
    cursor: string;
    amountCents: number;
    redeemedAt: string;
    session: { id: string };
    venue: { id: string };
    voucher: { code: string; state: string };
  } | null;
  error: { code: string; message: string } | null;
}

/**
 * The venue whose token is given, with a fresh idempotency key unless one is given. Returns the
 * payload, refusal included: suites assert on it. (`redeemed` is the seeding step that throws.)
 */
export async function redeem(hub: TestHub, token: string, input: { voucherCode: string; sessionId: string; idempotencyKey?: string }): Promise<RedeemAnswer> {
  const data = await gql<{ redeemVoucher: RedeemAnswer }>(hub, REDEEM, { input: { idempotencyKey: `test-${randomUUID()}`, ...input } }, token);
  return data.redeemVoucher;
}

/** A redemption a test needs done: a refusal throws. */
export async function redeemed(hub: TestHub, token: string, input: { voucherCode: string; sessionId: string; idempotencyKey?: string }): Promise<NonNullable<RedeemAnswer['redemption']>> {
  const answer = await seed<RedeemAnswer>(hub, 'redeemVoucher', REDEEM, { input: { idempotencyKey: `test-${randomUUID()}`, ...input } }, token);
  return answer.redemption!;
}

/** The venue that redeemed, before the month is closed: the voucher is usable again. */
export async function cancelRedemption(hub: TestHub, venueId: string, redemptionId: string): Promise<void> {
  await seed(
    hub,
    'cancelRedemption',
    `mutation ($input: CancelRedemptionInput!) { cancelRedemption(input: $input) { cancelledRedemption { id } error { code message } } }`,
    { input: { redemptionId } },
    await venueToken(hub, venueId),
  );
}

/** The distributor holding the book; returns how many vouchers it blocked. */
export async function reportBookLost(hub: TestHub, input: { bookCode: string; distributorId: string }): Promise<{ vouchersBlocked: number }> {
  return seed(
    hub,
    'reportBookLost',
    `mutation ($input: ReportBookLostInput!) { reportBookLost(input: $input) { vouchersBlocked error { code message } } }`,
    { input },
    await distributorToken(hub, input.distributorId),
  );
}

/** Operator: takes back a redemption paid on a closed month's statement. */
export async function correctRedemption(hub: TestHub, input: { redemptionId: string; reason: string }): Promise<void> {
  await seed(
    hub,
    'correctRedemption',
    `mutation ($input: CorrectRedemptionInput!) { correctRedemption(input: $input) { correction { id } error { code message } } }`,
    { input },
  );
}

export interface ClosedMonth {
  month: string;
  statements: { id: string; venue: { id: string }; totalCents: number; lineCount: number }[];
}

/** Operator: writes the statements of an ended month (by the hub's clock). */
export async function closeMonth(hub: TestHub, month: string): Promise<ClosedMonth> {
  const answer = await seed<{ statements: ClosedMonth['statements'] }>(
    hub,
    'closeMonth',
    `mutation ($input: CloseMonthInput!) { closeMonth(input: $input) { statements { id venue { id } totalCents lineCount } error { code message } } }`,
    { input: { month } },
  );
  return { month, statements: answer.statements };
}

export interface Expiry {
  vouchersBlocked: number;
  blockedCents: number;
  credits: { funder: { id: string }; amountCents: number }[];
}

/** Operator: once the programme's last day has passed (by the hub's clock). */
export async function expireProgramme(hub: TestHub, programmeId: string): Promise<Expiry> {
  return seed<Expiry>(
    hub,
    'expireProgramme',
    `mutation ($input: ExpireProgrammeInput!) { expireProgramme(input: $input) { vouchersBlocked blockedCents credits { funder { id } amountCents } error { code message } } }`,
    { input: { programmeId } },
  );
}

// ---------------------------------------------------------------------------------------------
// Steps made of those mutations

/** Runs `count` calls, `concurrency` at a time, and returns their results in order. */
export async function inWaves<T>(count: number, concurrency: number, call: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let first = 0; first < count; first += concurrency) {
    const wave = Array.from({ length: Math.min(concurrency, count - first) }, (_, i) => call(first + i));
    results.push(...(await Promise.all(wave)));
  }
  return results;
}

/** Someone the CSO programme admits: 20, CAP/BEP, job seeker, living in Creil. */
export function csoPerson(): PersonInput {
  return { birthYear: new Date().getUTCFullYear() - 20, inseeCode: '60175', educationLevel: 'CAP_BEP', statuses: ['JOB_SEEKER'] };
}

/** Registers an eligible person and waits until the vouchers subgraph knows them. */
export async function registerEligible(hub: TestHub, distributorId: string, programmeId: string, person: PersonInput = csoPerson()): Promise<string> {
  const id = await registerBeneficiary(hub, { ...person, distributorId, programmeId });
  await hub.catchUp();
  return id;
}

/** Allocates `quantity` more books of a programme to a distributor (as the operator); returns their codes and voucher codes. */
export async function allocate(hub: TestHub, programmeId: string, distributorId: string, quantity = 1): Promise<{ code: string; vouchers: { code: string }[] }[]> {
  return (await allocateBooks(hub, { programmeId, distributorId, quantity })).map((book) => ({ code: book.code, vouchers: book.vouchers! }));
}

export interface FreshBook {
  bookCode: string;
  beneficiaryId: string;
  voucherCodes: string[];
}

/** A new person registered, a new book allocated and handed to them: all its vouchers are usable. */
export async function handOutFreshBook(hub: TestHub, programmeId: string, distributorId: string, person?: PersonInput): Promise<FreshBook> {
  const beneficiaryId = await registerEligible(hub, distributorId, programmeId, person);
  const [book] = await allocate(hub, programmeId, distributorId, 1);
  if (!book) throw new Error('no book allocated');
  const voucherCodes = await handOutBook(hub, { bookCode: book.code, beneficiaryId, distributorId });
  return { bookCode: book.code, beneficiaryId, voucherCodes };
}

/**
 * Publishes a workshop at a venue and schedules `count` sessions of it, a minute apart and
 * ending a minute before `at` (now unless given), then waits until the vouchers subgraph can
 * redeem against them. A voucher is taken on its session's Paris day or up to 7 days after, so a
 * test that redeems at another time schedules its sessions at that time.
 */
export async function scheduleSessions(hub: TestHub, venueId: string, count: number, seats = 12, at?: Date): Promise<string[]> {
  const token = await venueToken(hub, venueId);
  const workshopId = await publishWorkshop(hub, { venueId, axis: 'MASTER', topic: 'Online admin procedures', durationMinutes: 90, seats }, token);
  // A few at a time: the point is many sessions, not a load test of scheduling (and one token
  // may have at most 16 requests in flight).
  const ids = await inWaves(count, 8, (i) =>
    scheduleSession(hub, { venueId, workshopId, startsAt: new Date((at ?? new Date()).getTime() - (i + 1) * 60_000) }, token),
  );
  await hub.catchUp();
  return ids;
}

export interface SmallProgramme {
  programmeId: string;
  funderId: string;
  distributorId: string;
  venueId: string;
}

/**
 * A small programme of the Creil Sud Oise territory and rules, open around today, with `books`
 * books of 5 €10 vouchers paid and issued, one distributor, and the given venue qualified for it:
 * the whole demo is not needed to race for a voucher, and issuing its 57,000 vouchers takes
 * seconds.
 */
export async function seedSmallProgramme(hub: TestHub, books: number, venueId: string): Promise<SmallProgramme> {
  const year = new Date().getUTCFullYear();
  const funderId = await registerFunder(hub, { name: 'Agglomération Creil Sud Oise', kind: 'INTERCOMMUNALITY' });
  const programmeId = await createProgramme(hub, {
    name: 'Pass numérique Creil Sud Oise',
    territory: ['epci:200068047'],
    eligibility: { minAge: 16, maxAge: 25, maxEducationLevel: 'BAC', statusesAnyOf: ['JOB_SEEKER'] },
    validFrom: `${year - 1}-01-01`,
    validUntil: `${year + 1}-12-31`,
    budgetCents: books * 5 * 1000,
    shares: [{ funderId, basisPoints: 10000 }],
  });
  const orderId = await placeOrder(hub, { programmeId, funderId, bookCount: books });
  await recordOrderPayment(hub, orderId);
  const distributorId = await registerDistributor(hub, { name: 'Pôle emploi Creil / Nogent-sur-Oise', kind: 'POLE_EMPLOI', inseeCode: '60463' });
  // Qualification checks the programme's territory in the venues subgraph's replica.
  await hub.catchUp();
  await qualifyVenue(hub, { venueId, programmeId });
  await hub.catchUp();
  await issueBooks(hub, orderId);
  return { programmeId, funderId, distributorId, venueId };
}

// ---------------------------------------------------------------------------------------------
// A programme whose window is over: the money suites

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

/**
 * A programme of Creil's commune, open for everyone between two past (or future) days, with its
 * funders (shares in basis points), a qualified venue with `sittings` sessions (on the first day
 * unless told) and a distributor. People are registered, books issued and vouchers redeemed
 * inside that window by moving the hub's clock (`handOut`, `orderAndIssue`, `redeemAt`).
 */
export async function createPastProgramme(
  hub: TestHub,
  options: { basisPoints: number[]; validFrom: string; validUntil: string; sittings?: number; sittingsOn?: string },
): Promise<PastProgramme> {
  const suffix = unique();
  const funderIds: string[] = [];
  for (const [i] of options.basisPoints.entries()) funderIds.push(await registerFunder(hub, { name: `Funder ${i + 1} ${suffix}`, kind: 'DEPARTMENT' }));
  const programmeId = await createProgramme(hub, {
    name: `Past programme ${suffix}`,
    territory: ['commune:60175'],
    eligibility: { statusesAnyOf: [] },
    validFrom: options.validFrom,
    validUntil: options.validUntil,
    budgetCents: 1_000_000,
    shares: options.basisPoints.map((basisPoints, i) => ({ funderId: funderIds[i]!, basisPoints })),
  });
  const venueId = await registerVenue(hub, { name: `Venue ${suffix}`, inseeCode: '60175', address: 'Creil' });
  // Qualification checks the programme's territory in the venues subgraph's replica.
  await hub.catchUp();
  await qualifyVenue(hub, { venueId, programmeId });
  const token = await venueToken(hub, venueId);
  const workshopId = await publishWorkshop(hub, { venueId, axis: 'DISCOVER', topic: 'Computer basics', durationMinutes: 60, seats: 100 }, token);
  const sessionIds: string[] = [];
  for (let i = 0; i < (options.sittings ?? 1); i++) {
    // On the programme's first day unless told: a voucher is taken on its session's day or the 7 days after.
    const startsAt = new Date(noonOf(options.sittingsOn ?? options.validFrom).getTime() + i * 3_600_000);
    sessionIds.push(await scheduleSession(hub, { venueId, workshopId, startsAt }, token));
  }
  const distributorId = await registerDistributor(hub, { name: `Distributor ${suffix}`, kind: 'CCAS', inseeCode: '60175' });
  await hub.catchUp();
  return { programmeId, funderIds, venueId, sessionId: sessionIds[0]!, sessionIds, distributorId, validFrom: options.validFrom, validUntil: options.validUntil, workshopId };
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
      const id = await scheduleSession(hub, { venueId: p.venueId, workshopId: p.workshopId, startsAt: new Date(noonOf(day).getTime() + sitting * 3_600_000) });
      await hub.catchUp();
      return id;
    })();
    sittings.set(key, session);
  }
  return session;
}

/** The funder places an order, the operator records its payment and issues its books; returns the order's id. */
export async function orderAndIssue(
  hub: TestHub,
  p: PastProgramme,
  order: { bookCount: number; vouchersPerBook: 5 | 10; faceValueCents: number; funderIndex?: number },
): Promise<string> {
  const orderId = await placeOrder(hub, {
    programmeId: p.programmeId,
    funderId: p.funderIds[order.funderIndex ?? 0]!,
    bookCount: order.bookCount,
    vouchersPerBook: order.vouchersPerBook,
    faceValueCents: order.faceValueCents,
  });
  await recordOrderPayment(hub, orderId);
  await hub.catchUp();
  // Issued on the programme's first day: a programme that has ended takes no new vouchers.
  await atTime(hub, noonOf(p.validFrom), () => issueBooks(hub, orderId));
  return orderId;
}

/** The programme's first funder gives books to its distributor; returns their codes. */
export async function allocateTo(hub: TestHub, p: PastProgramme, quantity: number): Promise<string[]> {
  return (await allocateBooks(hub, { programmeId: p.programmeId, distributorId: p.distributorId, quantity }, p.funderIds[0])).map((b) => b.code);
}

/** The distributor registers a person on `day` (inside the window) and hands them an allocated book. */
export async function handOut(hub: TestHub, p: PastProgramme, bookCode: string, day: string): Promise<void> {
  const at = noonOf(day);
  const beneficiaryId = await atTime(hub, at, () =>
    registerBeneficiary(hub, { distributorId: p.distributorId, programmeId: p.programmeId, inseeCode: '60175', statuses: [], consentAt: at }),
  );
  await hub.catchUp();
  await handOutBook(hub, { bookCode, beneficiaryId, distributorId: p.distributorId });
}

/** The codes of a book's vouchers still usable, in code order. */
export async function availableVoucherCodes(hub: TestHub, bookCode: string): Promise<string[]> {
  const data = await gql(hub, `query ($code: String!) { book(code: $code) { vouchers { code state } } }`, { code: bookCode });
  return data.book.vouchers.filter((v: { state: string }) => v.state === 'AVAILABLE').map((v: { code: string }) => v.code);
}

/** The programme's venue redeems a voucher at `at` (the payload, refusal included). */
export async function redeemAt(hub: TestHub, p: Pick<PastProgramme, 'venueId'>, voucherCode: string, sessionId: string, at: Date): Promise<RedeemAnswer> {
  const token = await venueToken(hub, p.venueId);
  return atTime(hub, at, () => redeem(hub, token, { voucherCode, sessionId }));
}

// ---------------------------------------------------------------------------------------------
// Many books handed out and many sessions: the live suites

export interface LiveProgramme {
  programmeId: string;
  distributorId: string;
  venueId: string;
  /** Sessions of the venue, 100 seats each. */
  sessions: string[];
  /** Usable voucher codes, book after book (five per book). */
  vouchers: string[];
}

export const newVenue = (hub: TestHub, name: string) => registerVenue(hub, { name, address: 'Creil', inseeCode: '60175' });

/**
 * A programme of `books` books handed out to as many people, and `sessionCount` sessions at a
 * new venue, in waves.
 */
export async function seedLiveProgramme(hub: TestHub, books: number, sessionCount: number, venueName: string): Promise<LiveProgramme> {
  const venueId = await newVenue(hub, venueName);
  const { programmeId, distributorId } = await seedSmallProgramme(hub, books, venueId);
  const asDistributor = await distributorToken(hub, distributorId);
  const people = await inWaves(books, 10, () => registerBeneficiary(hub, { ...csoPerson(), distributorId, programmeId }, asDistributor));
  await hub.catchUp();
  const allocated = await allocate(hub, programmeId, distributorId, books);
  const handed = await inWaves(books, 10, (i) => handOutBook(hub, { bookCode: allocated[i]!.code, beneficiaryId: people[i]!, distributorId }, asDistributor));
  const sessions = await scheduleSessions(hub, venueId, sessionCount, 100);
  return { programmeId, distributorId, venueId, sessions, vouchers: handed.flat() };
}

/** Qualifies one more venue for a programme, with its own sessions. */
export async function addVenue(hub: TestHub, programmeId: string, name: string, sessionCount = 5): Promise<{ venueId: string; sessions: string[] }> {
  const venueId = await newVenue(hub, name);
  await qualifyVenue(hub, { venueId, programmeId });
  const sessions = await scheduleSessions(hub, venueId, sessionCount, 100);
  return { venueId, sessions };
}

/**
 * Redeems voucher number `k` of the list at a venue: its session is `k mod sessions`, so the five
 * vouchers of a book land in five sessions (one voucher of a book per sitting).
 */
export async function redeemNth(hub: TestHub, token: string, voucherCode: string, k: number, sessions: string[]): Promise<{ id: string; cursor: string }> {
  const input = { voucherCode, sessionId: sessions[k % sessions.length]!, idempotencyKey: `live-${randomUUID()}` };
  // A loaded machine sometimes resets a keep-alive connection between gateway and subgraph; the
  // same idempotency key makes the retry safe (it replays the first answer if there was one).
  const send = () => redeemed(hub, token, input);
  return send().catch(() => send()).catch(() => send());
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
