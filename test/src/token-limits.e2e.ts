import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Role } from '@pass/access';
import { createLogger } from '@pass/runtime';
import { createGateway, type Gateway, type GatewayOptions } from '@pass/gateway';
import { readSupergraph } from '@pass/schema';
import { startTestHub, type TestHub } from '@pass/test-kit';

/**
 * Per-token limits at the gateway (docs: README, authentication): a budget weighed by query cost,
 * kept in PostgreSQL so every gateway process enforces one budget, and a cap on requests in flight.
 */
const LIGHT = '{ programmes { id } }';
/** A page of 100 books: cost 3,452 in graphql-armor's arithmetic, 20 units (the most armor's cost spends). */
const COSTLY = '{ distributor(id: "no-such-distributor") { books(first: 100) { nodes { id code state vouchers { code state } } } } }';
/**
 * The bench's 15-alias analyst query: armor's cost 367.5 (3.7 units) plus its aggregates'
 * calibrated units (15 aliases × 5 × 0.7): 56.2 units, about what its measured CPU says.
 */
const HEAVY = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: programmes { id name booksIssued vouchersRedeemed redeemedAmountCents redemptionsByDay { day vouchersRedeemed } redemptionsByPlace(level: COMMUNE) { code vouchersRedeemed } }`).join(' ')} }`;

