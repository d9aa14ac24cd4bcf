import { randomUUID } from 'node:crypto';
import { Role } from '@pass/access';
import type { TestHub } from './index';

/**
 * Steps of the voucher lifecycle done the way partners do them: GraphQL requests to the gateway,
 * each with the token of the partner whose step it is (a distributor registers and hands out, a
 * venue schedules and redeems; the operator does the rest). Each step waits for the facts it
 * publishes to reach the other subgraphs' replicas.
 *
 * The gateway rate-limits per token; a step that sends many requests mints its own token, as a
 * partner's own device would have, so a test never trips the limit by accident.
 */

export const venueToken = (hub: TestHub, venueId: string) => hub.tokenFor({ role: Role.VENUE, organisationId: venueId });
export const distributorToken = (hub: TestHub, distributorId: string) => hub.tokenFor({ role: Role.DISTRIBUTOR, organisationId: distributorId });

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

/** Redeems as the venue whose token is given; a fresh idempotency key unless one is given. */
export async function redeem(
  hub: TestHub,
  token: string,
  input: { voucherCode: string; sessionId: string; idempotencyKey?: string },
): Promise<RedeemAnswer> {
  const data = await gql<{ redeemVoucher: RedeemAnswer }>(hub, REDEEM, { input: { idempotencyKey: `test-${randomUUID()}`, ...input } }, token);
  return data.redeemVoucher;
}

export interface PersonInput {
  birthYear?: number | null;
  inseeCode: string;
  educationLevel?: string | null;
  statuses: string[];
}

/** Someone the CSO programme admits: 20, CAP/BEP, job seeker, living in Creil. */
export function csoPerson(): PersonInput {
  return { birthYear: new Date().getUTCFullYear() - 20, inseeCode: '60175', educationLevel: 'CAP_BEP', statuses: ['JOB_SEEKER'] };
}

export const REGISTER_BENEFICIARY = `mutation Register($input: RegisterBeneficiaryInput!) {
  registerBeneficiary(input: $input) { beneficiary { id pseudonym } error { code message } ineligibilityReasons }
}`;

/** Registers an eligible person and waits until the vouchers subgraph knows them. */
export async function registerEligible(hub: TestHub, distributorId: string, programmeId: string, person: PersonInput = csoPerson()): Promise<string> {
  const data = await gql(
    hub,
    REGISTER_BENEFICIARY,
    { input: { ...person, distributorId, programmeId, consentAt: new Date(Date.now() - 60_000).toISOString() } },
    await distributorToken(hub, distributorId),
  );
  const answer = data.registerBeneficiary;
  if (!answer.beneficiary) throw new Error(`registration refused: ${JSON.stringify(answer.error)}`);
  await hub.catchUp();
  return answer.beneficiary.id;
}

/** Allocates `quantity` more books of a programme to a distributor; returns their codes and voucher codes. */
export async function allocate(
  hub: TestHub,
  programmeId: string,
  distributorId: string,
  quantity = 1,
): Promise<{ code: string; vouchers: { code: string }[] }[]> {
  const data = await gql(
    hub,
    `mutation Allocate($programmeId: ID!, $distributorId: ID!, $quantity: Int!) {
      allocateBooks(input: { programmeId: $programmeId, distributorId: $distributorId, quantity: $quantity }) { books { code vouchers { code } } error { code message } }
    }`,
    { programmeId, distributorId, quantity },
  );
  if (!data.allocateBooks.books) throw new Error(`allocation refused: ${JSON.stringify(data.allocateBooks.error)}`);
  return data.allocateBooks.books;
}

export const HAND_OUT = `mutation HandOut($input: HandOutBookInput!) {
  handOutBook(input: $input) { book { code state beneficiary { id } vouchers { code state } } error { code message } }
}`;

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
  const data = await gql(hub, HAND_OUT, { input: { bookCode: book.code, beneficiaryId, distributorId } }, await distributorToken(hub, distributorId));
  const handed = data.handOutBook;
  if (!handed.book) throw new Error(`hand-out refused: ${JSON.stringify(handed.error)}`);
  return { bookCode: book.code, beneficiaryId, voucherCodes: handed.book.vouchers.map((v: { code: string }) => v.code) };
}

/**
 * Publishes a workshop at a venue and schedules `count` sessions of it, a minute apart and
 * ending a minute before `at` (now unless given), then waits until the vouchers subgraph can
 * redeem against them. A voucher is taken on its session's Paris day or up to 7 days after, so a
 * test that redeems at an injected time schedules its sessions at that time.
 */
