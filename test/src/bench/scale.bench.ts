import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { BeneficiaryStatus, EducationLevel } from '@pass/contracts';
import { Role, mintPartnerToken } from '@pass/access';
import { startHub, type Hub } from '@pass/clients';
import { createProgramme, FunderKind, placeOrder, recordOrderPayment, registerFunder } from '@pass/programmes';
import { DistributorKind, registerBeneficiary, registerDistributor } from '@pass/beneficiaries';
import { WorkshopAxis, publishWorkshop, qualifyVenue, registerVenue, scheduleSession } from '@pass/venues';
import { allocateBooks, closeMonth, expireProgramme, expiryReport, handOutBook, issueBooksOfOrder, parisMonthOf, recountTallies } from '@pass/vouchers';
import { onCleanup, percentile, runBench, say, startBenchDatabase } from './bench-kit';
import type { DriverJob, DriverRequest, DriverResult } from './redeem-driver';
import { accepted } from '../kit/accepted';

/*
 * `npm run bench:scale`: the same figures on a small database and at national size (issue 13).
 *
 * 1. The hub on a fresh scratch database, and a benchmark programme set up through the managers
 *    (as `npm run bench:redeem` does): books issued, allocated, handed out; VENUES venues with a
 *    session each and a token each; a funder and a distributor with tokens (another funder's
 *    programme and a second distributor's books are the ones the measurements redeem, so what the
 *    queries read stays the same: the queried distributor's 100 books each redeemed once at venue 0
 *    first). Then, on this small
 *    database: redemption p50/p99 through the gateway (the worker of redeem-driver), the three
 *    partner queries' p50/p99 through the gateway, a month close, the D-30 report of a
 *    programme and its expiry with credit-back.
 * 2. The national database is built in the vouchers subgraph's schema, where every figure above
 *    reads: FUNDERS funders' 20 programmes, each with one paid order of BOOKS books of 10,
 *    issued by `issueBooksOfOrder` itself; DISTRIBUTORS distributors, 80 % of the books
 *    allocated and 40 % handed out to as many people; VENUES_NATIONAL venues qualified for
 *    every programme, two workshops sessions of ten seats each a month (the facts the
 *    vouchers subgraph replicates), REDEMPTIONS redemptions over the last 24 months, and the
 *    statements of every month but the last — set-based SQL (allowed for a benchmark).
 * 3. The same figures again, printed beside the small ones, then the size on disk.
 *
 * BENCH_SCALE (default 1: 20 M vouchers) scales every count; e.g. 0.05 for 1 M vouchers.
 */

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const PROGRAMMES = 20;
const BOOKS = Math.max(100, Math.round(100_000 * SCALE));
const PER_BOOK = 10;
const FUNDERS = Math.max(20, Math.round(1_000 * SCALE));
const DISTRIBUTORS = Math.max(10, Math.round(10_000 * SCALE));
const VENUES_NATIONAL = Math.max(10, Math.round(100_000 * SCALE));
const REDEMPTIONS = Math.round(2_000_000 * SCALE);
const MONTHS = 24;
const VENUES = 60;
const REDEEM_EACH = Number(process.env.BENCH_REDEMPTIONS ?? 1000);
const QUERIES_EACH = Number(process.env.BENCH_QUERIES ?? 200);
const WARM_UP_REDEMPTIONS = 1500;
const WARM_UP_QUERIES = 10;
/** The queried distributor's books: one page of `books(first: 100)`, each with one redemption at venue 0 (100 seats). */
const QUERIED_BOOKS = 100;

const REDEEM = `mutation Redeem($input: RedeemVoucherInput!) {
  redeemVoucher(input: $input) { redemption { id amountCents } error { code message } }
}`;
const QUERIES = {
  funder: `query F($id: ID!) { funder(id: $id) { name programmes { id booksIssued booksHandedOut vouchersRedeemed redeemedAmountCents outstandingAmountCents venueActivity { venue { id name } vouchersRedeemed amountCents } } } }`,
  distributor: `query D($id: ID!) { distributor(id: $id) { name booksAllocated booksHandedOut vouchersRedeemed books(first: 100) { nodes { code state handedOutAt vouchersUsed redemptions { redeemedAt amountCents venue { name } } } } } }`,
  venue: `query V($id: ID!) { venue(id: $id) { name amountDueCents sessions { nodes { id startsAt seats redemptions { redeemedAt amountCents voucher { code } programme { name } } } } } }`,
};

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const seconds = (ms: number) => (ms / 1000).toFixed(2);

