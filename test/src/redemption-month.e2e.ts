import { randomUUID } from 'node:crypto';
import { registerVenue } from '@pass/venues';
import { closeMonth, parisMonthOf, redeemVoucher } from '@pass/vouchers';
import { startTestHub, type TestHub } from '@pass/test-kit';
import { handOutFreshBook, redeem, scheduleSessions, seedSmallProgramme, venueToken } from './kit/lifecycle';

/*
 * A redemption belongs to the Paris month of the time it is taken, inside its transaction, and
 * never to a month the operator already closed: closeMonth and redemption agree on the month.
 */
describe('redemptions and closed months', () => {
  let hub: TestHub;
  let venueId: string;
  let programmeId: string;
  let distributorId: string;
  let sessions: string[];
  const db = () => hub.subgraphs.vouchers.dataSource;

  beforeAll(async () => {
    hub = await startTestHub();
    venueId = (await registerVenue(hub.subgraphs.venues.dataSource, { name: "Gest'Up", address: 'Creil', inseeCode: '60175' })).id;
    ({ programmeId, distributorId } = await seedSmallProgramme(hub, 4, venueId));
    sessions = await scheduleSessions(hub, venueId, 3);
  });
  afterAll(() => hub?.close());

  test('a redemption stamped in the last second of a closed month is refused MONTH_CLOSED; the next month takes it', async () => {
    const twoMonthsAgo = new Date();
    twoMonthsAgo.setUTCDate(15);
    twoMonthsAgo.setUTCMonth(twoMonthsAgo.getUTCMonth() - 2);
    const month = parisMonthOf(twoMonthsAgo);
    const [bounds] = await db().query(
      `select ((to_date($1, 'YYYY-MM') + interval '1 month')::timestamp at time zone 'Europe/Paris') as next_start`,
      [month],
    );
    const lastSecond = new Date(new Date(bounds.next_start).getTime() - 1000);
    const firstSecondAfter = new Date(bounds.next_start);
    expect(parisMonthOf(lastSecond)).toBe(month);
    expect((await closeMonth(db(), month)).error).toBeNull();

    const { voucherCodes } = await handOutFreshBook(hub, programmeId, distributorId);
    const at = (i: number, when: Date) =>
      redeemVoucher(db(), { voucherCode: voucherCodes[i]!, sessionId: sessions[i]!, idempotencyKey: `month-${randomUUID()}` }, venueId, when);
    expect((await at(0, lastSecond)).error?.code).toBe('MONTH_CLOSED');
    const [voucher] = await db().query(`select state from voucher where code = $1`, [voucherCodes[0]]);
    expect(voucher.state).toBe('AVAILABLE');
    expect((await at(1, firstSecondAfter)).error).toBeNull();
  });

  test('redeemed_at is taken inside the transaction, after the redemption got its locks', async () => {
    const { voucherCodes } = await handOutFreshBook(hub, programmeId, distributorId);
    const sessionHolder = db().createQueryRunner();
    await sessionHolder.connect();
    try {
      await sessionHolder.startTransaction();
      // Another redemption of the same session, still under way, holds the session's row.
      await sessionHolder.query(`select 1 from session_fact where session_id = $1 for update`, [sessions[2]]);
      const answer = redeem(hub, await venueToken(hub, venueId), { voucherCode: voucherCodes[0]!, sessionId: sessions[2]! });
      for (;;) {
        const [waiting] = await db().query(
          `select 1 from pg_stat_activity where wait_event_type = 'Lock' and query like '%from session_fact where session_id = $1 for update%' and pid <> pg_backend_pid()`,
        );
        if (waiting) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const [{ released }] = await sessionHolder.query(`select clock_timestamp() as released`);
      await sessionHolder.commitTransaction();
      const { redemption } = await answer;
      expect(new Date(redemption!.redeemedAt).getTime()).toBeGreaterThanOrEqual(new Date(released).getTime());
    } finally {
      await sessionHolder.release();
    }
  });
});
