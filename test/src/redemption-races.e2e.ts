import { RECORD_REDEMPTION_FUNCTION, REDEMPTION_FACTS_FUNCTION } from '@pass/vouchers';
import { startTestHub, type TestHub } from '@pass/test-kit';
import { handOutFreshBook, redeem, registerVenue, scheduleSessions, seedSmallProgramme, venueToken } from './kit/fixtures';

/*
 * A redemption that loses its voucher to a concurrent change between reading it and taking it
 * answers what the voucher became. The concurrent change is held open in a transaction of its
 * own until the redemption is seen waiting on the voucher's row lock, so the race is certain.
 */
describe('redemption racing another change of its voucher', () => {
  let hub: TestHub;
  let venueId: string;
  let programmeId: string;
  let distributorId: string;
  let sessions: string[];

  beforeAll(async () => {
    hub = await startTestHub();
    venueId = await registerVenue(hub, { name: "Gest'Up", address: 'Creil', inseeCode: '60175' });
    ({ programmeId, distributorId } = await seedSmallProgramme(hub, 4, venueId));
    sessions = await scheduleSessions(hub, venueId, 2);
  });
  afterAll(() => hub?.close());

  /**
   * Resolves once some backend waits for a row lock while recording a redemption (the voucher's
   * conditional update is the first statement of record_redemption). This suite holds a
   * transaction open on the vouchers subgraph's tables (the race's other side) and watches
   * PostgreSQL's locks: no API can hold a change half-done.
   */
  async function redemptionWaitingOnVoucher(): Promise<void> {
    for (;;) {
      const [waiting] = await hub.subgraphs.vouchers.dataSource.query(
        `select 1 from pg_stat_activity where wait_event_type = 'Lock' and query like '%record_redemption(%'`,
      );
      if (waiting) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  test('expiry blocking the voucher first answers VOUCHER_EXPIRED, not VOUCHER_ALREADY_REDEEMED', async () => {
    const book = await handOutFreshBook(hub, programmeId, distributorId);
    const code = book.voucherCodes[0]!;
    const expiry = hub.subgraphs.vouchers.dataSource.createQueryRunner();
    await expiry.connect();
    try {
      await expiry.startTransaction();
      // What expireProgramme does to a programme's usable vouchers, held open here.
      await expiry.query(`update voucher set state = 'BLOCKED' where code = $1 and state = 'AVAILABLE'`, [code]);
      const idempotencyKey = `race-${code}`;
      const answer = redeem(hub, await venueToken(hub, venueId), { voucherCode: code, sessionId: sessions[0]!, idempotencyKey });
      await redemptionWaitingOnVoucher();
      await expiry.commitTransaction();
      expect((await answer).error?.code).toBe('VOUCHER_EXPIRED');
      // Stored under the key with the same transaction's COMMIT, so a retry replays it.
      const [stored] = await hub.subgraphs.vouchers.dataSource.query(`select response from idempotency where scope = $1 and key = $2`, [venueId, idempotencyKey]);
      expect(stored?.response.error.code).toBe('VOUCHER_EXPIRED');
    } finally {
      await expiry.release();
    }
  });

  // The redemption's statements are PL/pgSQL functions created by a migration from the store's
  // texts: a text changed without a migration replacing its function would not run.
  test('the redemption functions PostgreSQL runs are the texts of redemption.store.ts', async () => {
    const body = (text: string) => text.slice(text.indexOf('$fn$') + 4, text.lastIndexOf('$fn$'));
    const functions = await hub.subgraphs.vouchers.dataSource.query(
      `select p.proname, p.prosrc from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'vouchers' and p.proname in ('record_redemption', 'redemption_facts') order by p.proname`,
    );
    expect(functions).toEqual([
      { proname: 'record_redemption', prosrc: body(RECORD_REDEMPTION_FUNCTION) },
      { proname: 'redemption_facts', prosrc: body(REDEMPTION_FACTS_FUNCTION) },
    ]);
  });
});
