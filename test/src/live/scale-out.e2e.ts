import { Role } from '@pass/access';
import { startTestHub, type TestHub } from '@pass/test-kit';
import { inWaves, redeemNth, seedLiveProgramme, sleep, type LiveProgramme } from '../kit/fixtures';
import { connectLive, type LiveClient, SUBSCRIBE_IDS } from './live-client';
import { gatewayProcess, vouchersProcess, type Service } from './processes';

/*
 * Two gateway processes and two vouchers-subgraph processes on one PostgreSQL: each gateway
 * reads the one stream, so subscribers on both see every redemption once, whichever vouchers
 * instance recorded it.
 */
describe('live redemptions scale out', () => {
  let hub: TestHub;
  let cso: LiveProgramme;
  const services: Service[] = [];

  beforeAll(async () => {
    hub = await startTestHub();
    cso = await seedLiveProgramme(hub, 20, 10, 'Les Compagnons du Marais');
  }, 600_000);
  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await hub?.close();
  });

  test('subscribers on two gateways see every event once, from either vouchers process', async () => {
    const databaseUrl = (hub.subgraphs.vouchers.dataSource.options as { url?: string }).url as string;
    const secondVouchers = await vouchersProcess(databaseUrl, hub.keys);
    services.push(secondVouchers);
    const [gatewayOne, gatewayTwo] = await Promise.all([
      gatewayProcess(databaseUrl, hub.keys, hub.subgraphUrls),
      gatewayProcess(databaseUrl, hub.keys, { ...hub.subgraphUrls, vouchers: secondVouchers.url }),
    ]);
    services.push(gatewayOne!, gatewayTwo!);

    const coordinator = await hub.tokenFor({ role: Role.COORDINATOR, organisationId: 'cso-team', programmeIds: [cso.programmeId] });
    const subscribers: LiveClient[] = [];
    for (const gateway of [gatewayOne!, gatewayTwo!]) {
      for (let i = 0; i < 2; i++) {
        const client = await connectLive(gateway.url, coordinator);
        client.subscribe('s', SUBSCRIBE_IDS, { programmeId: cso.programmeId });
        subscribers.push(client);
      }
    }
    await sleep(1000);

    // Half the redemptions through each gateway, so each vouchers process records half.
    const tokens = await Promise.all([0, 1, 2, 3].map(() => hub.tokenFor({ role: Role.VENUE, organisationId: cso.venueId })));
    const made = await inWaves(60, 6, async (k) => {
      const gateway = k % 2 === 0 ? gatewayOne! : gatewayTwo!;
      const through = { ...hub, graphqlAs: (token: string | null, query: string, variables?: Record<string, unknown>) => postTo(gateway.url, token, query, variables) };
      return redeemNth(through as TestHub, tokens[k % 4]!, cso.vouchers[k]!, k, cso.sessions);
    });

    for (const subscriber of subscribers) {
      const events = await subscriber.waitFor('s', 60);
      await sleep(300);
      const ids = subscriber.received.get('s')!.map((e) => e.data.redemptionRecorded.redemption.id);
      expect(ids).toHaveLength(60);
      expect(new Set(ids)).toEqual(new Set(made.map((m) => m.id)));
      expect(events[0].errors).toBeUndefined();
    }
    await Promise.all(subscribers.map((s) => s.close()));
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