interface Small {
  funderId: string;
  funderToken: string;
  distributorId: string;
  distributorToken: string;
  venues: { venueId: string; sessionId: string; token: string }[];
  /** Vouchers the measurements redeem: books of a second distributor, at venues 1 to VENUES − 1. */
  voucherCodes: string[];
  /**
   * One voucher of each of the queried distributor's books, redeemed at venue 0 before any
   * measurement: the distributor's page and venue 0's sessions (the two queries timed) then read
   * the same rows at both sizes; when the measured redemptions landed there, the small database's
   * pages grew between its measurement and the national one.
   */
  seedCodes: string[];
  /** A programme with its own order, to report on (D-30) and expire. */
  endingProgrammeId: string;
}

interface Figures {
  redeemP50: number;
  redeemP99: number;
  queries: Record<string, { p50: number; p99: number }>;
  closeMs: number;
  closeStatements: number;
  reportMs: number;
  expiryMs: number;
  vouchersBlocked: number;
}

async function prepareSmall(hub: Hub, vouchersNeeded: number): Promise<Small> {
  const programmes = hub.subgraphs.programmes.dataSource;
  const beneficiaries = hub.subgraphs.beneficiaries.dataSource;
  const venues = hub.subgraphs.venues.dataSource;
  const vouchers = hub.subgraphs.vouchers.dataSource;
  const now = new Date();
  const books = QUERIED_BOOKS;
  const redeemBooks = Math.ceil(vouchersNeeded / PER_BOOK);
  const funder = accepted(await registerFunder(programmes, { name: 'Scale region', kind: FunderKind.REGION }), 'funder');
  // The measured redemptions are of another funder's programme: the queried funder's figures
  // (venue activity sums its programmes' redemptions) then read the same rows at both sizes.
  const otherFunder = accepted(await registerFunder(programmes, { name: 'Scale department', kind: FunderKind.REGION }), 'funder');
  const window = {
    territory: ['region:27'],
    eligibility: { statusesAnyOf: [] },
    validFrom: isoDay(new Date(now.getTime() - 30 * 86_400_000)),
    validUntil: isoDay(new Date(now.getTime() + 365 * 86_400_000)),
    shares: [{ funderId: funder.id, basisPoints: 10_000 }],
  };
  const programme = accepted(await createProgramme(programmes, { ...window, name: 'Scale benchmark', budgetCents: books * PER_BOOK * 1000 }), 'programme');
  const ending = accepted(await createProgramme(programmes, { ...window, name: 'Scale benchmark, ending', budgetCents: 1_000 * PER_BOOK * 1000 }), 'programme');
  const redeemed = accepted(
    await createProgramme(programmes, { ...window, shares: [{ funderId: otherFunder.id, basisPoints: 10_000 }], name: 'Scale benchmark, redeemed', budgetCents: redeemBooks * PER_BOOK * 1000 }),
    'programme',
  );
  const order = accepted(await placeOrder(programmes, { programmeId: programme.id, funderId: funder.id, bookCount: books, vouchersPerBook: PER_BOOK, faceValueCents: 1000 }), 'order');
  const redeemedOrder = accepted(await placeOrder(programmes, { programmeId: redeemed.id, funderId: otherFunder.id, bookCount: redeemBooks, vouchersPerBook: PER_BOOK, faceValueCents: 1000 }), 'order');
  await recordOrderPayment(programmes, redeemedOrder.id);
  const endingOrder = accepted(await placeOrder(programmes, { programmeId: ending.id, funderId: funder.id, bookCount: 1_000, vouchersPerBook: PER_BOOK, faceValueCents: 1000 }), 'order');
  await recordOrderPayment(programmes, order.id);
  await recordOrderPayment(programmes, endingOrder.id);
  const distributor = accepted(await registerDistributor(beneficiaries, { name: 'Mission locale scale', kind: DistributorKind.MISSION_LOCALE, inseeCode: '21231' }), 'distributor');
  const busy = accepted(await registerDistributor(beneficiaries, { name: 'Mission locale scale, redeeming', kind: DistributorKind.MISSION_LOCALE, inseeCode: '21231' }), 'distributor');
  await hub.catchUp();
  const venueRows: Small['venues'] = [];
  for (let i = 0; i < VENUES; i += 1) {
    const venue = await registerVenue(venues, { name: `Espace numérique scale ${i + 1}`, inseeCode: '21231', address: 'Dijon' });
    await qualifyVenue(venues, venue.id, programme.id);
    await qualifyVenue(venues, venue.id, redeemed.id);
    const workshop = await publishWorkshop(venues, { venueId: venue.id, axis: WorkshopAxis.MASTER, topic: 'Online admin procedures', durationMinutes: 90, seats: 100 });
    const session = await scheduleSession(venues, { workshopId: workshop.id, startsAt: new Date(now.getTime() - 30 * 60_000) });
    const token = await mintPartnerToken(hub.keys.partnerSigning, { organisationId: venue.id, role: Role.VENUE, scopes: ['read', 'write'] }, { expiresIn: '2h' });
    venueRows.push({ venueId: venue.id, sessionId: session.id, token });
  }
  await hub.catchUp();
  await issueBooksOfOrder(vouchers, order.id);
  await issueBooksOfOrder(vouchers, endingOrder.id);
  await issueBooksOfOrder(vouchers, redeemedOrder.id);
  const queried = await allocateBooks(vouchers, { programmeId: programme.id, distributorId: distributor.id, quantity: QUERIED_BOOKS });
  const redeeming = await allocateBooks(vouchers, { programmeId: redeemed.id, distributorId: busy.id, quantity: redeemBooks });
  if (!queried.books || !redeeming.books) throw new Error(`benchmark allocation refused: ${(queried.error ?? redeeming.error)?.message}`);
  const handOuts = [
    ...queried.books.map((book) => ({ book, by: distributor.id, programmeId: programme.id })),
    ...redeeming.books.map((book) => ({ book, by: busy.id, programmeId: redeemed.id })),
  ];
  for (const { book, by, programmeId } of handOuts) {
    const answer = await registerBeneficiary(beneficiaries, {
      distributorId: by,
      programmeId,
      birthYear: now.getUTCFullYear() - 40,
      inseeCode: '21231',
      educationLevel: EducationLevel.BAC,
      statuses: [BeneficiaryStatus.OTHER],
      consentAt: new Date(now.getTime() - 60_000),
    });
    if (!answer.beneficiary) throw new Error(`benchmark beneficiary refused: ${answer.error?.message}`);
    await hub.catchUp();
    const handed = await handOutBook(vouchers, { bookCode: book.code, beneficiaryId: answer.beneficiary.id, distributorId: by });
    if (!handed.book) throw new Error(`benchmark hand-out refused: ${handed.error.message}`);
  }
  const codesOf = async (programmeId: string, distributorId: string, firstOfEachBook: boolean): Promise<string[]> => {
    const rows: { code: string }[] = await vouchers.query(
      `select ${firstOfEachBook ? 'distinct on (v.book_id)' : ''} v.code from voucher v join book b on b.id = v.book_id
        where v.programme_id = $1 and b.distributor_id = $2 and v.state = 'AVAILABLE' and b.beneficiary_id is not null order by v.book_id, v.id`,
      [programmeId, distributorId],
    );
    return rows.map((r) => r.code);
  };
  const token = (organisationId: string, role: Role) => mintPartnerToken(hub.keys.partnerSigning, { organisationId, role, scopes: ['read'] }, { expiresIn: '2h' });
  return {
    funderId: funder.id,
    funderToken: await token(funder.id, Role.FUNDER),
    distributorId: distributor.id,
    distributorToken: await token(distributor.id, Role.DISTRIBUTOR),
    venues: venueRows,
    voucherCodes: await codesOf(redeemed.id, busy.id, false),
    seedCodes: await codesOf(programme.id, distributor.id, true),
    endingProgrammeId: ending.id,
  };
}

