import { randomUUID } from 'node:crypto';
import { startTestHub, type TestHub } from '@pass/test-kit';
import { handOutFreshBook, redeem, registerVenue, scheduleSessions, seedSmallProgramme, venueToken } from './kit/fixtures';

/*
 * A redemption that writes appends its audit entry in its own transaction (redemption.store.ts);
 * the other answers get theirs when the request ends, as every mutation does. Either way each
 * redeemVoucher call is in the log exactly once, naming the redemption when there is one.
 */
describe('redemptions in the audit log', () => {
  let hub: TestHub;
  let venueId: string;
  let token: string;
  let programmeId: string;
  let distributorId: string;
  let sessions: string[];

  beforeAll(async () => {
    hub = await startTestHub();
    venueId = await registerVenue(hub, { name: 'Espace numérique', address: 'Nogent-sur-Oise', inseeCode: '60463' });
    ({ programmeId, distributorId } = await seedSmallProgramme(hub, 2, venueId));
    sessions = await scheduleSessions(hub, venueId, 2);
    token = await venueToken(hub, venueId);
  });
  afterAll(() => hub?.close());

  const entriesSince = async (seq: string): Promise<{ subgraph: string; role: string; action: string; record_id: string | null }[]> =>
    hub.subgraphs.vouchers.dataSource.query(
      `select subgraph, role, action, record_id from audit.entry where organisation_id = $1 and seq > $2 order by seq`,
      [venueId, seq],
    );
  const lastSeq = async (): Promise<string> => (await hub.subgraphs.vouchers.dataSource.query(`select coalesce(max(seq), 0)::text as seq from audit.entry`))[0].seq;

  test('each answer is appended once: a redemption, its replay, a stored refusal, a refusal not stored, a bad key', async () => {
    const book = await handOutFreshBook(hub, programmeId, distributorId);
    const before = await lastSeq();
    const key = `audit-${randomUUID()}`;
    const taken = await redeem(hub, token, { voucherCode: book.voucherCodes[0]!, sessionId: sessions[0]!, idempotencyKey: key });
    expect(taken.error).toBeNull();
    const replayed = await redeem(hub, token, { voucherCode: book.voucherCodes[0]!, sessionId: sessions[0]!, idempotencyKey: key });
    expect(replayed.redemption?.id).toBe(taken.redemption!.id);
    expect((await redeem(hub, token, { voucherCode: book.voucherCodes[0]!, sessionId: sessions[1]! })).error?.code).toBe('VOUCHER_ALREADY_REDEEMED');
    expect((await redeem(hub, token, { voucherCode: book.voucherCodes[1]!, sessionId: randomUUID() })).error?.code).toBe('SESSION_NOT_FOUND');
    const badKey = await hub.graphqlAs(token, 'mutation($input: RedeemVoucherInput!) { redeemVoucher(input: $input) { error { code } } }', {
      input: { voucherCode: book.voucherCodes[1]!, sessionId: sessions[1]!, idempotencyKey: 'short' },
    });
    expect(badKey.body.errors).toBeDefined();

    const entry = (record_id: string | null) => ({ subgraph: 'vouchers', role: 'venue', action: 'mutation:redeemVoucher', record_id });
    expect(await entriesSince(before)).toEqual([entry(taken.redemption!.id), entry(taken.redemption!.id), entry(null), entry(null), entry(null)]);
  });

  test('two redemptions in one operation are appended once each', async () => {
    const book = await handOutFreshBook(hub, programmeId, distributorId);
    const before = await lastSeq();
    const { body } = await hub.graphqlAs<{ a: { redemption: { id: string } | null }; b: { error: { code: string } | null } }>(
      token,
      `mutation($a: RedeemVoucherInput!, $b: RedeemVoucherInput!) {
         a: redeemVoucher(input: $a) { redemption { id } }
         b: redeemVoucher(input: $b) { error { code } }
       }`,
      {
        a: { voucherCode: book.voucherCodes[0]!, sessionId: sessions[0]!, idempotencyKey: `audit-${randomUUID()}` },
        b: { voucherCode: book.voucherCodes[1]!, sessionId: sessions[0]!, idempotencyKey: `audit-${randomUUID()}` },
      },
    );
    expect(body.errors).toBeUndefined();
    // One voucher of a book per sitting: the second is refused, and that refusal is stored.
    expect(body.data!.b.error?.code).toBe('BOOK_ALREADY_USED_IN_SESSION');
    expect((await entriesSince(before)).map((e) => e.record_id)).toEqual([body.data!.a.redemption!.id, null]);
  });
});
