import pg from 'pg';
import { Role } from '@pass/access';
import { tracingActive } from '@pass/runtime';
import { startTestHub, type TestHub } from '@pass/test-kit';
import { promtoolFindings, sampleValue, scrape, type Scrape } from './kit/prometheus-text';
import { connectLive, SUBSCRIBE_IDS } from './live/live-client';

/**
 * `/metrics` of the gateway and of every subgraph, read the way Prometheus reads them: with
 * Prometheus's own parser and linter (promtool) and a JavaScript text-format parser.
 */
const postTo = (hub: TestHub, body: string, token: string | null, headers: Record<string, string> = {}) =>
  fetch(hub.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body,
  });

describe('metrics, request ids and refusals', () => {
  let hub: TestHub;
  let metricsUrl: string;
  const subgraphMetricsUrl = (name: keyof TestHub['subgraphUrls']) => hub.subgraphUrls[name].replace(/graphql$/, 'metrics');

  beforeAll(async () => {
    hub = await startTestHub();
    metricsUrl = hub.gatewayUrl.replace(/graphql$/, 'metrics');
  });
  afterAll(() => hub?.close());

  const post = (body: string, token: string | null, headers: Record<string, string> = {}) => postTo(hub, body, token, headers);

  /** Conventions every family must follow, whoever serves it. */
  function expectConventional({ text, families }: Scrape): void {
    expect(promtoolFindings(text)).toEqual([]);
    for (const family of families.values()) {
      expect({ name: family.name, help: family.help.length > 0 }).toEqual({ name: family.name, help: true });
      if (family.type === 'COUNTER') expect(family.name).toMatch(/_total$/);
      if (/duration|_time|latency|lag_seconds/.test(family.name)) expect(family.name).toMatch(/_seconds(_total)?$/);
      expect(family.name).not.toMatch(/_ms$|_milliseconds/);
    }
  }

  test('the gateway serves its metrics, process metrics included, with HELP lines and conventional names', async () => {
    const analyst = await hub.tokenFor({ role: Role.ANALYST });
    expect((await post(JSON.stringify({ query: '{ programmes { id name booksIssued } }' }), analyst)).status).toBe(200);
    const scraped = await scrape(metricsUrl);
    expectConventional(scraped);
    const { families } = scraped;
    for (const name of [
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'http_requests_total',
      'http_request_duration_seconds',
      'http_requests_refused_total',
      'graphql_operations_total',
      'graphql_operation_duration_seconds',
      'gateway_subgraph_fetch_duration_seconds',
      'gateway_subgraph_merged_fetches_total',
      'gateway_live_connections',
      'gateway_live_subscriptions',
      'gateway_live_slow_consumers_closed_total',
    ]) {
      expect(families.has(name) ? name : `${name} missing`).toBe(name);
    }
    expect(families.get('http_request_duration_seconds')!.type).toBe('HISTOGRAM');
    expect(sampleValue(scraped, 'http_requests_total', { route: '/graphql', method: 'POST', status_code: '200', service: 'gateway' })).toBeGreaterThanOrEqual(1);
    expect(sampleValue(scraped, 'graphql_operations_total', { operation_type: 'query', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    // The query crossed into the programmes subgraph: its fetch was timed under its name.
    expect(sampleValue(scraped, 'gateway_subgraph_fetch_duration_seconds_count', { subgraph: 'programmes', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
  });

  test.each(['programmes', 'beneficiaries', 'venues', 'vouchers'] as const)(
    'the %s subgraph serves /metrics without a caller assertion, with its pool and event-consumer gauges',
    async (name) => {
      const scraped = await scrape(subgraphMetricsUrl(name));
      expectConventional(scraped);
      const { families } = scraped;
      expect(sampleValue(scraped, 'db_pool_connections_max', { service: name })).toBe(10);
      const inUse = sampleValue(scraped, 'db_pool_connections_in_use', { service: name });
      expect(inUse).toBeGreaterThanOrEqual(0);
      expect(inUse).toBeLessThanOrEqual(10);
      expect(families.has('db_pool_waiting_requests')).toBe(true);
      expect(families.has('process_cpu_seconds_total')).toBe(true);
      expect(families.get('event_consumer_lag_events')!.metrics.map((m) => m.labels?.consumer)).toEqual([name]);
    },
  );

  test('the live gauges count the sockets and subscriptions open on the gateway, and fall back when they close', async () => {
    const gauges = async () => {
      const scraped = await scrape(metricsUrl);
      return { connections: sampleValue(scraped, 'gateway_live_connections'), subscriptions: sampleValue(scraped, 'gateway_live_subscriptions'), types: [scraped.families.get('gateway_live_connections')?.type, scraped.families.get('gateway_live_subscriptions')?.type] };
    };
    expect(await gauges()).toEqual({ connections: 0, subscriptions: 0, types: ['GAUGE', 'GAUGE'] });
    const programmeId = '6b1d3c1e-6f0a-4d7e-9a59-3f1c2b9e8a10';
    const client = await connectLive(hub.gatewayUrl, await hub.tokenFor({ role: Role.COORDINATOR, organisationId: 'coordination-metrics', programmeIds: [programmeId] }));
    client.subscribe('1', SUBSCRIBE_IDS, { programmeId });
    let seen = await gauges();
    for (let i = 0; i < 200 && seen.subscriptions < 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = await gauges();
    }
    expect(seen).toEqual({ connections: 1, subscriptions: 1, types: ['GAUGE', 'GAUGE'] });
    await client.close();
    for (let i = 0; i < 200 && seen.connections > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen = await gauges();
    }
    expect(seen).toEqual({ connections: 0, subscriptions: 0, types: ['GAUGE', 'GAUGE'] });
  });

  test('the event-consumer lag counts facts published but not yet applied, and falls back to 0 once applied', async () => {
    await hub.catchUp();
    const lag = async () => sampleValue(await scrape(subgraphMetricsUrl('vouchers')), 'event_consumer_lag_events', { consumer: 'vouchers' });
    expect(await lag()).toBe(0);
    // Hold the vouchers consumer's offset row, as a long pass of its own would: its next pass waits
    // on the lock (in whichever process it runs), while facts it replicates are published.
    const holder = hub.subgraphs.vouchers.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query(`select last_seq from consumed_event where consumer = 'vouchers' for update`);
    try {
      const { status, body } = await hub.graphql(`mutation { registerFunder(input: { name: "Conseil départemental de la Creuse", kind: DEPARTMENT }) { funder { id } } }`);
      expect(status).toBe(200);
      const year = new Date().getUTCFullYear();
      const created = await hub.graphql(`mutation ($input: CreateProgrammeInput!) { createProgramme(input: $input) { programme { id } } }`, {
        input: {
          name: 'Pass numérique Creuse',
          territory: ['departement:23'],
          eligibility: { statusesAnyOf: ['MINIMUM_BENEFITS'] },
          validFrom: `${year}-01-01`,
          validUntil: `${year + 1}-12-31`,
          budgetCents: 100_000,
          shares: [{ funderId: body.data.registerFunder.funder.id, basisPoints: 10000 }],
        },
      });
      expect(created.body.errors).toBeUndefined();
      expect(await lag()).toBeGreaterThanOrEqual(1);
    } finally {
      await holder.commitTransaction();
      await holder.release();
    }
    // Released, the waiting pass applies them by itself.
    await hub.catchUp();
    expect(await lag()).toBe(0);
  });

  test('refused requests are counted by status and reason', async () => {
    const counts = async () => {
      const scraped = await scrape(metricsUrl);
      return (status: string, reason: string) => sampleValue(scraped, 'http_requests_refused_total', { status_code: status, reason });
    };
    const before = await counts();
    const analyst = await hub.tokenFor({ role: Role.ANALYST });
    const statuses: number[] = [];
    // 401: no token, twice.
    statuses.push((await post(JSON.stringify({ query: '{ programmes { id } }' }), null)).status);
    statuses.push((await post(JSON.stringify({ query: '{ programmes { id } }' }), null)).status);
    // 413: a body over 100 kB.
    statuses.push((await post(JSON.stringify({ query: `{ programmes { id } } #${'x'.repeat(200_000)}` }), analyst)).status);
    // 400: a syntax error.
    statuses.push((await post(JSON.stringify({ query: '{ programmes { id ' }), analyst)).status);
    expect(statuses).toEqual([401, 401, 413, 400]);
    // 429: one token past its burst. Syntax errors are the cheapest requests the limiter sees.
    const flooder = await hub.tokenFor({ role: Role.ANALYST });
    let parseFailures = 0;
    let limited = 0;
    for (let wave = 0; wave < 100 && limited === 0; wave += 1) {
      const answers = await Promise.all(Array.from({ length: 25 }, () => post(JSON.stringify({ query: '{' }), flooder)));
      for (const answer of answers) {
        if (answer.status === 400) parseFailures += 1;
        else if (answer.status === 429) limited += 1;
        else throw new Error(`unexpected ${answer.status}`);
        await answer.arrayBuffer();
      }
    }
    expect(limited).toBeGreaterThan(0);

    const after = await counts();
    expect(after('401', 'UNAUTHENTICATED') - before('401', 'UNAUTHENTICATED')).toBe(2);
    expect(after('413', 'PAYLOAD_TOO_LARGE') - before('413', 'PAYLOAD_TOO_LARGE')).toBe(1);
    expect(after('400', 'GRAPHQL_PARSE_FAILED') - before('400', 'GRAPHQL_PARSE_FAILED')).toBe(1 + parseFailures);
    expect(after('429', 'RATE_LIMITED') - before('429', 'RATE_LIMITED')).toBe(limited);
  });

  test('the request id: a sane one sent by the caller comes back, anything else is replaced by a fresh one', async () => {
    const analyst = await hub.tokenFor({ role: Role.ANALYST });
    const kept = await post(JSON.stringify({ query: '{ programmes { id } }' }), analyst, { 'x-request-id': 'partner-7f3a.42' });
    expect(kept.headers.get('x-request-id')).toBe('partner-7f3a.42');
    const replaced = await post(JSON.stringify({ query: '{ programmes { id } }' }), analyst, { 'x-request-id': `a${'x'.repeat(300)}` });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const refused = await post(JSON.stringify({ query: '{ programmes { id } }' }), null, { 'x-request-id': 'has spaces in it' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('with no OTEL_* variable, tracing is off and nothing is wrapped', () => {
    expect(Object.keys(process.env).filter((k) => k.startsWith('OTEL_'))).toEqual([]);
    expect(tracingActive()).toBe(false);
    expect(pg.Client.prototype.query.name).not.toBe('tracedQuery');
  });
});

describe('refusals in production mode', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ persistedOnly: true });
  });
  afterAll(() => hub?.close());

  test("a partner's ad-hoc query is a 403 counted as PERSISTED_OPERATION_REQUIRED", async () => {
    const metricsUrl = hub.gatewayUrl.replace(/graphql$/, 'metrics');
    const refused = async () => sampleValue(await scrape(metricsUrl), 'http_requests_refused_total', { status_code: '403', reason: 'PERSISTED_OPERATION_REQUIRED' });
    const before = await refused();
    const distributor = await hub.tokenFor({ role: Role.DISTRIBUTOR });
    for (let i = 0; i < 3; i += 1) expect((await postTo(hub, JSON.stringify({ query: '{ programmes { id } }' }), distributor)).status).toBe(403);
    expect((await refused()) - before).toBe(3);
  });
});
