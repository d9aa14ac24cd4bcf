import { randomUUID } from 'node:crypto';
import { Role } from '@pass/access';
import { parisMonthOf } from '@pass/contracts';
import { everyNode, inParisMonth, startTestHub, type TestHub } from '@pass/test-kit';
import {
  allocateTo,
  atTime,
  availableVoucherCodes,
  closeMonth,
  createPastProgramme,
  handOut,
  noonOf,
  orderAndIssue,
  redeemAt,
  scheduleSession,
  type PastProgramme,
} from './kit/fixtures';

/*
 * Lifecycle steps 8–10 and the money invariant, through the gateway: monthly statements for
 * venues, expiry with credits back to funders, outcomes read by the referring distributor.
 */

const STATEMENT = `query ($id: ID!) {
  reimbursementStatement(id: $id) {
    id month totalCents lineCount closedAt venue { id name }
    lines { voucherCode amountCents redeemedAt redemption { id } session { id } }
  }
}`;

const CLOSE = `mutation ($month: String!) {
  closeMonth(input: { month: $month }) {
    month statementsCreated
    statements { id month totalCents lineCount closedAt venue { id } }
    error { code message }
  }
}`;

const LEDGER = `query ($id: ID!) {
  programme(id: $id) {
    creditedBackCents
    credits { funder { id name } amountCents }
    fundingShares { basisPoints }
    ledger { orderedCents redeemedCents outstandingCents creditedBackCents balanced }
  }
}`;

/** Mid-month, `k` months before this one: inside the demo programmes' windows for k ≤ 2. */
function monthsAgo(k: number, day = 15): Date {
  return inParisMonth(-k, day, 10);
}

