import { Role } from '@pass/access';
import { startTestHub, type TestHub } from '@pass/test-kit';
import { LiveCloseCode } from '@pass/gateway';
import { inWaves, redeemNth, seedLiveProgramme, sleep, venueTokens, type LiveProgramme } from '../kit/fixtures';
import { connectLive, SUBSCRIBE_IDS } from './live-client';

/** About 1 kB per event: the same nested selection under several aliases (15 allowed, one taken by the gateway). */
const FAT_EVENT = Array.from(
  { length: 4 },
  (_, i) => `b${i}: voucher { book { distributor { name } programme { name } } } v${i}: venue { name } s${i}: session { workshop { topic axis } }`,
).join(' ');
const SUBSCRIBE_FAT = `subscription Fat($programmeId: ID) { redemptionRecorded(programmeId: $programmeId) { cursor redemption { id ${FAT_EVENT} } } }`;

/** Subscriptions the slow socket holds: each event is written to it this many times. */
const SLOW_SUBSCRIPTIONS = 400;
/** The bound under test: events waiting per subscription before the socket is closed. */
const MAX_QUEUED = 20;

/*
 * A client that stops reading is closed with SlowConsumer (4412) while a fast subscriber on the
 * same gateway receives every event, in order. Loopback sockets absorb megabytes in kernel
 * buffers before a write stalls, so the slow socket holds many subscriptions of a fat event to
 * fill them within a few dozen redemptions, and the bound is set low through the `live` options.
 */
describe('a slow live consumer', () => {
  let hub: TestHub;
  let cso: LiveProgramme;

  beforeAll(async () => {
    hub = await startTestHub({
      // The slow client does not answer pings while paused: keep-alive must not end it first.
      gateway: { live: { maxQueuedEvents: MAX_QUEUED, maxSubscriptionsPerToken: SLOW_SUBSCRIPTIONS + 10, keepAliveMs: 600_000 } },
    });
    cso = await seedLiveProgramme(hub, 50, 20, 'Les Compagnons du Marais');
  }, 600_000);
  afterAll(() => hub?.close());

  test('is closed with SlowConsumer while a fast subscriber keeps receiving every event in order', async () => {
    // Two coordinators of the programme: the slow dashboard and the fast one.
    const slowToken = await hub.tokenFor({ role: Role.COORDINATOR, organisationId: 'cso-wall-screen', programmeIds: [cso.programmeId] });
    const slow = await connectLive(hub.gatewayUrl, slowToken);
    for (let i = 0; i < SLOW_SUBSCRIPTIONS; i++) slow.subscribe(`s${i}`, SUBSCRIBE_FAT, { programmeId: cso.programmeId });
    const coordinator = await hub.tokenFor({ role: Role.COORDINATOR, organisationId: 'cso-team', programmeIds: [cso.programmeId] });
    const fast = await connectLive(hub.gatewayUrl, coordinator);
    const arrivals = new Map<string, number>();
    fast.socket.on('message', (raw) => {
      const message = JSON.parse(raw.toString());
      if (message.type === 'next') arrivals.set(message.payload.data.redemptionRecorded.redemption.id, Date.now());
    });
    fast.subscribe('f', SUBSCRIBE_IDS, { programmeId: cso.programmeId });
    for (let i = 0; i < 600 && (await hub.liveStats()).subscriptions < SLOW_SUBSCRIPTIONS + 1; i++) await sleep(50);
    expect(slow.errors.get('s0')).toBeUndefined();
    expect((await hub.liveStats()).subscriptions).toBe(SLOW_SUBSCRIPTIONS + 1);
    // The slow client stops reading its socket before the first event.
    slow.socket.pause();

    const tokens = await venueTokens(hub, cso.venueId, 3);
    const made: { id: string; cursor: string; at: number }[] = [];
    let k = 0;
    const redeemWave = () =>
      inWaves(3, 3, async (i) => {
        const n = k++;
        const redemption = await redeemNth(hub, tokens[i]!, cso.vouchers[n]!, n, cso.sessions);
        made.push({ ...redemption, at: Date.now() });
      });
    // Until the gateway gives up on the slow socket (bounded by the vouchers seeded: 250).
    while ((await hub.liveStats()).slowConsumersClosed === 0 && k + 3 <= cso.vouchers.length - 15) await redeemWave();
    expect((await hub.liveStats()).slowConsumersClosed).toBe(1);
    // Life goes on for the others after the close.
    for (let w = 0; w < 5; w++) await redeemWave();

    // Reading again, the slow client drains what the kernel held, then finds the close frame.
    slow.socket.resume();
    expect((await slow.closed).code).toBe(LiveCloseCode.SlowConsumer);
    expect(slow.received.get('s0')?.length ?? 0).toBeLessThan(made.length);

    const events = await fast.waitFor('f', made.length);
    await sleep(500);
    const received = fast.received.get('f')!;
    expect(received).toHaveLength(made.length);
    expect(fast.errors.size).toBe(0);
    // Every event once, in stream (cursor) order.
    const inStreamOrder = [...made].sort((a, b) => compare(a.cursor, b.cursor));
    expect(events.map((e) => e.data.redemptionRecorded.redemption.id)).toEqual(inStreamOrder.map((m) => m.id));
    expect(events.map((e) => e.data.redemptionRecorded.cursor)).toEqual(inStreamOrder.map((m) => m.cursor));

    // The fast subscriber's delay, API answer → event, printed for the record (not asserted).
    const delays = made.map((m) => (arrivals.get(m.id) ?? NaN) - m.at).sort((a, b) => a - b);
    const at = (q: number) => delays[Math.min(delays.length - 1, Math.floor(q * delays.length))];
    console.log(
      `slow consumer closed after ${made.length - 15} of ${made.length} redemptions (${SLOW_SUBSCRIPTIONS} subscriptions, bound ${MAX_QUEUED}); ` +
        `fast subscriber delay after the API answer: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${delays[delays.length - 1]} ms`,
    );
    await fast.close();
  }, 600_000);
});

/** Cursors are `xid.seq`, compared as numbers part by part. */
function compare(a: string, b: string): number {
  const [ax, as] = a.split('.').map(BigInt);
  const [bx, bs] = b.split('.').map(BigInt);
  return ax! !== bx! ? (ax! < bx! ? -1 : 1) : as! < bs! ? -1 : as! > bs! ? 1 : 0;
}
