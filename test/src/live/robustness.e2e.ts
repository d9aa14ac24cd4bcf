import { Role } from '@pass/kit';
import { createGateway, LiveCloseCode, type Gateway } from '@pass/gateway';
import { readSupergraph } from '@pass/schema';
import { startTestHub, type TestHub } from '@pass/test-kit';
import { inWaves } from '../kit/lifecycle';
import { connectLive } from './live-client';
import { EVENT_FIELDS, SUBSCRIBE_IDS, redeemNth, seedLiveProgramme, sleep, venueTokens, type LiveProgramme } from './live-fixtures';
import { spawnService, vouchersProcess, type Service } from './processes';

/*
 * A slow reader is cut off without slowing anyone else; a vouchers subgraph that restarts
 * mid-stream costs a resuming subscriber nothing.
 */
describe('live redemptions under trouble', () => {
  let hub: TestHub;
  let cso: LiveProgramme;
  let next = 0;
  const extra: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    hub = await startTestHub();
    cso = await seedLiveProgramme(hub, 120, 10, 'Les Compagnons du Marais');
  }, 600_000);
  afterAll(async () => {
    for (const e of extra.reverse()) await e.close().catch(() => undefined);
    await hub?.close();
  });

  const databaseUrl = () => hub.subgraphs.vouchers.dataSource.options.url as string;
  const gatewayWith = async (options: { vouchersUrl?: string; maxQueuedEvents?: number }): Promise<{ gateway: Gateway; url: string }> => {
    const gateway = await createGateway({
      supergraphSdl: readSupergraph(),
      subgraphUrls: { ...hub.subgraphUrls, ...(options.vouchersUrl ? { vouchers: options.vouchersUrl } : {}) },
      keys: hub.keys,
      databaseUrl: databaseUrl(),
      live: { maxQueuedEvents: options.maxQueuedEvents ?? 1000 },
    });
    extra.push(gateway);
    return { gateway, url: await gateway.listen(0) };
  };
  const redeemSome = async (count: number, url?: string) => {
    const tokens = await venueTokens(hub, cso.venueId, 4);
    const via = url ? { ...hub, graphqlAs: (t: string | null, q: string, v?: Record<string, unknown>) => postTo(url, t, q, v) } : hub;
    return inWaves(count, 4, (i) => {
      const k = next++;
      return redeemNth(via as TestHub, tokens[i % 4]!, cso.vouchers[k]!, k, cso.sessions);
    });
  };

  test('a slow consumer is closed with SlowConsumer while a fast one on the same gateway keeps receiving', async () => {
    const { url } = await gatewayWith({ maxQueuedEvents: 10 });
    const operator = await hub.tokenFor({ role: Role.OPERATOR, organisationId: 'operator' });
    const fast = await connectLive(url, operator);
    fast.subscribe('f', SUBSCRIBE_IDS, { programmeId: cso.programmeId });
    // Big events (5 aliases of every field) to fill the socket's buffers quickly.
    const heavy = `subscription { redemptionRecorded { cursor ${Array.from({ length: 5 }, (_, i) => `r${i}: redemption ${EVENT_FIELDS.slice(EVENT_FIELDS.indexOf('{'))}`).join(' ')} } }`;
    // Forty subscriptions on the slow socket (one resolution shared by all): megabytes per minute.
    const slow = await connectLive(url, operator);
    for (let i = 0; i < 40; i++) slow.subscribe(`s${i}`, heavy);
    await sleep(500);
    expect(slow.errors.size).toBe(0);
    (slow.socket as unknown as { _socket: { pause(): void } })._socket.pause();

    const started = Date.now();
    let made = 0;
    let closedWith: number | null = null;
    void slow.closed.then(({ code }) => (closedWith = code));
    while (closedWith === null && made < 300) {
      await redeemSome(20);
      made += 20;
    }
    expect(closedWith).toBe(LiveCloseCode.SlowConsumer);
    const received = await fast.waitFor('f', made);
    const last = received[made - 1]?.data.redemptionRecorded.cursor;
    // Not asserted: how long the fast subscriber took, printed for whoever reads the run.
    console.log(`slow consumer closed after ${made} redemptions; the fast subscriber got all ${received.length} (last ${last}) in ${Date.now() - started} ms`);
    expect(new Set(received.map((e) => e.data.redemptionRecorded.redemption.id)).size).toBe(made);
    await fast.close();
  }, 600_000);

  test('the vouchers subgraph restarted mid-stream: the resuming subscriber misses nothing', async () => {
    let vouchers: Service = await vouchersProcess(databaseUrl(), hub.keys);
    extra.push({ close: () => vouchers.stop() });
    const port = new URL(vouchers.url).port;
    const { url } = await gatewayWith({ vouchersUrl: vouchers.url });
    const coordinator = await hub.tokenFor({ role: Role.COORDINATOR, organisationId: 'cso-team', programmeIds: [cso.programmeId] });
    const first = await connectLive(url, coordinator);
    first.subscribe('r', SUBSCRIBE_IDS, { programmeId: cso.programmeId });
    await sleep(500);

    const before = await redeemSome(10, url);
    await first.waitFor('r', 3);
    await vouchers.stop(); // possibly before every event was resolved for the subscriber
    vouchers = await spawnService('subgraphs/vouchers/dist/main.js', {
      DATABASE_URL: databaseUrl(),
      PASS_GATEWAY_PUBLIC_JWK: JSON.stringify(hub.keys.gateway.publicJwk),
      PORT: port,
    });
    const afterRestart = await redeemSome(10, url);

    const seen = first.received.get('r')!.map((e) => e.data.redemptionRecorded);
    const lastCursor = seen[seen.length - 1].cursor;
    await first.close();
    const resumed = await connectLive(url, coordinator);
    resumed.subscribe('r', SUBSCRIBE_IDS, { programmeId: cso.programmeId, after: lastCursor });
    const rest = await resumed.waitFor('r', 20 - seen.length);
    await sleep(500);
    const ids = [...seen.map((e) => e.redemption.id), ...resumed.received.get('r')!.map((e) => e.data.redemptionRecorded.redemption.id)];
    expect(rest.length).toBe(resumed.received.get('r')!.length);
    expect(ids).toHaveLength(20);
    expect(new Set(ids)).toEqual(new Set([...before, ...afterRestart].map((m) => m.id)));
    await resumed.close();
  }, 600_000);
});

async function postTo(url: string, token: string | null, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}
