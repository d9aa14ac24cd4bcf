import { randomUUID } from 'node:crypto';
import { Role, tokenIdOf } from '@pass/access';
import { startTestHub, type TestHub } from '@pass/test-kit';
import { LiveCloseCode } from '@pass/gateway';
import { inWaves, addVenue, redeemNth, seedLiveProgramme, sleep, venueTokens, type LiveProgramme } from '../kit/fixtures';
import { connectLive, SUBSCRIBE, SUBSCRIBE_IDS } from './live-client';

/*
 * Subscription.redemptionRecorded end to end: redemptions made through the API reach
 * subscribers over graphql-ws on the gateway's /graphql, resolved through the supergraph as the
 * subscriber, scoped like queries, with a cursor that neither skips a late commit nor repeats.
 */
describe('live redemptions', () => {
  let hub: TestHub;
  let cso: LiveProgramme;
  /** A programme the CSO coordinator does not coordinate. */
  const other = { programmeId: randomUUID() };
  let venueB: { venueId: string; sessions: string[] };
  let next = 0;
  const nextVoucher = () => {
    const k = next++;
    return { code: cso.vouchers[k]!, k };
  };

  beforeAll(async () => {
    hub = await startTestHub();
    cso = await seedLiveProgramme(hub, 215, 20, 'Les Compagnons du Marais');
    venueB = await addVenue(hub, cso.programmeId, "Gest'Up");
  }, 600_000);
  afterAll(() => hub?.close());

  /** Until the gateway holds at least `count` subscriptions (their scope is checked first). */
  const subscribed = async (count: number) => {
    for (let i = 0; i < 600 && (await hub.liveStats()).subscriptions < count; i++) await sleep(50);
  };
  const coordinatorOf = (programmeIds: string[]) => hub.tokenFor({ role: Role.COORDINATOR, organisationId: `coordination-${programmeIds.join('-')}`, programmeIds });

  test('a coordinator receives a redemption made through the API, with fields from four subgraphs', async () => {
    const dashboard = await connectLive(hub.gatewayUrl, await coordinatorOf([cso.programmeId]));
    dashboard.subscribe('1', SUBSCRIBE, { programmeId: cso.programmeId });
    await subscribed(1); // registered before the redemption is made
    const [token] = await venueTokens(hub, cso.venueId, 1);
    const { code, k } = nextVoucher();
    const made = await redeemNth(hub, token!, code, k, cso.sessions);
    const [event] = await dashboard.waitFor('1', 1);
    expect(event.errors).toBeUndefined();
    expect(event.data.redemptionRecorded).toEqual({
      cursor: made.cursor,
      redemption: {
        id: made.id,
        amountCents: 1000,
        venue: { name: 'Les Compagnons du Marais' }, // venues
        session: { workshop: { topic: 'Online admin procedures', axis: 'MASTER' } }, // venues
        voucher: { book: { distributor: { name: 'Pôle emploi Creil / Nogent-sur-Oise' }, programme: { name: 'Pass numérique Creil Sud Oise' } } }, // vouchers, beneficiaries, programmes
      },
    });
    await dashboard.close();
  });

  test('a venue sees its own redemptions only; a coordinator only its programmes', async () => {
    const venueA = await connectLive(hub.gatewayUrl, (await venueTokens(hub, cso.venueId, 1))[0]!);
    const atB = await connectLive(hub.gatewayUrl, (await venueTokens(hub, venueB.venueId, 1))[0]!);
    const otherCoordinator = await connectLive(hub.gatewayUrl, await coordinatorOf([other.programmeId]));
    const operator = await connectLive(hub.gatewayUrl, await hub.tokenFor({ role: Role.OPERATOR, organisationId: 'operator' }));
    venueA.subscribe('a', SUBSCRIBE_IDS);
    atB.subscribe('b', SUBSCRIBE_IDS);
    otherCoordinator.subscribe('c', SUBSCRIBE_IDS);
    operator.subscribe('o', SUBSCRIBE_IDS, { programmeId: cso.programmeId });
    await subscribed(4);

    const [tokenA] = await venueTokens(hub, cso.venueId, 1);
    const [tokenB] = await venueTokens(hub, venueB.venueId, 1);
    const a1 = nextVoucher();
    const atA = await redeemNth(hub, tokenA!, a1.code, a1.k, cso.sessions);
    const b1 = nextVoucher();
    const atVenueB = await redeemNth(hub, tokenB!, b1.code, b1.k, venueB.sessions);

    // The operator sees both, in stream order; by then both were fanned out to every group.
    const both = await operator.waitFor('o', 2);
    expect(both.map((e) => e.data.redemptionRecorded.redemption.id).sort()).toEqual([atA.id, atVenueB.id].sort());
    const ofA = await venueA.waitFor('a', 1);
    const ofB = await atB.waitFor('b', 1);
    await sleep(500);
    expect(venueA.received.get('a')!.map((e) => e.data.redemptionRecorded.redemption.id)).toEqual([atA.id]);
    expect(atB.received.get('b')!.map((e) => e.data.redemptionRecorded.redemption.id)).toEqual([atVenueB.id]);
    expect(ofA.length + ofB.length).toBe(2);
    expect(otherCoordinator.received.get('c')).toBeUndefined();
    await Promise.all([venueA.close(), atB.close(), otherCoordinator.close(), operator.close()]);
  });

  test("a filter naming another organisation's venue or programme is refused at subscribe time", async () => {
    const venueA = await connectLive(hub.gatewayUrl, (await venueTokens(hub, cso.venueId, 1))[0]!);
    venueA.subscribe('x', SUBSCRIBE_IDS, { venueId: venueB.venueId });
    expect((await venueA.waitForError('x'))[0].extensions.code).toBe('FORBIDDEN');
    const coordinator = await connectLive(hub.gatewayUrl, await coordinatorOf([cso.programmeId]));
    coordinator.subscribe('y', SUBSCRIBE_IDS, { programmeId: other.programmeId });
    expect((await coordinator.waitForError('y'))[0].extensions.code).toBe('FORBIDDEN');
    coordinator.subscribe('z', SUBSCRIBE_IDS, { after: 'not-a-cursor' });
    expect((await coordinator.waitForError('z'))[0].extensions.code).toBe('BAD_USER_INPUT');
    await Promise.all([venueA.close(), coordinator.close()]);
  });

  test('an analyst, a missing, a tampered and an expired token are refused with their close codes', async () => {
    const analyst = await connectLive(hub.gatewayUrl, await hub.tokenFor({ role: Role.ANALYST, organisationId: 'evaluators' }));
    expect((await analyst.closed).code).toBe(LiveCloseCode.Forbidden);
    const anonymous = await connectLive(hub.gatewayUrl, null);
    expect((await anonymous.closed).code).toBe(LiveCloseCode.Unauthorized);
    const good = await hub.tokenFor({ role: Role.OPERATOR, organisationId: 'operator' });
    const tampered = await connectLive(hub.gatewayUrl, `${good.slice(0, -4)}AAAA`);
    expect((await tampered.closed).code).toBe(LiveCloseCode.Unauthorized);
    const expired = await connectLive(hub.gatewayUrl, await hub.tokenFor({ role: Role.OPERATOR, organisationId: 'operator' }, Math.floor(Date.now() / 1000) - 10));
    expect((await expired.closed).code).toBe(LiveCloseCode.TokenExpired);
  });

  test('a token that expires while connected ends the subscription with TokenExpired', async () => {
    const shortLived = await connectLive(hub.gatewayUrl, await hub.tokenFor({ role: Role.OPERATOR, organisationId: 'operator' }, '2s'));
    shortLived.subscribe('s', SUBSCRIBE_IDS);
    expect((await shortLived.closed).code).toBe(LiveCloseCode.TokenExpired);
  });

  test('a token revoked while connected ends the subscription with TokenRejected; another token of the organisation keeps its own', async () => {
    const token = await coordinatorOf([cso.programmeId]);
    const sibling = await coordinatorOf([cso.programmeId]);
    const revoked = await connectLive(hub.gatewayUrl, token);
    const kept = await connectLive(hub.gatewayUrl, sibling);
    revoked.subscribe('r', SUBSCRIBE_IDS, { programmeId: cso.programmeId });
    kept.subscribe('k', SUBSCRIBE_IDS, { programmeId: cso.programmeId });
    await subscribed(2);
    const { body } = await hub.graphql('mutation($input: RevokeTokenInput!) { revokeToken(input: $input) { error { code } } }', {
      input: { tokenId: tokenIdOf(token), reason: 'dashboard laptop stolen' },
    });
    expect(body.data.revokeToken.error).toBeNull();
    expect((await revoked.closed).code).toBe(LiveCloseCode.TokenRejected);
    // The other token of the same organisation is still served: a redemption reaches it.
    const [venueToken] = await venueTokens(hub, cso.venueId, 1);
    const { code, k } = nextVoucher();
    const made = await redeemNth(hub, venueToken!, code, k, cso.sessions);
    const [event] = await kept.waitFor('k', 1);
    expect(event.data.redemptionRecorded.redemption.id).toBe(made.id);
    await kept.close();
  });

  test('a later sequence number committing first: the cursor never skips the earlier one', async () => {
    const dashboard = await connectLive(hub.gatewayUrl, await coordinatorOf([cso.programmeId]));
    dashboard.subscribe('i', SUBSCRIBE_IDS, { programmeId: cso.programmeId });
    await subscribed(1);

    // Transaction 1 writes a redemption (the lower sequence number) and stays open…
    const slow = nextVoucher();
    const runner = hub.subgraphs.vouchers.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const [voucher] = await runner.query(
      `with taken as (update voucher set state = 'REDEEMED', redeemed_at = now() where code = $1 and state = 'AVAILABLE'
                      returning id, programme_id, book_id, face_value_cents)
       select * from taken`,
      [slow.code],
    );
    const [early] = await runner.query(
      `insert into redemption (voucher_id, session_id, venue_id, programme_id, book_id, amount_cents, redeemed_at)
       values ($1, $2, $3, $4, $5, $6, now()) returning id, seq`,
      [voucher.id, cso.sessions[slow.k % cso.sessions.length], cso.venueId, voucher.programme_id, voucher.book_id, voucher.face_value_cents],
    );
    // …while a redemption through the API takes a later number and commits first.
    const [token] = await venueTokens(hub, cso.venueId, 1);
    const fast = nextVoucher();
    const late = await redeemNth(hub, token!, fast.code, fast.k, cso.sessions);
    const [{ seq: lateSeq }] = await runner.query(`select seq from redemption where id = $1`, [late.id]);
    expect(Number(lateSeq)).toBeGreaterThan(Number(early.seq));
    await sleep(1000);
    // Nothing is handed out past an open transaction's rows: the later commit waits.
    expect(dashboard.received.get('i')).toBeUndefined();
    await runner.commitTransaction();
    // This redemption was written by hand, not by the subgraph, which wakes the feeds after each
    // commit (live/wake-up.ts): wake them as it does.
    await runner.query(`select pg_notify('redemption_recorded', '')`);
    await runner.release();

    const events = await dashboard.waitFor('i', 2);
    expect(events.map((e) => e.data.redemptionRecorded.redemption.id)).toEqual([early.id, late.id]);
    await dashboard.close();
  });

  test('disconnected, 1,000 redemptions, resumed with the last cursor: exactly those 1,000, in order, then live', async () => {
    const [venueToken] = await venueTokens(hub, cso.venueId, 1);
    const first = await connectLive(hub.gatewayUrl, venueToken!);
    first.subscribe('r', SUBSCRIBE_IDS);
    await subscribed(1);
    const [token] = await venueTokens(hub, cso.venueId, 1);
    const v = nextVoucher();
    await redeemNth(hub, token!, v.code, v.k, cso.sessions);
    const [seen] = await first.waitFor('r', 1);
    const lastCursor: string = seen.data.redemptionRecorded.cursor;
    await first.close();

    const tokens = await venueTokens(hub, cso.venueId, 10);
    const made = await inWaves(1000, 10, (i) => {
      const { code, k } = nextVoucher();
      return redeemNth(hub, tokens[i % 10]!, code, k, cso.sessions);
    });

    const resumed = await connectLive(hub.gatewayUrl, venueToken!);
    resumed.subscribe('r', SUBSCRIBE_IDS, { after: lastCursor });
    const replayed = await resumed.waitFor('r', 1000, 120_000);
    const ids = replayed.map((e) => e.data.redemptionRecorded.redemption.id);
    expect(new Set(ids).size).toBe(1000);
    expect(new Set(ids)).toEqual(new Set(made.map((m) => m.id)));
    const cursors = replayed.map((e) => e.data.redemptionRecorded.cursor as string);
    const key = (c: string) => c.split('.').map((p) => p.padStart(20, '0')).join('.');
    for (let i = 1; i < cursors.length; i++) expect(key(cursors[i]!) > key(cursors[i - 1]!)).toBe(true);

    // The seam: the next redemption arrives live, once.
    const live = nextVoucher();
    const after = await redeemNth(hub, token!, live.code, live.k, cso.sessions);
    const all = await resumed.waitFor('r', 1001);
    await sleep(500);
    expect(resumed.received.get('r')!.length).toBe(1001);
    expect(all[1000].data.redemptionRecorded.redemption.id).toBe(after.id);
    await resumed.close();
  }, 900_000);
});
