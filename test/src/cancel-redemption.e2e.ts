import { randomUUID } from 'node:crypto';
import { parisMonthOf } from '@pass/contracts';
import { inParisMonth, startTestHub, type TestHub } from '@pass/test-kit';
import { atTime, closeMonth, handOutFreshBook, redeem, registerVenue, scheduleSessions, seedSmallProgramme, venueToken } from './kit/fixtures';

/*
 * A venue that took the wrong code takes the redemption back before its month is closed: the
 * voucher is available again, the amount due drops, and the act is in the audit log. After the
 * close it is refused: only the operator's correction takes it back, deducted on the venue's next
 * statement.
 */
describe('cancelRedemption', () => {
  let hub: TestHub;
  let venueId: string;
  let programmeId: string;
  let distributorId: string;
  let sessions: string[];
  const CANCEL = `mutation ($input: CancelRedemptionInput!) {
    cancelRedemption(input: $input) { cancelledRedemption { id voucher { code state } } error { code } }
  }`;
  const due = async (token: string) =>
    (await hub.graphqlAs(token, `query ($id: ID!) { venue(id: $id) { amountDueCents } }`, { id: venueId })).body.data.venue.amountDueCents;

  beforeAll(async () => {
    hub = await startTestHub();
    venueId = await registerVenue(hub, { name: "Gest'Up", address: 'Creil', inseeCode: '60175' });
    ({ programmeId, distributorId } = await seedSmallProgramme(hub, 6, venueId));
    sessions = await scheduleSessions(hub, venueId, 3);
  });
  afterAll(() => hub?.close());

  test('before the close: the voucher is available again, off the amount due, and audited; it can be redeemed again', async () => {
    const { voucherCodes } = await handOutFreshBook(hub, programmeId, distributorId);
    const venue = await venueToken(hub, venueId);
    const key = `wrong-${randomUUID()}`;
    const taken = await redeem(hub, venue, { voucherCode: voucherCodes[0]!, sessionId: sessions[0]!, idempotencyKey: key });
    expect(await due(venue)).toBe(1000);

    // Another venue cannot take it back.
    const other = await hub.tokenFor({ role: 'venue' as never, organisationId: randomUUID() });
    expect((await hub.graphqlAs(other, CANCEL, { input: { redemptionId: taken.redemption!.id } })).body.data.cancelRedemption.error.code).toBe(
      'REDEMPTION_OF_ANOTHER_VENUE',
    );

    const cancelled = (await hub.graphqlAs(venue, CANCEL, { input: { redemptionId: taken.redemption!.id } })).body.data.cancelRedemption;
    expect(cancelled).toEqual({ cancelledRedemption: { id: taken.redemption!.id, voucher: { code: voucherCodes[0], state: 'AVAILABLE' } }, error: null });
    expect(await due(venue)).toBe(0);
    const { auditLog } = (await hub.graphql(`{ auditLog(first: 20) { nodes { action organisationId recordId } } }`)).body.data;
    expect(auditLog.nodes).toContainEqual({ action: 'mutation:cancelRedemption', organisationId: venueId, recordId: taken.redemption!.id });
    // Cancelled twice: nothing left to cancel.
    expect((await hub.graphqlAs(venue, CANCEL, { input: { redemptionId: taken.redemption!.id } })).body.data.cancelRedemption.error.code).toBe('REDEMPTION_NOT_FOUND');

    // The right redemption of that voucher, with a new key, goes through.
    const again = await redeem(hub, venue, { voucherCode: voucherCodes[0]!, sessionId: sessions[1]! });
    expect(again.error).toBeNull();
    expect(await due(venue)).toBe(1000);
  });

  test('after the close of its month: refused MONTH_CLOSED, the statement unchanged', async () => {
    const { voucherCodes } = await handOutFreshBook(hub, programmeId, distributorId);
    const lastMonth = inParisMonth(-1);
    // A session of that day: a voucher is taken on its session's day or the 7 days after.
    const [lastMonthSession] = await scheduleSessions(hub, venueId, 1, 12, lastMonth);
    const venue = await venueToken(hub, venueId);
    const taken = await atTime(hub, lastMonth, () => redeem(hub, venue, { voucherCode: voucherCodes[0]!, sessionId: lastMonthSession!, idempotencyKey: `late-${randomUUID()}` }));
    const closed = await closeMonth(hub, parisMonthOf(lastMonth));
    expect(closed.statements.map((s) => s.totalCents)).toEqual([1000]);
    const answer = (await hub.graphqlAs(venue, CANCEL, { input: { redemptionId: taken.redemption!.id } })).body.data.cancelRedemption;
    expect(answer.error.code).toBe('MONTH_CLOSED');
    expect((await closeMonth(hub, parisMonthOf(lastMonth))).statements.map((s) => s.totalCents)).toEqual([1000]);
  });

  describe("the operator's correction after the close", () => {
    const CORRECT = `mutation ($input: CorrectRedemptionInput!) {
      correctRedemption(input: $input) {
        correction { id amountCents reason redemption { id correctedAt } voucher { code state } venue { id } statement { month } }
        error { code }
      }
    }`;
    const LEDGER = `query ($id: ID!) { programme(id: $id) { ledger { redeemedCents outstandingCents balanced } } }`;
    const STATEMENTS = `query ($id: ID!) {
      venue(id: $id) { statements { nodes { month totalCents lineCount correctionCount lines { amountCents } corrections { amountCents reason redemption { id } } } } }
    }`;
    const monthsBack = (k: number) => inParisMonth(-k);

    test('deducted on the next statement, once; the voucher usable again; the ledger balanced; audited', async () => {
      const [threeMonthsAgo, twoMonthsAgo] = [monthsBack(3), monthsBack(2)];
      const { voucherCodes } = await handOutFreshBook(hub, programmeId, distributorId);
      const [early] = await scheduleSessions(hub, venueId, 1, 12, threeMonthsAgo);
      const later = await scheduleSessions(hub, venueId, 2, 12, twoMonthsAgo);
      const venue = await venueToken(hub, venueId);
      const wrong = await atTime(hub, threeMonthsAgo, () => redeem(hub, venue, { voucherCode: voucherCodes[0]!, sessionId: early!, idempotencyKey: `wrong-${randomUUID()}` }));
      const redemptionId = wrong.redemption!.id;
      expect((await closeMonth(hub, parisMonthOf(threeMonthsAgo))).statements.map((s) => s.totalCents)).toEqual([1000]);
      const input = { redemptionId, reason: 'wrong code taken: the holder still has this voucher' };
      const ledger = async () => (await hub.graphql(LEDGER, { id: programmeId })).body.data.programme.ledger;
      const before = await ledger();

      // The venue itself can no longer take it back, nor can it correct it.
      expect((await hub.graphqlAs(venue, CANCEL, { input: { redemptionId } })).body.data.cancelRedemption.error.code).toBe('MONTH_CLOSED');
      expect((await hub.graphqlAs(venue, CORRECT, { input })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

      const { correctRedemption } = (await hub.graphql(CORRECT, { input })).body.data;
      expect(correctRedemption).toEqual({
        correction: {
          id: expect.any(String),
          amountCents: 1000,
          reason: input.reason,
          redemption: { id: redemptionId, correctedAt: expect.any(String) },
          voucher: { code: voucherCodes[0], state: 'AVAILABLE' },
          venue: { id: venueId },
          statement: null,
        },
        error: null,
      });
      // The euro is no longer redeemed: it is outstanding again, and the ledger still balances.
      expect(await ledger()).toEqual({ redeemedCents: before.redeemedCents - 1000, outstandingCents: before.outstandingCents + 1000, balanced: true });
      const { auditLog } = (await hub.graphql(`{ auditLog(first: 20) { nodes { action recordId } } }`)).body.data;
      expect(auditLog.nodes).toContainEqual({ action: 'mutation:correctRedemption', recordId: correctRedemption.correction.id });
      // Once only.
      expect((await hub.graphql(CORRECT, { input })).body.data.correctRedemption).toEqual({ correction: null, error: { code: 'REDEMPTION_ALREADY_CORRECTED' } });

      // The next month closed for the venue: its two redemptions paid, the correction deducted.
      for (const [i, sessionId] of later.entries()) {
        const paid = await atTime(hub, twoMonthsAgo, () => redeem(hub, venue, { voucherCode: voucherCodes[i + 1]!, sessionId: sessionId!, idempotencyKey: `later-${randomUUID()}` }));
        expect(paid.error).toBeNull();
      }
      await closeMonth(hub, parisMonthOf(twoMonthsAgo));
      await closeMonth(hub, parisMonthOf(twoMonthsAgo));
      const statements = (await hub.graphqlAs(venue, STATEMENTS, { id: venueId })).body.data.venue.statements.nodes;
      const of = (month: string) => statements.find((s: { month: string }) => s.month === month);
      expect(of(parisMonthOf(threeMonthsAgo))).toEqual({ month: parisMonthOf(threeMonthsAgo), totalCents: 1000, lineCount: 1, correctionCount: 0, lines: [{ amountCents: 1000 }], corrections: [] });
      expect(of(parisMonthOf(twoMonthsAgo))).toEqual({
        month: parisMonthOf(twoMonthsAgo),
        totalCents: 1000,
        lineCount: 2,
        correctionCount: 1,
        lines: [{ amountCents: 1000 }, { amountCents: 1000 }],
        corrections: [{ amountCents: 1000, reason: input.reason, redemption: { id: redemptionId } }],
      });
      // Deducted once: no later statement deducts it again. Counted in the vouchers subgraph's
      // rows, which no API lists (a statement shows only its own corrections).
      const [{ n }] = await hub.subgraphs.vouchers.dataSource.query(`select count(*)::int n from redemption_correction where redemption_id = $1 and statement_id is not null`, [redemptionId]);
      expect(n).toBe(1);

      // The voucher, usable again, is redeemed for real.
      const again = await redeem(hub, venue, { voucherCode: voucherCodes[0]!, sessionId: sessions[0]! });
      expect(again.error).toBeNull();
      expect((await ledger()).balanced).toBe(true);
    });

    test('refused: a redemption not yet on a statement (its venue cancels it), one that does not exist, a reason too short', async () => {
      const { voucherCodes } = await handOutFreshBook(hub, programmeId, distributorId);
      const venue = await venueToken(hub, venueId);
      const open = await redeem(hub, venue, { voucherCode: voucherCodes[0]!, sessionId: sessions[1]! });
      const answer = async (redemptionId: string, reason = 'the wrong code was taken') =>
        (await hub.graphql(CORRECT, { input: { redemptionId, reason } })).body;
      expect((await answer(open.redemption!.id)).data.correctRedemption).toEqual({ correction: null, error: { code: 'REDEMPTION_NOT_YET_PAID' } });
      expect((await answer(randomUUID())).data.correctRedemption).toEqual({ correction: null, error: { code: 'REDEMPTION_NOT_FOUND' } });
      expect((await answer(open.redemption!.id, ' x ')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      // The voucher's row after the refused corrections: none moved it (the API's answer could share a bug with the write).
      const [voucher] = await hub.subgraphs.vouchers.dataSource.query(`select state from voucher where code = $1`, [voucherCodes[0]]);
      expect(voucher.state).toBe('REDEEMED');
    });
  });
});