async function gql(hub: TestHub, query: string, variables?: Record<string, unknown>) {
  const { status, body } = await hub.graphql(query, variables);
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** Another session of the same workshop, scheduled by its venue: the demo's sessions are full. */
async function anotherSession(hub: TestHub, sessionId: string, startsAt: Date): Promise<string> {
  const { workshopSession } = await gql(hub, `query ($id: ID!) { workshopSession(id: $id) { workshop { id venue { id } } } }`, { id: sessionId });
  const id = await scheduleSession(hub, { venueId: workshopSession.workshop.venue.id, workshopId: workshopSession.workshop.id, startsAt });
  await hub.catchUp();
  return id;
}

describe('money after redemption', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ demo: true });
  });
  afterAll(() => hub?.close());

  const bookOf = (distributor: string, index = 0) => hub.demo!.handedOutBooks.filter((b) => b.distributor === distributor)[index]!.code;

  describe('monthly reimbursement statements', () => {
    const twoMonthsAgo = monthsAgo(2);
    const lastMonth = monthsAgo(1);
    const sessions: Record<'compagnons' | 'gestUp', string> = { compagnons: '', gestUp: '' };

    beforeAll(async () => {
      sessions.compagnons = await anotherSession(hub, hub.demo!.sessions.compagnons!, lastMonth);
      sessions.gestUp = await anotherSession(hub, hub.demo!.sessions.gestUp!, lastMonth);
      // Last month: two vouchers at Les Compagnons du Marais, one at Gest'Up; the month before, one more at the Compagnons.
      // One book's vouchers pay one sitting each: the book's second and third go to sittings of their own.
      const [a1, a2, a3] = await availableVoucherCodes(hub, bookOf('peNogent', 0));
      const [b1] = await availableVoucherCodes(hub, bookOf('peMontataire', 0));
      const compagnonsNextDay = await anotherSession(hub, hub.demo!.sessions.compagnons!, new Date(lastMonth.getTime() + 86_400_000));
      const compagnonsEarlier = await anotherSession(hub, hub.demo!.sessions.compagnons!, twoMonthsAgo);
      const { compagnons, gestUp } = hub.demo!.venues;
      for (const [venueId, code, session, at] of [
        [compagnons!, a1!, sessions.compagnons, lastMonth],
        [compagnons!, a2!, compagnonsNextDay, new Date(lastMonth.getTime() + 86_400_000)],
        [gestUp!, b1!, sessions.gestUp, lastMonth],
        [compagnons!, a3!, compagnonsEarlier, twoMonthsAgo],
      ] as const) {
        const answer = await redeemAt(hub, { venueId }, code, session, at);
        expect(answer.error).toBeNull();
      }
    });

    test('a month not yet ended is refused', async () => {
      const { closeMonth: answer } = await gql(hub, CLOSE, { month: parisMonthOf(new Date()) });
      expect(answer).toEqual({ month: null, statementsCreated: null, statements: null, error: { code: 'MONTH_NOT_ENDED', message: expect.stringMatching(/has not ended/) } });
    });

    test('a malformed month is a coded input error', async () => {
      const { body } = await hub.graphql(CLOSE, { month: '2025-13' });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
    });

    test('closing a month writes one statement per venue; closing it again changes nothing', async () => {
      const month = parisMonthOf(lastMonth);
      const first = (await gql(hub, CLOSE, { month })).closeMonth;
      expect(first.error).toBeNull();
      expect(first.statementsCreated).toBe(2);
      const byVenue = Object.fromEntries(first.statements.map((s: any) => [s.venue.id, s]));
      expect(byVenue[hub.demo!.venues.compagnons!]).toMatchObject({ month, totalCents: 2000, lineCount: 2 });
      expect(byVenue[hub.demo!.venues.gestUp!]).toMatchObject({ month, totalCents: 1000, lineCount: 1 });

      const second = (await gql(hub, CLOSE, { month })).closeMonth;
      expect(second.error).toBeNull();
      expect(second.statementsCreated).toBe(0);
      expect(second.statements).toEqual(first.statements);

      for (const s of first.statements) {
        const { reimbursementStatement: full } = await gql(hub, STATEMENT, { id: s.id });
        expect(full.lines).toHaveLength(full.lineCount);
        expect(full.lines.reduce((sum: number, l: any) => sum + l.amountCents, 0)).toBe(full.totalCents);
        for (const line of full.lines) {
          expect(parisMonthOf(new Date(line.redeemedAt))).toBe(month);
          expect(line.voucherCode).toMatch(/^V[0-9A-Z]{13}$/);
        }
      }
    });

    test('an older month closed later gets its own redemptions, not swept into the newer statement', async () => {
      const month = parisMonthOf(twoMonthsAgo);
      const { closeMonth: answer } = await gql(hub, CLOSE, { month });
      expect(answer.statements).toHaveLength(1);
      expect(answer.statements[0]).toMatchObject({ venue: { id: hub.demo!.venues.compagnons }, totalCents: 1000, lineCount: 1 });
    });

    test("a venue's statements, latest month first, a page at a time", async () => {
      const query = `query ($id: ID!, $first: Int, $after: String) {
        venue(id: $id) { statements(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { month totalCents } } }
      }`;
      const id = hub.demo!.venues.compagnons;
      const all = (await gql(hub, query, { id })).venue.statements;
      expect(all.nodes).toEqual([
        { month: parisMonthOf(lastMonth), totalCents: 2000 },
        { month: parisMonthOf(twoMonthsAgo), totalCents: 1000 },
      ]);
      expect(all.pageInfo.hasNextPage).toBe(false);
      // Keyset pages: the cursor names the last month shown, the next page starts before it.
      const first = (await gql(hub, query, { id, first: 1 })).venue.statements;
      expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true }, nodes: [{ month: parisMonthOf(lastMonth) }] });
      const second = (await gql(hub, query, { id, first: 1, after: first.pageInfo.endCursor })).venue.statements;
      expect(second).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false }, nodes: [{ month: parisMonthOf(twoMonthsAgo) }] });
      // A cursor of another list is refused, naming the argument.
      const books = (await gql(hub, `query ($id: ID!) { distributor(id: $id) { books(first: 1) { pageInfo { endCursor } } } }`, { id: hub.demo!.distributors.peNogent }))
        .distributor.books.pageInfo.endCursor;
      const refused = (await hub.graphql(query, { id, first: 1, after: books })).body;
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });

    test('a redemption stamped in a month already closed is refused (MONTH_CLOSED): a closed statement never changes', async () => {
      const [late] = await availableVoucherCodes(hub, bookOf('peNogent', 1));
      const answer = await redeemAt(hub, { venueId: hub.demo!.venues.compagnons! }, late!, sessions.compagnons, new Date(lastMonth.getTime() + 2 * 86_400_000));
      expect(answer.error?.code).toBe('MONTH_CLOSED');
      const again = (await gql(hub, CLOSE, { month: parisMonthOf(lastMonth) })).closeMonth;
      expect(again.statementsCreated).toBe(0);
      expect(again.statements.find((s: any) => s.venue.id === hub.demo!.venues.compagnons).totalCents).toBe(2000);

      // This month, closed as if from next month: its statement carries this month's redemptions only.
      const thisMonth = parisMonthOf(new Date());
      const nextMonth = inParisMonth(1, 20);
      const closed = await atTime(hub, nextMonth, () => closeMonth(hub, thisMonth));
      const compagnons = closed.statements.find((s) => s.venue.id === hub.demo!.venues.compagnons)!;
      const { reimbursementStatement: full } = await gql(hub, STATEMENT, { id: compagnons.id });
      // The demo's 12 redemptions of this month at the Compagnons.
      expect(full.lineCount).toBe(12);
      expect(full.totalCents).toBe(12_000);

      // No redemption of the venue left off every statement: counted in the vouchers subgraph's
      // rows, since the API lists only what statements hold.
      const [{ n }] = await hub.subgraphs.vouchers.dataSource.query(
        `select count(*)::int n from redemption r
          where r.venue_id = $1 and not exists (select 1 from reimbursement_line l where l.redemption_id = r.id)`,
        [hub.demo!.venues.compagnons],
      );
      expect(n).toBe(0);
    });
  });

  describe('expiry: blocked vouchers credited back to the funders', () => {
    let p: PastProgramme;
    let books: string[];

    beforeAll(async () => {
      p = await createPastProgramme(hub, { basisPoints: [3333, 3333, 3334], validFrom: '2024-01-01', validUntil: '2024-06-30', sittings: 3, sittingsOn: '2024-03-01' });
      await orderAndIssue(hub, p, { bookCount: 7, vouchersPerBook: 5, faceValueCents: 1000 });
      books = await allocateTo(hub, p, 4);
      await handOut(hub, p, books[0]!, '2024-02-01');
      await handOut(hub, p, books[1]!, '2024-02-01');
      // Three vouchers of one book, at three sittings: one voucher pays one sitting.
      for (const [i, code] of (await availableVoucherCodes(hub, books[0]!)).slice(0, 3).entries()) {
        expect((await redeemAt(hub, p, code, p.sessionIds[i]!, noonOf('2024-03-01'))).error).toBeNull();
      }
    });

    test('the D-30 report: books issued, handed out, never handed out, started, per distributor', async () => {
      const { expiryReport } = await gql(
        hub,
        `query ($id: ID!) { expiryReport(programmeId: $id) {
           validUntil alertOn booksIssued booksNotAllocated booksHandedOut booksNeverHandedOut booksStarted
           vouchersAvailable availableCents
           distributors { distributor { id name } booksAllocated booksHandedOut booksNeverHandedOut booksStarted } } }`,
        { id: p.programmeId },
      );
      expect(expiryReport).toMatchObject({
        validUntil: '2024-06-30',
        alertOn: '2024-05-31',
        booksIssued: 7,
        booksNotAllocated: 3,
        booksHandedOut: 2,
        booksNeverHandedOut: 5,
        booksStarted: 1,
        vouchersAvailable: 32,
        availableCents: 32_000,
      });
      expect(expiryReport.distributors).toEqual([
        { distributor: { id: p.distributorId, name: expect.stringMatching(/^Distributor /) }, booksAllocated: 4, booksHandedOut: 2, booksNeverHandedOut: 2, booksStarted: 1 },
      ]);
    });

    test('an unknown programme, or an unknown order to issue, is a refusal in the payload, not a thrown error', async () => {
      const { expireProgramme } = await gql(hub, `mutation ($id: ID!) { expireProgramme(input: { programmeId: $id }) { programme { id } vouchersBlocked error { code } } }`, {
        id: randomUUID(),
      });
      expect(expireProgramme).toEqual({ programme: null, vouchersBlocked: null, error: { code: 'PROGRAMME_NOT_FOUND' } });
      const { issueBooks } = await gql(hub, `mutation ($id: ID!) { issueBooks(input: { orderId: $id }) { orderId booksIssued error { code } } }`, { id: randomUUID() });
      expect(issueBooks).toEqual({ orderId: null, booksIssued: null, error: { code: 'ORDER_NOT_PAID' } });
    });

    test('a programme still valid is refused', async () => {
      const { expireProgramme } = await gql(
        hub,
        `mutation ($id: ID!) { expireProgramme(input: { programmeId: $id }) { vouchersBlocked credits { amountCents } error { code } } }`,
        { id: hub.demo!.programmes.cso },
      );
      expect(expireProgramme).toEqual({ vouchersBlocked: null, credits: null, error: { code: 'PROGRAMME_STILL_VALID' } });
    });

    test('expiry blocks the 32 unused vouchers and credits €320 back at 3333/3333/3334 bp, to the cent, once', async () => {
      const EXPIRE = `mutation ($id: ID!) { expireProgramme(input: { programmeId: $id }) {
        vouchersBlocked blockedCents credits { funder { id } amountCents } error { code } } }`;
      const { expireProgramme: first } = await gql(hub, EXPIRE, { id: p.programmeId });
      expect(first.error).toBeNull();
      expect(first.vouchersBlocked).toBe(32);
      expect(first.blockedCents).toBe(32_000);
      // 10,665.6 / 10,665.6 / 10,668.8: the two leftover cents go to the largest remainders (.8, then the first .6).
      expect(first.credits).toEqual([
        { funder: { id: p.funderIds[0] }, amountCents: 10_666 },
        { funder: { id: p.funderIds[1] }, amountCents: 10_665 },
        { funder: { id: p.funderIds[2] }, amountCents: 10_669 },
      ]);

      const { expireProgramme: second } = await gql(hub, EXPIRE, { id: p.programmeId });
      expect(second).toEqual({ vouchersBlocked: 0, blockedCents: 0, credits: [], error: null });

      const { programme } = await gql(hub, LEDGER, { id: p.programmeId });
      expect(programme.creditedBackCents).toBe(32_000);
      expect(programme.credits.map((c: any) => c.amountCents).sort()).toEqual([10_665, 10_666, 10_669]);
      expect(programme.credits.every((c: any) => c.funder.name.startsWith('Funder '))).toBe(true);
      expect(programme.ledger).toEqual({ orderedCents: 35_000, redeemedCents: 3000, outstandingCents: 0, creditedBackCents: 32_000, balanced: true });
    });

    test('a blocked voucher is refused as expired, even on a day inside the window', async () => {
      const [handedOutUnused] = await gql(hub, `query ($code: String!) { book(code: $code) { vouchers { code state } } }`, { code: books[1] }).then(
        (d) => d.book.vouchers.map((v: any) => v) as { code: string; state: string }[],
      );
      expect(handedOutUnused!.state).toBe('BLOCKED');
      const inWindow = await redeemAt(hub, p, handedOutUnused!.code, p.sessionId, noonOf('2024-03-02'));
      expect(inWindow.error?.code).toBe('VOUCHER_EXPIRED');
      // Through the API, as the venue itself: redeemVoucher is the calling venue's.
      const venue = await hub.tokenFor({ role: Role.VENUE, organisationId: p.venueId });
      const { status, body } = await hub.graphqlAs(
        venue,
        `mutation ($input: RedeemVoucherInput!) { redeemVoucher(input: $input) { redemption { id } error { code } } }`,
        { input: { voucherCode: handedOutUnused!.code, sessionId: p.sessionId, idempotencyKey: 'expired-voucher-via-api' } },
      );
      expect(status).toBe(200);
      expect(body).toEqual({ data: { redeemVoucher: { redemption: null, error: { code: 'VOUCHER_EXPIRED' } } } });
    });
  });

  describe('outcomes', () => {
    const RECORD = `mutation ($input: RecordOutcomeInput!) {
      recordOutcome(input: $input) { outcome { pixScore skillsReached note venue { id } } error { code } } }`;

    test('the venue that served a book records an outcome; the referring distributor reads it through its books', async () => {
      const code = bookOf('peMontataire', 1);
      const { recordOutcome: answer } = await gql(hub, RECORD, {
        input: { bookCode: code, venueId: hub.demo!.venues.gestUp, pixScore: 412, skillsReached: ['Send an email', ' Send an email ', 'Apply online'], note: 'CV done' },
      });
      expect(answer).toEqual({
        outcome: { pixScore: 412, skillsReached: ['Send an email', 'Apply online'], note: 'CV done', venue: { id: hub.demo!.venues.gestUp } },
        error: null,
      });
      const books: any[] = await everyNode(async (after) =>
        (await gql(
          hub,
          `query ($id: ID!, $after: String) { distributor(id: $id) { books(first: 100, after: $after) {
             nodes { code outcomes { venue { name } pixScore skillsReached recordedAt } } pageInfo { hasNextPage endCursor } } } }`,
          { id: hub.demo!.distributors.peMontataire, after },
        )).distributor.books,
      );
      const book = books.find((b: any) => b.code === code);
      expect(book.outcomes).toEqual([
        { venue: { name: "Gest'Up" }, pixScore: 412, skillsReached: ['Send an email', 'Apply online'], recordedAt: expect.any(String) },
      ]);
      expect(books.filter((b: any) => b.outcomes.length > 0)).toHaveLength(1);
    });

    test('a venue that redeemed no voucher of the book may not', async () => {
      const { recordOutcome: answer } = await gql(hub, RECORD, {
        input: { bookCode: bookOf('peMontataire', 1), venueId: hub.demo!.venues.pimms, pixScore: 100 },
      });
      expect(answer).toEqual({ outcome: null, error: { code: 'VENUE_DID_NOT_SERVE_BOOK' } });
    });

    test('an unknown book is a typed error; a score past 1,000 a coded input error', async () => {
      const unknown = await gql(hub, RECORD, { input: { bookCode: 'BXXXXXXXXXXXXX', venueId: hub.demo!.venues.gestUp, pixScore: 1 } });
      expect(unknown.recordOutcome.error.code).toBe('BOOK_NOT_FOUND');
      const { body } = await hub.graphql(RECORD, { input: { bookCode: bookOf('peMontataire', 1), venueId: hub.demo!.venues.gestUp, pixScore: 1001 } });
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'pixScore' });
      const { body: empty } = await hub.graphql(RECORD, { input: { bookCode: bookOf('peMontataire', 1), venueId: hub.demo!.venues.gestUp, skillsReached: [] } });
      expect(empty.errors?.[0]?.message).toMatch(/needs a PIX score/);
    });
  });

  describe('who may', () => {
    const forbidden = (body: { errors?: any[] }) => body.errors?.map((e) => e.extensions?.code);

    test('only the operator closes months and expires programmes', async () => {
      const venue = await hub.tokenFor({ role: Role.VENUE, organisationId: hub.demo!.venues.gestUp });
      const funder = await hub.tokenFor({ role: Role.FUNDER, organisationId: hub.demo!.funders.cso });
      expect(forbidden((await hub.graphqlAs(venue, CLOSE, { month: '2020-01' })).body)).toEqual(['FORBIDDEN']);
      const expire = `mutation ($id: ID!) { expireProgramme(input: { programmeId: $id }) { vouchersBlocked } }`;
      expect(forbidden((await hub.graphqlAs(funder, expire, { id: hub.demo!.programmes.cso })).body)).toEqual(['FORBIDDEN']);
    });

    test("a venue reads its own statements, not another's", async () => {
      const { venue } = await gql(hub, `query ($id: ID!) { venue(id: $id) { statements { nodes { id } } } }`, { id: hub.demo!.venues.compagnons });
      const own = await hub.tokenFor({ role: Role.VENUE, organisationId: hub.demo!.venues.compagnons });
      const other = await hub.tokenFor({ role: Role.VENUE, organisationId: hub.demo!.venues.gestUp });
      const query = `query ($id: ID!) { reimbursementStatement(id: $id) { totalCents } }`;
      expect((await hub.graphqlAs(own, query, { id: venue.statements.nodes[0].id })).body.errors).toBeUndefined();
      expect(forbidden((await hub.graphqlAs(other, query, { id: venue.statements.nodes[0].id })).body)).toEqual(['FORBIDDEN']);
    });

    test('a funder reads the expiry report of the programmes it funds only', async () => {
      const query = `query ($id: ID!) { expiryReport(programmeId: $id) { booksIssued } }`;
      const eu = await hub.tokenFor({ role: Role.FUNDER, organisationId: hub.demo!.funders.eu });
      expect((await hub.graphqlAs(eu, query, { id: hub.demo!.programmes.cso })).body.data).toEqual({ expiryReport: { booksIssued: 1570 } });
      expect(forbidden((await hub.graphqlAs(eu, query, { id: hub.demo!.programmes.creuse })).body)).toEqual(['FORBIDDEN']);
    });

    test("a programme's ledger and credits are for its funders, coordinators, the operator and analysts", async () => {
      const query = `query ($id: ID!) { programme(id: $id) { ledger { balanced } } }`;
      const funder = await hub.tokenFor({ role: Role.FUNDER, organisationId: hub.demo!.funders.state });
      const analyst = await hub.tokenFor({ role: Role.ANALYST });
      const venue = await hub.tokenFor({ role: Role.VENUE, organisationId: hub.demo!.venues.gestUp });
      expect((await hub.graphqlAs(funder, query, { id: hub.demo!.programmes.cso })).body.data).toEqual({ programme: { ledger: { balanced: true } } });
      expect((await hub.graphqlAs(analyst, query, { id: hub.demo!.programmes.cso })).body.data).toEqual({ programme: { ledger: { balanced: true } } });
      const refused = await hub.graphqlAs(venue, query, { id: hub.demo!.programmes.cso });
      expect(refused.body.errors?.[0]).toMatchObject({ message: expect.stringContaining("programme's figures"), extensions: { code: 'FORBIDDEN' } });
      expect(refused.body.errors![0].extensions.serviceName).toBeUndefined();
    });

    test('a venue records outcomes as itself only; a book\'s outcomes are for its distributor', async () => {
      const code = bookOf('peMontataire', 2);
      const record = `mutation ($input: RecordOutcomeInput!) { recordOutcome(input: $input) { outcome { pixScore } error { code } } }`;
      const gestUp = await hub.tokenFor({ role: Role.VENUE, organisationId: hub.demo!.venues.gestUp });
      const asItself = await hub.graphqlAs(gestUp, record, { input: { bookCode: code, venueId: hub.demo!.venues.gestUp, pixScore: 300 } });
      expect(asItself.body.data).toEqual({ recordOutcome: { outcome: { pixScore: 300 }, error: null } });
      const asAnother = await hub.graphqlAs(gestUp, record, { input: { bookCode: code, venueId: hub.demo!.venues.pimms, pixScore: 300 } });
      expect(forbidden(asAnother.body)).toEqual(['FORBIDDEN']);

      const read = `query ($code: String!) { book(code: $code) { outcomes { pixScore } } }`;
      const referrer = await hub.tokenFor({ role: Role.DISTRIBUTOR, organisationId: hub.demo!.distributors.peMontataire });
      expect((await hub.graphqlAs(referrer, read, { code })).body.data).toEqual({ book: { outcomes: [{ pixScore: 300 }] } });
      const stranger = await hub.tokenFor({ role: Role.DISTRIBUTOR, organisationId: hub.demo!.distributors.mlCreil });
      expect(forbidden((await hub.graphqlAs(stranger, read, { code })).body)).toEqual(['FORBIDDEN']);
    });
  });

  test("the demo programmes' ledgers balance: ordered = redeemed + outstanding + credited back", async () => {
    for (const id of Object.values(hub.demo!.programmes)) {
      const { programme } = await gql(hub, LEDGER, { id });
      const l = programme.ledger;
      expect(l.balanced).toBe(true);
      expect(l.orderedCents).toBe(l.redeemedCents + l.outstandingCents + l.creditedBackCents);
      expect(programme.fundingShares.reduce((s: number, f: any) => s + f.basisPoints, 0)).toBe(10_000);
    }
    const { programme } = await gql(hub, LEDGER, { id: hub.demo!.programmes.cso });
    expect(programme.ledger.orderedCents).toBe(7_850_000);
    expect(programme.ledger.creditedBackCents).toBe(0);
  });
});