function runDriver(worker: Worker, job: DriverJob): Promise<DriverResult> {
  return new Promise((resolve, reject) => {
    worker.once('message', (message: { result?: DriverResult; error?: string }) => (message.result ? resolve(message.result) : reject(new Error(message.error))));
    worker.once('error', reject);
    worker.postMessage(job);
  });
}

async function timeQuery(url: string, token: string, query: string, id: string, times = QUERIES_EACH): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const t0 = performance.now();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables: { id } }) });
    const body = (await res.json()) as { errors?: unknown[] };
    latencies.push(performance.now() - t0);
    if (res.status !== 200 || body.errors?.length) throw new Error(`partner query failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  }
  return latencies.sort((a, b) => a - b);
}

/** The month before the current one (Paris), and the one before that. */
function lastMonths(now: Date): { last: string; before: string } {
  const [y, m] = parisMonthOf(now).split('-').map(Number) as [number, number];
  const shift = (k: number) => {
    const d = new Date(Date.UTC(y, m - 1 - k, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  };
  return { last: shift(1), before: shift(2) };
}

/** `count` redemptions at concurrency 8 through the gateway, of the next unused vouchers; their latencies sorted. */
async function redeemNext(hub: Hub, small: Small, worker: Worker, next: { voucher: number }, count: number): Promise<number[]> {
  // Venue 0 is the queried one: its session took the seed redemptions, none of these. A book's
  // consecutive vouchers land at different venues (one voucher of a book per session).
  const requests: DriverRequest[] = Array.from({ length: count }, (_, i) => {
    const venue = small.venues[1 + (next.voucher % (small.venues.length - 1))]!;
    const voucherCode = small.voucherCodes[next.voucher++]!;
    return redeemRequest(venue, voucherCode, `scale-${i}-${voucherCode}`);
  });
  return redeemAll(hub, worker, requests);
}

function redeemRequest(venue: Small['venues'][number], voucherCode: string, idempotencyKey: string): DriverRequest {
  const input = { voucherCode, sessionId: venue.sessionId, idempotencyKey };
  return { token: venue.token, body: JSON.stringify({ query: REDEEM, variables: { input } }) };
}

/** The queried distributor's and venue's rows: one redemption of each of the distributor's books, at venue 0. */
async function seedQueriedPages(hub: Hub, small: Small, worker: Worker): Promise<void> {
  await redeemAll(hub, worker, small.seedCodes.map((code) => redeemRequest(small.venues[0]!, code, `scale-seed-${code}`)));
}

async function redeemAll(hub: Hub, worker: Worker, requests: DriverRequest[]): Promise<number[]> {
  const count = requests.length;
  const redeemed = await runDriver(worker, { url: hub.gatewayUrl, concurrency: 8, requests });
  if ((redeemed.outcomes.redeemed ?? 0) !== count) throw new Error(`redemptions failed: ${JSON.stringify(redeemed.outcomes)}; ${redeemed.firstProblem}`);
  return [...redeemed.latencies].sort((a, b) => a - b);
}

function partnerQueries(small: Small) {
  return [
    ['funder', QUERIES.funder, small.funderToken, small.funderId],
    ['distributor', QUERIES.distributor, small.distributorToken, small.distributorId],
    ['venue', QUERIES.venue, small.venues[0]!.token, small.venues[0]!.venueId],
  ] as const;
}

async function measure(hub: Hub, small: Small, worker: Worker, next: { voucher: number }, endingProgrammeId: string): Promise<Figures> {
  // Warm-up, not counted: the first calls of each operation pay for its query plan, the pools'
  // connections and the JIT (in a first run, the small database's p99 was its first call's time,
  // and its p50s 2–3× the national ones measured later on a far bigger database). With 400
  // redemptions of warm-up, a second measurement of the small database still read a redemption
  // p50 a fifth lower than the first (27.6 → 22.0 ms): 1,500 make the first measurement the steady one.
  await redeemNext(hub, small, worker, next, WARM_UP_REDEMPTIONS);
  for (const [, query, token, id] of partnerQueries(small)) await timeQuery(hub.gatewayUrl, token, query, id, WARM_UP_QUERIES);
  say(`  load average at the start of the measurements: ${os.loadavg()[0]!.toFixed(1)}`);
  const vouchers = hub.subgraphs.vouchers.dataSource;
  const sorted = await redeemNext(hub, small, worker, next, REDEEM_EACH);

  const queries: Figures['queries'] = {};
  for (const [name, query, token, id] of partnerQueries(small)) {
    const latencies = await timeQuery(hub.gatewayUrl, token, query, id);
    queries[name] = { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
  }

  const { last } = lastMonths(new Date());
  let t0 = performance.now();
  const closed = await closeMonth(vouchers, last);
  const closeMs = performance.now() - t0;
  if (closed.error) throw new Error(`close refused: ${closed.error.message}`);

  t0 = performance.now();
  await expiryReport(vouchers, endingProgrammeId);
  const reportMs = performance.now() - t0;

  // The programme ended yesterday: its window is moved in the vouchers' replica (a benchmark shortcut).
  await vouchers.query(`update programme_fact set valid_until = current_date - 2 where programme_id = $1`, [endingProgrammeId]);
  t0 = performance.now();
  const expired = await expireProgramme(vouchers, endingProgrammeId);
  const expiryMs = performance.now() - t0;
  if (expired.error) throw new Error(`expiry refused: ${expired.error.message}`);
  return {
    redeemP50: percentile(sorted, 50),
    redeemP99: percentile(sorted, 99),
    queries,
    closeMs,
    closeStatements: closed.statementsCreated,
    reportMs,
    expiryMs,
    vouchersBlocked: expired.vouchersBlocked,
  };
}

/** Builds the national-size data in the vouchers schema; returns one national programme to report on and expire. */
async function buildNational(hub: Hub): Promise<string> {
  const vouchers = hub.subgraphs.vouchers.dataSource;
  const step = async (label: string, work: () => Promise<unknown>) => {
    const t0 = performance.now();
    await work();
    say(`  ${label}: ${seconds(performance.now() - t0)} s`);
  };
  const programmeIds = Array.from({ length: PROGRAMMES }, () => randomUUID());
  const funderIds = Array.from({ length: FUNDERS }, () => randomUUID());
  await step(`${PROGRAMMES} programmes of ${FUNDERS} funders, ${PROGRAMMES} paid orders`, async () => {
    for (const [i, id] of programmeIds.entries()) {
      // Each programme is funded by FUNDERS / PROGRAMMES funders in equal shares.
      const mine = funderIds.filter((_, f) => f % PROGRAMMES === i);
      const shares = mine.map((funderId, k) => ({ funderId, basisPoints: Math.floor(10_000 / mine.length) + (k < 10_000 % mine.length ? 1 : 0) }));
      await vouchers.query(
        `insert into programme_fact (programme_id, name, territory, valid_from, valid_until, shares)
         values ($1, $2, '{region:27}', current_date - 760, current_date + 365, $3)`,
        [id, `National programme ${i + 1}`, JSON.stringify(shares)],
      );
      await vouchers.query(
        `insert into paid_order (order_id, programme_id, funder_id, book_count, vouchers_per_book, face_value_cents) values ($1, $2, $3, $4, $5, 1000)`,
        [randomUUID(), id, mine[0], BOOKS, PER_BOOK],
      );
    }
  });
  await step(`${(PROGRAMMES * BOOKS * PER_BOOK).toLocaleString('en')} vouchers issued by issueBooksOfOrder`, async () => {
    const orders: { order_id: string }[] = await vouchers.query(`select order_id from paid_order where programme_id = any($1::uuid[])`, [programmeIds]);
    const started = performance.now();
    for (const [i, { order_id }] of orders.entries()) {
      await issueBooksOfOrder(vouchers, order_id);
      say(`    order ${i + 1} / ${orders.length} issued: ${seconds(performance.now() - started)} s, load average ${os.loadavg()[0]!.toFixed(1)}`);
    }
  });
  await step(`${DISTRIBUTORS.toLocaleString('en')} distributors, 80 % of books allocated, 40 % handed out to as many people`, async () => {
    await vouchers.query(`insert into distributor_fact (distributor_id, name) select gen_random_uuid(), 'Distributor ' || g from generate_series(1, $1) g`, [DISTRIBUTORS]);
    await vouchers.query(`
      with d as (select distributor_id, row_number() over () - 1 as k from distributor_fact where name ~ '^Distributor [0-9]+$'),
           b as (select id, row_number() over (order by id) as n from book where programme_id = any($1::uuid[]))
      update book set distributor_id = d.distributor_id, allocated_at = now() - interval '700 days',
                      beneficiary_id = case when b.n % 5 < 2 then gen_random_uuid() end,
                      handed_out_at = case when b.n % 5 < 2 then now() - interval '690 days' end
        from b join d on d.k = b.n % $2
       where book.id = b.id and b.n % 5 < 4`,
      [programmeIds, DISTRIBUTORS]);
    await vouchers.query(
      `insert into beneficiary_fact (beneficiary_id, distributor_id, eligible_programme_ids)
       select beneficiary_id, distributor_id, array[programme_id] from book where beneficiary_id is not null and programme_id = any($1::uuid[])`,
      [programmeIds],
    );
  });
  const sessionsPerVenue = Math.max(1, Math.ceil(REDEMPTIONS / 10 / VENUES_NATIONAL));
  await step(`${VENUES_NATIONAL.toLocaleString('en')} venues qualified for every programme, ${(sessionsPerVenue * VENUES_NATIONAL).toLocaleString('en')} sessions of 10 seats over ${MONTHS} months`, async () => {
    await vouchers.query(`create unlogged table national_venue (venue_id uuid primary key, n int not null)`);
    await vouchers.query(`insert into national_venue select gen_random_uuid(), g from generate_series(1, $1::int) g`, [VENUES_NATIONAL]);
    await vouchers.query(`insert into venue_qualification (venue_id, programme_id) select v.venue_id, p from national_venue v, unnest($1::uuid[]) p`, [programmeIds]);
    await vouchers.query(
      `insert into session_fact (session_id, venue_id, insee_code, starts_at, seats)
       select gen_random_uuid(), v.venue_id, '21231',
              -- Paris months: month (v.n + s) % MONTHS before the last one, on one of its first 27 days at 10:00, so the
              -- last month (the one the measurement closes) holds 1/MONTHS of the sessions whatever today's date is.
              (date_trunc('month', now() at time zone 'Europe/Paris') - interval '1 month' * (1 + (v.n + s) % $2::int)
                + interval '1 day' * ((v.n * 7 + s) % 27) + interval '10 hours') at time zone 'Europe/Paris',
              10
         from national_venue v, generate_series(1, $1::int) s`,
      [sessionsPerVenue, MONTHS],
    );
  });
  await step(`${REDEMPTIONS.toLocaleString('en')} redemptions over ${MONTHS} months (ten a session)`, async () => {
    await vouchers.query(
      `create unlogged table national_redemption (id uuid, book_id uuid, programme_id uuid, face_value_cents int, k bigint,
                                                  session_id uuid, venue_id uuid, redeemed_at timestamptz)`,
    );
    await vouchers.query(
      `insert into national_redemption
       with s as (select session_id, venue_id, starts_at, row_number() over (order by session_id) - 1 as k from session_fact
                   where venue_id in (select venue_id from national_venue)),
            v as (select v.id, v.book_id, v.programme_id, v.face_value_cents, row_number() over (order by v.code) - 1 as k
                    from voucher v join book b on b.id = v.book_id
                   where b.beneficiary_id is not null and v.programme_id = any($1::uuid[]))
       select v.*, s.session_id, s.venue_id, s.starts_at + interval '10 minutes' as redeemed_at
         from v join s on s.k = v.k / 10
        where v.k < $2::int`,
      [programmeIds, REDEMPTIONS],
    );
    await vouchers.query(
      `insert into redemption (voucher_id, session_id, venue_id, programme_id, book_id, amount_cents, redeemed_at)
       select id, session_id, venue_id, programme_id, book_id, face_value_cents, redeemed_at from national_redemption order by redeemed_at`,
    );
    await vouchers.query(`update voucher v set state = 'REDEEMED', redeemed_at = r.redeemed_at from national_redemption r where v.id = r.id`);
  });
  await step(`the statements of every month but the last`, async () => {
    const { last } = lastMonths(new Date());
    await vouchers.query(
      `insert into reimbursement_month (month, closed_at)
       select distinct to_char(redeemed_at at time zone 'Europe/Paris', 'YYYY-MM'), now() from national_redemption
        where to_char(redeemed_at at time zone 'Europe/Paris', 'YYYY-MM') < $1 on conflict do nothing`,
      [last],
    );
    await vouchers.query(
      `insert into reimbursement_statement (venue_id, month, total_cents, line_count, closed_at)
       select venue_id, to_char(redeemed_at at time zone 'Europe/Paris', 'YYYY-MM') as month, sum(face_value_cents), count(*), now()
         from national_redemption where to_char(redeemed_at at time zone 'Europe/Paris', 'YYYY-MM') < $1 group by 1, 2`,
      [last],
    );
    await vouchers.query(
      `insert into reimbursement_line (redemption_id, statement_id, amount_cents)
       select r.id, s.id, r.amount_cents from redemption r
         join reimbursement_statement s on s.venue_id = r.venue_id and s.month = to_char(r.redeemed_at at time zone 'Europe/Paris', 'YYYY-MM')
        where r.venue_id in (select venue_id from national_venue)`,
    );
  });
  await step(`the programmes', beneficiaries' and venues' own tables (funders, programmes, orders; distributors, people; venues, workshops, sessions, qualifications)`, async () => {
    // Schema-qualified, from the vouchers schema's rows, so both sides carry the same ids (a benchmark shortcut: the hub's own SQL never leaves its schema).
    await vouchers.query(`insert into programmes.funder (id, name, kind) select f, 'National funder ' || n, 'REGION' from unnest($1::uuid[]) with ordinality as x(f, n)`, [funderIds]);
    await vouchers.query(
      `insert into programmes.programme (id, name, territory, eligibility, valid_from, valid_until, budget_cents)
       select programme_id, name, territory, '{"statusesAnyOf": []}', valid_from, valid_until, $2::bigint from vouchers.programme_fact where programme_id = any($1::uuid[])`,
      [programmeIds, BOOKS * PER_BOOK * 1000],
    );
    await vouchers.query(
      `insert into programmes.funding_share (programme_id, funder_id, basis_points)
       select p.programme_id, (s->>'funderId')::uuid, (s->>'basisPoints')::int from vouchers.programme_fact p, jsonb_array_elements(p.shares) s
        where p.programme_id = any($1::uuid[])`,
      [programmeIds],
    );
    await vouchers.query(
      `insert into programmes.voucher_order (id, programme_id, funder_id, book_count, vouchers_per_book, face_value_cents, paid_at)
       select order_id, programme_id, funder_id, book_count, vouchers_per_book, face_value_cents, now() - interval '760 days'
         from vouchers.paid_order where programme_id = any($1::uuid[])`,
      [programmeIds],
    );
    await vouchers.query(
      `insert into beneficiaries.programme_fact (programme_id, name, territory, eligibility, valid_from, valid_until)
       select programme_id, name, territory, '{"statusesAnyOf": []}', valid_from, valid_until from vouchers.programme_fact where programme_id = any($1::uuid[])`,
      [programmeIds],
    );
    await vouchers.query(
      `insert into beneficiaries.distributor (id, name, kind, insee_code)
       select distributor_id, name, 'CCAS', '21231' from vouchers.distributor_fact where name ~ '^Distributor [0-9]+$'`,
    );
    await vouchers.query(
      `insert into beneficiaries.beneficiary (id, pseudonym, distributor_id, insee_code, consent_at, registered_at)
       select beneficiary_id, 'N' || md5(beneficiary_id::text), distributor_id, '21231', now() - interval '700 days', now() - interval '700 days'
         from vouchers.beneficiary_fact where eligible_programme_ids && $1::uuid[]`,
      [programmeIds],
    );
    await vouchers.query(
      `insert into beneficiaries.beneficiary_eligibility (beneficiary_id, programme_id, checked_at)
       select beneficiary_id, eligible_programme_ids[1], now() - interval '700 days' from vouchers.beneficiary_fact where eligible_programme_ids && $1::uuid[]`,
      [programmeIds],
    );
    await vouchers.query(
      `insert into venues.venue (id, name, address, insee_code, source_id) select venue_id, 'National venue ' || n, 'Dijon', '21231', venue_id::text from national_venue`,
    );
    // What venue.described would have replicated for them (the partner queries read names here).
    await vouchers.query(`insert into vouchers.venue_fact (venue_id, name, insee_code) select venue_id, 'National venue ' || n, '21231' from national_venue`);
    await vouchers.query(`insert into venues.programme_territory (programme_id, territory) select programme_id, territory from vouchers.programme_fact where programme_id = any($1::uuid[])`, [programmeIds]);
    await vouchers.query(`insert into venues.qualification (venue_id, programme_id) select v.venue_id, p from national_venue v, unnest($1::uuid[]) p`, [programmeIds]);
    await vouchers.query(
      `insert into venues.workshop (id, venue_id, axis, topic, duration_minutes, seats)
       select md5('workshop ' || venue_id)::uuid, venue_id, 'DISCOVER', 'Computer basics', 60, 10 from national_venue`,
    );
    await vouchers.query(
      `insert into venues.workshop_session (id, workshop_id, venue_id, starts_at, seats)
       select s.session_id, md5('workshop ' || s.venue_id)::uuid, s.venue_id, s.starts_at, s.seats from vouchers.session_fact s
        where s.venue_id in (select venue_id from national_venue)`,
    );
  });
  await vouchers.query('drop table national_redemption, national_venue');
  // Hand-outs, allocations and redemptions above were set-based: the tallies are recounted from the rows, as the migration fills them.
  await step('tallies recounted from the rows', () => recountTallies(vouchers));
  await step('analyze', () => vouchers.query('analyze'));
  // The build wrote gigabytes: the measurements start after its checkpoint, not during it (while a
  // checkpoint runs, its writes share the disk and every page first touched after it is logged
  // whole), as on the small side, where one is taken before measuring too.
  await step('checkpoint', () => vouchers.query('checkpoint'));
  return programmeIds[0]!;
}

