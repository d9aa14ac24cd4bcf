import { randomUUID } from 'node:crypto';
import { startTestHub, totalSqlStatements, type TestHub } from '@pass/test-kit';
import { gql, handOutFreshBook, inWaves, redeem, registerVenue, scheduleSessions, seedSmallProgramme, venueToken, type FreshBook, type RedeemAnswer } from './kit/fixtures';

/*
 * A voucher is paid to a venue once, whatever the network does: concurrent scans of one voucher,
 * a client retrying the same request a thousand times, a rush on the last seats of a session.
 * Every request goes through the gateway over HTTP; the database is then checked directly.
 */
const REDEEM_BRIEFLY = `mutation Redeem($input: RedeemVoucherInput!) {
  redeemVoucher(input: $input) { redemption { id cursor redeemedAt amountCents } error { code message } }
}`;

describe('redeemVoucher happens exactly once', () => {
  let hub: TestHub;
  let programmeId: string;
  let distributorId: string;
  let venueId: string;
  let atVenue: string;

  beforeAll(async () => {
    hub = await startTestHub();
    const venue = await registerVenue(hub, { name: 'Les Compagnons du Marais', address: 'Villers-Saint-Paul', inseeCode: '60684' });
    ({ programmeId, distributorId, venueId } = await seedSmallProgramme(hub, 20, venue));
    atVenue = await venueToken(hub, venueId);
  });
  afterAll(() => hub?.close());

  // The proof is in the rows: exactly one redemption row, one idempotency record. No API counts
  // rows a bug could have written twice, so this suite reads the vouchers subgraph's tables.
  const vouchersDb = () => hub.subgraphs.vouchers.dataSource;

  async function voucherInDb(code: string): Promise<{ state: string; redemptions: number; redeemedAt: Date | null }> {
    const [row] = await vouchersDb().query(
      `select v.state, v.redeemed_at, (select count(*)::int from redemption r where r.voucher_id = v.id) as redemptions
         from voucher v where v.code = $1`,
      [code],
    );
    return { state: row.state, redemptions: row.redemptions, redeemedAt: row.redeemed_at };
  }

  async function programmeFigures(): Promise<{ vouchersRedeemed: number; redeemedAmountCents: number; outstandingAmountCents: number }> {
    const data = await gql(hub, `query ($id: ID!) { programme(id: $id) { vouchersRedeemed redeemedAmountCents outstandingAmountCents } }`, {
      id: programmeId,
    });
    return data.programme;
  }

  const codesOf = (answers: RedeemAnswer[]) => answers.map((a) => a.error?.code ?? 'REDEEMED');
  const tally = (codes: string[]) => codes.reduce<Record<string, number>>((t, c) => ({ ...t, [c]: (t[c] ?? 0) + 1 }), {});

  test('100 concurrent redemptions of one voucher in 100 sessions: one redemption, 99 VOUCHER_ALREADY_REDEEMED', async () => {
    const {
      voucherCodes: [voucherCode],
    } = await handOutFreshBook(hub, programmeId, distributorId);
    const sessions = await scheduleSessions(hub, venueId, 100);
    expect(new Set(sessions).size).toBe(100);
    const before = await programmeFigures();

    // As from 100 terminals of the venue, each with its own token.
    const terminals = await Promise.all(sessions.map(() => venueToken(hub, venueId)));
    const answers = await Promise.all(
      sessions.map((sessionId, i) => redeem(hub, terminals[i]!, { voucherCode: voucherCode!, sessionId, idempotencyKey: `race-${i}-${randomUUID()}` })),
    );

    expect(tally(codesOf(answers))).toEqual({ REDEEMED: 1, VOUCHER_ALREADY_REDEEMED: 99 });
    const winner = answers.find((a) => a.redemption)!.redemption!;
    expect(winner).toMatchObject({ amountCents: 1000, venue: { id: venueId }, voucher: { code: voucherCode, state: 'REDEEMED' } });
    expect(sessions).toContain(winner.session.id);

    expect(await voucherInDb(voucherCode!)).toMatchObject({ state: 'REDEEMED', redemptions: 1 });
    const rows = await vouchersDb().query(
      `select r.id, r.session_id, r.amount_cents from redemption r join voucher v on v.id = r.voucher_id where v.code = $1`,
      [voucherCode],
    );
    expect(rows).toEqual([{ id: winner.id, session_id: winner.session.id, amount_cents: 1000 }]);
    // Each of the 100 keys keeps its own first answer: one success, 99 refusals.
    const [stored] = await vouchersDb().query(
      `select count(*)::int as keys, count(*) filter (where response ? 'redemptionId')::int as successes
         from idempotency where key like 'race-%'`,
    );
    expect(stored).toEqual({ keys: 100, successes: 1 });

    // The money moved once: €10 redeemed, €10 less outstanding.
    const after = await programmeFigures();
    expect(after.vouchersRedeemed - before.vouchersRedeemed).toBe(1);
    expect(after.redeemedAmountCents - before.redeemedAmountCents).toBe(1000);
    expect(before.outstandingAmountCents - after.outstandingAmountCents).toBe(1000);
  });

  test('1,000 retries with one idempotency key: one redemption, the same answer every time', async () => {
    const {
      voucherCodes: [voucherCode, otherVoucherCode],
    } = await handOutFreshBook(hub, programmeId, distributorId);
    const [sessionId, otherSessionId] = await scheduleSessions(hub, venueId, 2);
    const idempotencyKey = `retry-${randomUUID()}`;
    const input = { voucherCode: voucherCode!, sessionId: sessionId!, idempotencyKey };
    const before = await programmeFigures();

    // 20 waves of 50 concurrent calls; the first wave races on a key nobody has answered yet.
    // The selection is kept small: these are a thousand round trips through the gateway. Each
    // ten calls have a token of their own: the gateway's rate limit and its cap of 16 requests in
    // flight per token are not what is tested here.
    const tokens = await Promise.all(Array.from({ length: 100 }, () => venueToken(hub, venueId)));
    const answers = await inWaves(1000, 50, async (i) => {
      const data = await gql(hub, REDEEM_BRIEFLY, { input }, tokens[Math.floor(i / 10)]);
      return data.redeemVoucher as { redemption: { id: string; cursor: string; redeemedAt: string; amountCents: number } | null; error: unknown };
    });

    expect(answers).toHaveLength(1000);
    expect(answers.filter((a) => a.error)).toEqual([]);
    const first = answers[0]!.redemption!;
    for (const answer of answers) expect(answer.redemption).toEqual(first);
    expect(first.amountCents).toBe(1000);
    const replayed = await redeem(hub, atVenue, input);
    expect(replayed.redemption).toMatchObject({ ...first, session: { id: sessionId }, voucher: { code: voucherCode, state: 'REDEEMED' } });

    expect(await voucherInDb(voucherCode!)).toMatchObject({ state: 'REDEEMED', redemptions: 1 });
    const [key] = await vouchersDb().query(`select response from idempotency where key = $1`, [idempotencyKey]);
    expect(key.response).toEqual({ redemptionId: first.id });
    const after = await programmeFigures();
    expect(after.vouchersRedeemed - before.vouchersRedeemed).toBe(1);
    expect(after.redeemedAmountCents - before.redeemedAmountCents).toBe(1000);

    // The same key on another request is refused and changes nothing…
    const reused = await Promise.all([
      redeem(hub, atVenue, { ...input, voucherCode: otherVoucherCode! }),
      redeem(hub, atVenue, { ...input, sessionId: otherSessionId! }),
      redeem(hub, atVenue, { ...input, voucherCode: otherVoucherCode!, sessionId: otherSessionId! }),
    ]);
    for (const answer of reused) {
      expect(answer.redemption).toBeNull();
      expect(answer.error?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    }
    expect(await voucherInDb(otherVoucherCode!)).toMatchObject({ state: 'AVAILABLE', redemptions: 0 });
    // …and the first answer is still the one replayed.
    expect((await redeem(hub, atVenue, input)).redemption).toEqual(replayed.redemption);
  });

  test('a case or dash variant of the code is the same request under one key', async () => {
    const {
      voucherCodes: [voucherCode],
    } = await handOutFreshBook(hub, programmeId, distributorId);
    const [sessionId] = await scheduleSessions(hub, venueId, 1);
    const idempotencyKey = `variant-${randomUUID()}`;
    const first = await redeem(hub, atVenue, { voucherCode: voucherCode!, sessionId: sessionId!, idempotencyKey });
    expect(first.redemption).not.toBeNull();
    const display = `${voucherCode!.slice(0, 5)}-${voucherCode!.slice(5, 10)}-${voucherCode!.slice(10)}`.toLowerCase();
    expect(await redeem(hub, atVenue, { voucherCode: display, sessionId: sessionId!, idempotencyKey })).toEqual(first);
  });

  test('a new key for a redeemed voucher is refused, while the first key still replays its success', async () => {
    const {
      voucherCodes: [voucherCode],
    } = await handOutFreshBook(hub, programmeId, distributorId);
    const [sessionId] = await scheduleSessions(hub, venueId, 1);
    const firstInput = { voucherCode: voucherCode!, sessionId: sessionId!, idempotencyKey: `first-${randomUUID()}` };
    const first = await redeem(hub, atVenue, firstInput);
    expect(first.redemption).not.toBeNull();

    const again = await redeem(hub, atVenue, { ...firstInput, idempotencyKey: `second-${randomUUID()}` });
    expect(again).toEqual({ redemption: null, error: expect.objectContaining({ code: 'VOUCHER_ALREADY_REDEEMED' }) });
    expect(await redeem(hub, atVenue, firstInput)).toEqual(first);
    expect(await voucherInDb(voucherCode!)).toMatchObject({ state: 'REDEEMED', redemptions: 1 });
  });

  test('a session with 3 seats and 10 concurrent redemptions of 10 vouchers: 3 redeemed, 7 SESSION_FULL', async () => {
    // Ten books, one voucher of each: one voucher pays one sitting, so a book takes one seat per session.
    const books: FreshBook[] = [];
    for (let i = 0; i < 10; i++) books.push(await handOutFreshBook(hub, programmeId, distributorId));
    const voucherCodes = books.map((b) => b.voucherCodes[0]!);
    expect(new Set(voucherCodes).size).toBe(10);
    const [sessionId] = await scheduleSessions(hub, venueId, 1, 3);

    const answers = await Promise.all(voucherCodes.map((voucherCode) => redeem(hub, atVenue, { voucherCode, sessionId: sessionId! })));

    expect(tally(codesOf(answers))).toEqual({ REDEEMED: 3, SESSION_FULL: 7 });
    const [{ taken }] = await vouchersDb().query(`select count(*)::int as taken from redemption where session_id = $1`, [sessionId]);
    expect(taken).toBe(3);
    const states = await Promise.all(voucherCodes.map(voucherInDb));
    voucherCodes.forEach((_, i) => {
      // A voucher refused for lack of seats stays usable.
      expect(states[i]).toMatchObject(answers[i]!.redemption ? { state: 'REDEEMED', redemptions: 1 } : { state: 'AVAILABLE', redemptions: 0 });
    });
    const { workshopSession } = await gql(hub, `query ($id: ID!) { workshopSession(id: $id) { seats redemptions { id } } }`, { id: sessionId });
    expect(workshopSession.seats).toBe(3);
    expect(workshopSession.redemptions.map((r: { id: string }) => r.id).sort()).toEqual(
      answers.flatMap((a) => (a.redemption ? [a.redemption.id] : [])).sort(),
    );
  });
  test("the counter page's voucher and seats left come with the redemption, as its own transaction left them, at no extra read", async () => {
    const books: FreshBook[] = [];
    for (let i = 0; i < 5; i++) books.push(await handOutFreshBook(hub, programmeId, distributorId));
    const [sessionId] = await scheduleSessions(hub, venueId, 1, 5);
    const redeemAsking = async (voucherCode: string, fields: string, idempotencyKey = `seats-${randomUUID()}`) => {
      const before = await totalSqlStatements(hub);
      const answer = await gql(hub, `mutation ($input: RedeemVoucherInput!) { redeemVoucher(input: $input) { redemption { id session { id ${fields} } } error { code } } }`, {
        input: { voucherCode, sessionId, idempotencyKey },
      }, atVenue);
      return { answer: answer.redeemVoucher, statements: (await totalSqlStatements(hub)) - before };
    };
    const seatsLeftRead = async () => (await gql(hub, `query ($id: ID!) { workshopSession(id: $id) { seatsLeft } }`, { id: sessionId }, atVenue)).workshopSession.seatsLeft;

    // The same redemption asked without and with the seats left: the same statements, and the figure a later read gives.
    const without = await redeemAsking(books[0]!.voucherCodes[0]!, '');
    const key = `seats-${randomUUID()}`;
    const withSeats = await redeemAsking(books[1]!.voucherCodes[0]!, 'seatsLeft', key);
    expect(without.answer.error).toBeNull();
    expect(withSeats.answer.error).toBeNull();
    // Counted by the subgraphs themselves (their /metrics), so a layout that counted nothing could not pass.
    expect(without.statements).toBeGreaterThan(0);
    expect(withSeats.statements).toBe(without.statements);
    expect(withSeats.answer.redemption.session.seatsLeft).toBe(3);
    expect(await seatsLeftRead()).toBe(3);
    // Two at once in the 5-seat session: each counted after the other's commit, never the same figure twice.
    const both = await Promise.all([2, 3].map((i) => redeemAsking(books[i]!.voucherCodes[0]!, 'seatsLeft')));
    expect(both.map((b) => b.answer.redemption.session.seatsLeft).sort()).toEqual([1, 2]);
    expect(await seatsLeftRead()).toBe(1);
    // A replay under the key reads them afresh: what is left now, not what was left then.
    const replay = await redeemAsking(books[1]!.voucherCodes[0]!, 'seatsLeft', key);
    expect(replay.answer.redemption.id).toBe(withSeats.answer.redemption.id);
    expect(replay.answer.redemption.session.seatsLeft).toBe(1);
    // The voucher as the redemption wrote it: field for field what a later read gives, and no statement more.
    const VOUCHER = 'id code faceValueCents state redeemedAt';
    const voucherCode = books[4]!.voucherCodes[0]!;
    const before = await totalSqlStatements(hub);
    const withVoucher = (await gql(hub, `mutation ($input: RedeemVoucherInput!) { redeemVoucher(input: $input) { redemption { id voucher { ${VOUCHER} } } error { code } } }`, {
      input: { voucherCode, sessionId, idempotencyKey: `voucher-${randomUUID()}` },
    }, atVenue)).redeemVoucher;
    expect((await totalSqlStatements(hub)) - before).toBe(without.statements);
    expect(withVoucher.error).toBeNull();
    expect(withVoucher.redemption.voucher).toMatchObject({ code: voucherCode, state: 'REDEEMED' });
    const later = (await gql(hub, `query ($code: String!) { voucher(code: $code) { ${VOUCHER} } }`, { code: voucherCode }, atVenue)).voucher;
    expect(withVoucher.redemption.voucher).toEqual(later);
  });
});
