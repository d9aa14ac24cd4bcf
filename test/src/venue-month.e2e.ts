import { Role } from '@pass/access';
import { parisMonthOf } from '@pass/contracts';
import { inParisMonth, startTestHub, type TestHub } from '@pass/test-kit';
import { atTime, handOutFreshBook, redeem, scheduleSessions, venueToken } from './kit/fixtures';

/** A venue's amount due for a month counts the redemptions of that Paris calendar month, to the minute. */
describe('Venue.amountDueCents by Paris month', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ demo: true });
  });
  afterAll(() => hub?.close());

  test('23:30 UTC on the last day (already the 1st in Paris) counts in the new month; 21:30 UTC in the old one', async () => {
    const { programmes, distributors, venues } = hub.demo!;
    const venueId = venues.gestUp!;
    const { voucherCodes } = await handOutFreshBook(hub, programmes.cso, distributors.peNogent!);
    // Midnight UTC on the 1st of this Paris month: 01:00 or 02:00 there, already the 1st.
    const firstOfMonth = inParisMonth(0, 1, 0);
    // Sittings a few hours before the first of the month (Paris): both redemptions fall within their 7 days.
    const sessions = await scheduleSessions(hub, venueId, 2, 12, new Date(firstOfMonth.getTime() - 4 * 3_600_000));
    // Paris is UTC+1 or +2: 21:30 UTC on the last day is 22:30 or 23:30 there, 23:30 UTC is past midnight.
    const lateLastMonth = new Date(firstOfMonth.getTime() - 150 * 60_000);
    const earlyThisMonth = new Date(firstOfMonth.getTime() - 30 * 60_000);
    expect(parisMonthOf(lateLastMonth)).not.toBe(parisMonthOf(firstOfMonth));
    expect(parisMonthOf(earlyThisMonth)).toBe(parisMonthOf(firstOfMonth));
    const atVenue = await venueToken(hub, venueId);
    for (const [i, at] of [lateLastMonth, earlyThisMonth].entries()) {
      const answer = await atTime(hub, at, () => redeem(hub, atVenue, { voucherCode: voucherCodes[i]!, sessionId: sessions[i]! }));
      expect(answer.error).toBeNull();
    }
    const token = await hub.tokenFor({ role: Role.VENUE, organisationId: venueId });
    const due = async (month: string) =>
      (await hub.graphqlAs(token, 'query($id: ID!, $m: String) { venue(id: $id) { amountDueCents(month: $m) } }', { id: venueId, m: month })).body.data.venue
        .amountDueCents;
    expect(await due(parisMonthOf(lateLastMonth))).toBe(1000);
    // The demo's 7 redemptions of today, plus the one at the start of this month.
    expect(await due(parisMonthOf(firstOfMonth))).toBe(8000);
  });
});