/** BENCH_EXPLAIN=1: the plans, at national size, of the statements that read a whole programme or month. */
async function explainNational(hub: Hub, programmeId: string): Promise<void> {
  const vouchers = hub.subgraphs.vouchers.dataSource;
  const statements: [string, string, unknown[]][] = [
    // What the D-30 report and the funder's figures read since the tallies (migration 0011).
    ['D-30 report (tally): books per distributor', `select distributor_id, books, handed_out, started from book_tally where programme_id = $1 and (books, handed_out, started) <> (0, 0, 0) order by books desc`, [programmeId]],
    ['D-30 report and funder figures (tally): vouchers per state', `select programme_id, sum(available), sum(available_cents), sum(redeemed), sum(blocked) from voucher_tally where programme_id = any($1) group by programme_id`, [[programmeId]]],
    // Expiry reaches the programme's vouchers through its books since migration 0012 (the select of its update).
    ['expiry: the available vouchers of a programme, through its books', `select v.id from voucher v join book b on v.book_id = b.id where b.programme_id = $1 and v.state = 'AVAILABLE'`, [programmeId]],
  ];
  for (const [label, sql, params] of statements) {
    const plan: { 'QUERY PLAN': string }[] = await vouchers.query(`explain (analyze, buffers, costs off) ${sql}`, params);
    say(`EXPLAIN ${label}:`);
    for (const line of plan) say(`    ${line['QUERY PLAN']}`);
  }
}