export async function scheduleSessions(hub: TestHub, venueId: string, count: number, seats = 12, at?: Date): Promise<string[]> {
  const token = await venueToken(hub, venueId);
  const { publishWorkshop } = await gql(
    hub,
    `mutation Publish($venueId: ID!, $seats: Int!) {
      publishWorkshop(input: { venueId: $venueId, axis: MASTER, topic: "Online admin procedures", durationMinutes: 90, seats: $seats }) { workshop { id } }
    }`,
    { venueId, seats },
    token,
  );
  const ids: string[] = [];
  // A few at a time: the point is many sessions, not a load test of scheduling (and one token
  // may have at most 16 requests in flight).
  for (let first = 0; first < count; first += 8) {
    const batch = Array.from({ length: Math.min(8, count - first) }, (_, i) =>
      gql(
        hub,
        `mutation Schedule($workshopId: ID!, $startsAt: DateTimeISO!) { scheduleSession(input: { workshopId: $workshopId, startsAt: $startsAt }) { session { id } } }`,
        { workshopId: publishWorkshop.workshop.id, startsAt: new Date((at ?? new Date()).getTime() - (first + i + 1) * 60_000).toISOString() },
        token,
      ),
    );
    for (const data of await Promise.all(batch)) ids.push(data.scheduleSession.session.id);
  }
  await hub.catchUp();
  return ids;
}

/** Runs `count` calls, `concurrency` at a time, and returns their results in order. */
export async function inWaves<T>(count: number, concurrency: number, call: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let first = 0; first < count; first += concurrency) {
    const wave = Array.from({ length: Math.min(concurrency, count - first) }, (_, i) => call(first + i));
    results.push(...(await Promise.all(wave)));
  }
  return results;
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
 * seconds. Venues come in by the open-data import, not by a mutation, so the caller registers it.
 */
export async function seedSmallProgramme(hub: TestHub, books: number, venueId: string): Promise<SmallProgramme> {
  const year = new Date().getUTCFullYear();
  const { registerFunder } = await gql(hub, `mutation { registerFunder(input: { name: "Agglomération Creil Sud Oise", kind: INTERCOMMUNALITY }) { funder { id } } }`);
  const funderId: string = registerFunder.funder.id;
  const { createProgramme } = await gql(hub, `mutation ($input: CreateProgrammeInput!) { createProgramme(input: $input) { programme { id } } }`, {
    input: {
      name: 'Pass numérique Creil Sud Oise',
      territory: ['epci:200068047'],
      eligibility: { minAge: 16, maxAge: 25, maxEducationLevel: 'BAC', statusesAnyOf: ['JOB_SEEKER'] },
      validFrom: `${year - 1}-01-01`,
      validUntil: `${year + 1}-12-31`,
      budgetCents: books * 5 * 1000,
      shares: [{ funderId, basisPoints: 10000 }],
    },
  });
  const programmeId: string = createProgramme.programme.id;
  const { placeOrder } = await gql(
    hub,
    `mutation ($programmeId: ID!, $funderId: ID!, $books: Int!) { placeOrder(input: { programmeId: $programmeId, funderId: $funderId, bookCount: $books }) { order { id } error { code } } }`,
    { programmeId, funderId, books },
  );
  await gql(hub, `mutation ($id: ID!) { recordOrderPayment(input: { orderId: $id }) { order { id } } }`, { id: placeOrder.order.id });
  const { registerDistributor } = await gql(
    hub,
    `mutation { registerDistributor(input: { name: "Pôle emploi Creil / Nogent-sur-Oise", kind: POLE_EMPLOI, inseeCode: "60463" }) { distributor { id } } }`,
  );
  // Qualification checks the programme's territory in the venues subgraph's replica.
  await hub.catchUp();
  await gql(hub, `mutation ($venueId: ID!, $programmeId: ID!) { qualifyVenue(input: { venueId: $venueId, programmeId: $programmeId }) { venue { id } } }`, {
    venueId,
    programmeId,
  });
  await hub.catchUp();
  await gql(hub, `mutation ($id: ID!) { issueBooks(input: { orderId: $id }) { booksIssued } }`, { id: placeOrder.order.id });
  return { programmeId, funderId, distributorId: registerDistributor.distributor.id, venueId };
}
