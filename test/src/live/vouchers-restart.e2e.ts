import { Role } from '@pass/access';
import { createGateway, type Gateway } from '@pass/gateway';
import { readSupergraph } from '@pass/schema';
import { startTestHub, type TestHub } from '@pass/test-kit';
import { inWaves, redeemNth, seedLiveProgramme, sleep, venueTokens, type LiveProgramme } from '../kit/fixtures';
import { connectLive, SUBSCRIBE_IDS } from './live-client';
import { spawnService, vouchersProcess, type Service } from './processes';

/*
 * A vouchers subgraph that restarts mid-stream costs a resuming subscriber nothing. (The slow
 * consumer's test is not written yet: loopback kernel buffers here absorb tens of megabytes
 * before the gateway's bounded queue is reached.)
 */
describe('live redemptions when the vouchers subgraph restarts', () => {
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

  const databaseUrl = () => (hub.subgraphs.vouchers.dataSource.options as { url?: string }).url as string;
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

  test('the vouchers subgraph restarted mid-stream: the resuming subscriber misses nothing', async () => {
    let vouchers: Service = await vouchersProcess(databaseUrl(), hub.keys);
    extra.push({ close: () => vouchers.stop() });
    const port = new URL(vouchers.url).port;
    const { url, gateway } = await gatewayWith({ vouchersUrl: vouchers.url });
    const coordinator = await hub.tokenFor({ role: Role.COORDINATOR, organisationId: 'cso-team', programmeIds: [cso.programmeId] });
    const first = await connectLive(url, coordinator);
    first.subscribe('r', SUBSCRIBE_IDS, { programmeId: cso.programmeId });
    for (let i = 0; i < 600 && gateway.live.stats().subscriptions < 1; i++) await sleep(50);

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