describe('token limits', () => {
  let hub: TestHub;
  let databaseUrl: string;
  const extra: Gateway[] = [];

  beforeAll(async () => {
    hub = await startTestHub();
    databaseUrl = (hub.subgraphs.programmes.dataSource.options as { url: string }).url;
  });
  afterAll(async () => {
    for (const g of extra) await g.close();
    await hub?.close();
  });

  const post = async (url: string, token: string, query: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { errors?: { message?: string; extensions?: { code?: string; reason?: string } }[] };
    const error = body.errors?.[0];
    return { status: response.status, code: error?.extensions?.code, reason: error?.extensions?.reason, message: error?.message, retryAfter: response.headers.get('retry-after') };
  };

  /** Another gateway process over the hub's database, as a deployment with several would run. */
  const gateway = async (options: Partial<GatewayOptions> = {}) => {
    const g = await createGateway({ supergraphSdl: readSupergraph(), subgraphUrls: hub.subgraphUrls, keys: hub.keys, databaseUrl, logger: createLogger('another-gateway'), ...options });
    extra.push(g);
    return { gateway: g, url: await g.listen(0) };
  };

  test('a costly burst from one token is answered 429 while another token is served', async () => {
    const heavy = await hub.tokenFor({ role: Role.OPERATOR, organisationId: 'operator-heavy' });
    const light = await hub.tokenFor({ role: Role.OPERATOR, organisationId: 'operator-light' });
    // The default budget: 200 units of burst, 50/s. Forty-two light requests are 42 units; forty-two
    // of these are 840. Fourteen waves of 3 at once (60 units: the in-flight cap), so little
    // refills meanwhile.
    const answers = [];
    for (let wave = 0; wave < 14; wave += 1) answers.push(...(await Promise.all(Array.from({ length: 3 }, () => post(hub.gatewayUrl, heavy, COSTLY)))));
    const refused = answers.filter((a) => a.status === 429);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(10);
    expect(refused.length).toBeGreaterThanOrEqual(15);
    expect(answers.every((a) => a.status === 200 || a.status === 429)).toBe(true);
    expect(refused[0]).toMatchObject({ code: 'RATE_LIMITED', reason: 'BUDGET' });
    expect(Number(refused[0]!.retryAfter)).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 40; i += 1) expect((await post(hub.gatewayUrl, light, LIGHT)).status).toBe(200);
    expect((await post(hub.gatewayUrl, light, COSTLY)).status).toBe(200);
  });

  test("the 15-alias analyst query spends its calibrated units: the token's budget holds three, and says so", async () => {
    // The published burst (200 units) without refill to speak of, so the count does not hang on time.
    const { url } = await gateway({ rateLimit: { perSecond: 0.01 } });
    const heavy = await hub.tokenFor({ role: Role.ANALYST, organisationId: 'analyst-heavy-aggregates' });
    const light = await hub.tokenFor({ role: Role.ANALYST, organisationId: 'analyst-light-aggregates' });
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await post(url, heavy, HEAVY));
    // Five light requests would all pass: the aggregates' weight is what refuses the last two.
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429, 429]);
    expect(answers[3]).toMatchObject({ code: 'RATE_LIMITED', reason: 'BUDGET' });
    expect(Number(answers[3]!.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(answers[3]!.message).toMatch(/weighs 56\.2 units .*the budget is 0\.01 units per second, up to 200 at once/);
    // Another token is served, and this one still may send light requests (31.5 units left).
    expect((await post(url, light, HEAVY)).status).toBe(200);
    expect((await post(url, heavy, LIGHT)).status).toBe(200);
  });

  test('two gateways on one database share one budget', async () => {
    // No refill to speak of during the test: 20 units for the token, whichever gateway it calls.
    // Leases that outlive the test: a lease's leftover is dropped after `leaseMs`, and on a busy
    // machine (a CI run at load 10) the default second passed between one gateway's requests, so
    // units were dropped and 9 requests of 20 passed.
    const limits = { perSecond: 0.01, burst: 20, leaseUnits: 3, leaseMs: 600_000 };
    const [a, b] = [await gateway({ rateLimit: limits }), await gateway({ rateLimit: limits })];
    const token = await hub.tokenFor({ role: Role.ANALYST, organisationId: 'analyst-two-gateways' });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i += 1) statuses.push((await post(i % 2 ? a.url : b.url, token, LIGHT)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
    // Both refuse it now, and both serve another token.
    expect((await post(a.url, token, LIGHT)).status).toBe(429);
    expect((await post(b.url, token, LIGHT)).status).toBe(429);
    const other = await hub.tokenFor({ role: Role.ANALYST, organisationId: 'analyst-other' });
    expect((await post(a.url, other, LIGHT)).status).toBe(200);
    expect((await post(b.url, other, LIGHT)).status).toBe(200);
    // The budget is in the database: one row for the token.
    const [row] = await hub.subgraphs.programmes.dataSource.query('select tokens from hub_limits.token_bucket order by at desc limit 1');
    expect(row).toBeDefined();
  });

  test('requests in flight per token are capped: the next one is answered 429 with Retry-After', async () => {
    // A programmes subgraph that holds every request until told to answer: requests stay in flight.
    const held: http.ServerResponse[] = [];
    let arrived: () => void = () => undefined;
    const slow = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        held.push(res);
        arrived();
      });
    });
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/graphql`;
      const { url } = await gateway({ subgraphUrls: { ...hub.subgraphUrls, programmes: slowUrl }, rateLimit: { maxInFlight: 2 } });
      const token = await hub.tokenFor({ role: Role.ANALYST, organisationId: 'analyst-in-flight' });
      const twoHeld = new Promise<void>((resolve) => (arrived = () => held.length >= 2 && resolve()));
      const first = [post(url, token, LIGHT), post(url, token, LIGHT)];
      await twoHeld;
      const third = await post(url, token, LIGHT);
      expect(third).toMatchObject({ status: 429, code: 'RATE_LIMITED', reason: 'IN_FLIGHT', retryAfter: '1' });
      // Another token is not held back by this one's requests in flight.
      const other = await hub.tokenFor({ role: Role.ANALYST, organisationId: 'analyst-in-flight-other' });
      const otherAnswer = post(url, other, LIGHT);
      await new Promise<void>((resolve) => (arrived = () => held.length >= 3 && resolve()));
      for (const res of held) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { programmes: [] } }));
      expect((await Promise.all(first)).map((a) => a.status)).toEqual([200, 200]);
      expect((await otherAnswer).status).toBe(200);
      // Answered: the token may send again.
      arrived = () => held.at(-1)!.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { programmes: [] } }));
      expect((await post(url, token, LIGHT)).status).toBe(200);
    } finally {
      slow.closeAllConnections();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });
});
