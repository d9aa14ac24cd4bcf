import { randomUUID } from 'node:crypto';
import { registerVenue } from '@pass/venues';
import { closeMonth, parisMonthOf, redeemVoucher } from '@pass/vouchers';
import { startTestHub, type TestHub } from '@pass/test-kit';
import { handOutFreshBook, redeem, scheduleSessions, seedSmallProgramme, venueToken } from './kit/lifecycle';

/*
 * A venue that took the wrong code takes the redemption back before its month is closed: the
 * voucher is available again, the amount due drops, and the act is in the audit log. After the
 * close it is refused (only an operator's correction on a later statement, not built yet).
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
    venueId = (await registerVenue(hub.subgraphs.venues.dataSource, { name: "Gest'Up", address: 'Creil', inseeCode: '60175' })).id;
    ({ programmeId, distributorId } = await seedSmallProgramme(hub, 4, venueId));
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
    const { auditLog } = (await hub.graphql(`{ auditLog(first: 20) { action organisationId recordId } }`)).body.data;
    expect(auditLog).toContainEqual({ action: 'mutation:cancelRedemption', organisationId: venueId, recordId: taken.redemption!.id });
    // Cancelled twice: nothing left to cancel.
    expect((await hub.graphqlAs(venue, CANCEL, { input: { redemptionId: taken.redemption!.id } })).body.data.cancelRedemption.error.code).toBe('REDEMPTION_NOT_FOUND');

    // The right redemption of that voucher, with a new key, goes through.
    const again = await redeem(hub, venue, { voucherCode: voucherCodes[0]!, sessionId: sessions[1]! });
    expect(again.error).toBeNull();
    expect(await due(venue)).toBe(1000);
  });

  test('after the close of its month: refused MONTH_CLOSED, the statement unchanged', async () => {
    const { voucherCodes } = await handOutFreshBook(hub, programmeId, distributorId);
    const lastMonth = new Date();
    lastMonth.setUTCDate(15);
    lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
    const db = hub.subgraphs.vouchers.dataSource;
    // A session of that day: a voucher is taken on its session's day or the 7 days after.
    const [lastMonthSession] = await scheduleSessions(hub, venueId, 1, 12, lastMonth);
    const taken = await redeemVoucher(db, { voucherCode: voucherCodes[0]!, sessionId: lastMonthSession!, idempotencyKey: `late-${randomUUID()}` }, venueId, lastMonth);
    const closed = await closeMonth(db, parisMonthOf(lastMonth));
    expect(closed.statements.map((s) => s.totalCents)).toEqual([1000]);
    const venue = await venueToken(hub, venueId);
    const answer = (await hub.graphqlAs(venue, CANCEL, { input: { redemptionId: taken.redemption!.id } })).body.data.cancelRedemption;
    expect(answer.error.code).toBe('MONTH_CLOSED');
    expect((await closeMonth(db, parisMonthOf(lastMonth))).statements.map((s) => s.totalCents)).toEqual([1000]);
  });
});