async function main(): Promise<void> {
  say(`bench:scale — BENCH_SCALE ${SCALE}: ${PROGRAMMES} programmes × ${(BOOKS * PER_BOOK).toLocaleString('en')} vouchers, ${FUNDERS} funders, ${DISTRIBUTORS} distributors, ${VENUES_NATIONAL} venues, ${REDEMPTIONS.toLocaleString('en')} redemptions`);
  const db = await startBenchDatabase('pass_bench_scale');
  say(`PostgreSQL: ${db.postgres.embedded ? 'embedded' : 'from DATABASE_URL'}; ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}`);
  // The partner queries are timed one after the other, 60 each from one token: the per-token budget
  // (50 units/s) is lifted, as in `npm run bench`, so the figures are the hub's, not the allowance's.
  const hub = await startHub({ databaseUrl: db.scratch.url, gateway: { rateLimit: { perSecond: 1e6, burst: 1e6 } } });
  onCleanup(() => hub.close());
  const vouchers = hub.subgraphs.vouchers.dataSource;
  const small = await prepareSmall(hub, (REDEEM_EACH + WARM_UP_REDEMPTIONS) * 2 + 400);
  const worker = new Worker(path.join(__dirname, 'redeem-driver.js'));
  onCleanup(() => worker.terminate().then(() => undefined));
  const next = { voucher: 0 };
  await seedQueriedPages(hub, small, worker);
  // The national data ends with `analyze`: the small one gets the same, so both are measured with
  // fresh statistics and no autovacuum catching up on the rows just written.
  await vouchers.query('vacuum analyze');
  await vouchers.query('checkpoint');
  const size = async () => (await vouchers.query(`select pg_database_size(current_database()) as bytes`))[0].bytes as string;

  say('small database: measuring');
  const before = await measure(hub, small, worker, next, small.endingProgrammeId);
  const smallBytes = Number(await size());

  say('national database: building');
  const t0 = performance.now();
  const nationalProgramme = await buildNational(hub);
  const buildMs = performance.now() - t0;
  const nationalBytes = Number(await size());
  say(`built in ${seconds(buildMs)} s; load average ${os.loadavg()[0]!.toFixed(1)}`);
  if (process.env.BENCH_EXPLAIN) await explainNational(hub, nationalProgramme);
  say('national database: measuring');
  const after = await measure(hub, small, worker, next, nationalProgramme);

  const row = (label: string, a: number, b: number, unit = 'ms') =>
    say(`${label.padEnd(42)} ${a.toFixed(1).padStart(10)} ${b.toFixed(1).padStart(12)} ${unit.padEnd(3)} ×${(b / a).toFixed(2)}`);
  say('');
  say(`${'figure'.padEnd(42)} ${'small'.padStart(10)} ${'national'.padStart(12)}`);
  row('redemption p50 (gateway, concurrency 8)', before.redeemP50, after.redeemP50);
  row('redemption p99', before.redeemP99, after.redeemP99);
  for (const name of Object.keys(before.queries)) {
    row(`${name} query p50`, before.queries[name]!.p50, after.queries[name]!.p50);
    row(`${name} query p99`, before.queries[name]!.p99, after.queries[name]!.p99);
  }
  row(`month close (statements ${before.closeStatements} / ${after.closeStatements})`, before.closeMs, after.closeMs);
  row('D-30 expiry report', before.reportMs, after.reportMs);
  row(`expiry + credit-back (${before.vouchersBlocked} / ${after.vouchersBlocked} vouchers)`, before.expiryMs, after.expiryMs);
  row('database size on disk', smallBytes / 2 ** 20, nationalBytes / 2 ** 20, 'MiB');
  say(`build of the national data: ${seconds(buildMs)} s; load average now ${os.loadavg()[0]!.toFixed(1)}`);
  if (after.closeStatements === 0) say('WARNING: the national close wrote no statement: its figure measures an empty month, not a close');
  say(`goals: close ≤ 60 s ${after.closeMs <= 60_000 ? 'met' : 'MISSED'}; D-30 ≤ 5 s ${after.reportMs <= 5_000 ? 'met' : 'MISSED'}`);
}

runBench('bench:scale', Number(process.env.BENCH_LIMIT_MS ?? 3_600_000), main);
