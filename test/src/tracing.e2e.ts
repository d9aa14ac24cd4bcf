import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { Role } from '@pass/access';
import { startTracing, stopTracing } from '@pass/runtime';
import { startTestHub, testLayout, type TestHub } from '@pass/test-kit';
import { gql } from './kit/fixtures';
import { startOtlpCollector, type TracedSpan } from './kit/otlp-collector';

/**
 * One query through the gateway is one trace: the gateway's request, plan and fetch spans, then
 * each subgraph's server span (a child of the fetch that called it, through the W3C
 * `traceparent` header), its resolvers and their SQL. In the single layout spans go to an
 * in-memory exporter, through the same provider set-up as the OTLP one; in the processes layout
 * each process exports them over OTLP/HTTP JSON, as the `OTEL_*` variables ask, to a collector
 * the test runs on loopback.
 */
const fromReadable = (span: ReadableSpan): TracedSpan => ({
  traceId: span.spanContext().traceId,
  spanId: span.spanContext().spanId,
  parentSpanId: span.parentSpanId,
  name: span.name,
  kind: span.kind,
  scope: span.instrumentationLibrary.name,
  attributes: { ...span.attributes },
});

/** What the hub's processes read to export their spans to the test's collector (batched every 50 ms). */
const otlpVariables = (endpoint: string) => ({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_BSP_SCHEDULE_DELAY: '50' });

describe('OpenTelemetry traces across the gateway and the subgraphs', () => {
  const exporter = new InMemorySpanExporter();
  let collector: Awaited<ReturnType<typeof startOtlpCollector>> | null = null;
  let hub: TestHub;
  const finished = (): TracedSpan[] => (collector ? collector.spans() : exporter.getFinishedSpans().map(fromReadable));
  beforeAll(async () => {
    if (testLayout() === 'processes') {
      collector = await startOtlpCollector();
      // The launcher hands its environment to the processes it starts.
      const variables = otlpVariables(collector.endpoint);
      Object.assign(process.env, variables);
      try {
        hub = await startTestHub();
      } finally {
        for (const name of Object.keys(variables)) delete process.env[name];
      }
    } else {
      startTracing({ serviceName: 'pass-hub-test', exporter });
      hub = await startTestHub();
    }
    const { registerFunder } = await gql(hub, `mutation { registerFunder(input: { name: "Agglomération Creil Sud Oise", kind: INTERCOMMUNALITY }) { funder { id } } }`);
    const year = new Date().getUTCFullYear();
    await gql(hub, `mutation ($input: CreateProgrammeInput!) { createProgramme(input: $input) { programme { id } } }`, {
      input: {
        name: 'Pass numérique Creil Sud Oise',
        territory: ['epci:200068047'],
        eligibility: { minAge: 16, maxAge: 25, maxEducationLevel: 'BAC', statusesAnyOf: ['JOB_SEEKER'] },
        validFrom: `${year}-01-01`,
        validUntil: `${year + 1}-12-31`,
        budgetCents: 50_000,
        shares: [{ funderId: registerFunder.funder.id, basisPoints: 10000 }],
      },
    });
    await hub.catchUp();
  });
  afterAll(async () => {
    await hub?.close();
    await stopTracing();
    await collector?.close();
  });

  /**
   * Sends the query and returns the spans of its trace once it is whole: the gateway's server span
   * has ended, every subgraph's server span has arrived, no span waits for its parent, and nothing
   * more has come for half a second. Each process exports on its own schedule (a busy machine can
   * hold a batch back for seconds), so the wait is for that content, bounded at 20 s; what is still
   * missing then is for the assertions to report.
   */
  async function traceOf(headers: Record<string, string>): Promise<{ spans: TracedSpan[]; root: TracedSpan }> {
    exporter.reset();
    collector?.reset();
    const token = await hub.tokenFor({ role: Role.ANALYST });
    // The set-up's own traces may still be arriving: this request's root is the one with its id.
    const requestId = headers['x-request-id'] ?? `trace-test-${Math.random().toString(36).slice(2)}`;
    const response = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers, 'x-request-id': requestId },
      body: JSON.stringify({ query: '{ programmes { name booksIssued vouchersRedeemed qualifiedVenues { nodes { name } } } }' }),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).data.programmes).toHaveLength(1);
    const pause = () => new Promise((resolve) => setTimeout(resolve, 100));
    const deadline = Date.now() + 20_000;
    // The server span ends on the response's `finish`, a moment after the caller has the body.
    let root: TracedSpan | undefined;
    while (!root && Date.now() < deadline) {
      root = finished().find((s) => s.scope === 'pass-gateway' && s.kind === SpanKind.SERVER && s.attributes['pass.request_id'] === requestId);
      if (!root) await pause();
    }
    if (!root) throw new Error('the gateway server span never ended');
    const ofTrace = () => finished().filter((s) => s.traceId === root.traceId);
    const whole = (spans: TracedSpan[]) => {
      const ids = new Set(spans.map((s) => s.spanId));
      const servers = new Set(spans.filter((s) => s.kind === SpanKind.SERVER).map((s) => s.scope));
      return servers.size >= 4 && spans.every((s) => s.spanId === root.spanId || ids.has(s.parentSpanId!));
    };
    let seen = -1;
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      const spans = ofTrace();
      if (spans.length !== seen) {
        seen = spans.length;
        quietSince = Date.now();
      } else if (whole(spans) && Date.now() - quietSince >= 500) break;
      await pause();
    }
    return { spans: ofTrace(), root };
  }

  const idOf = (span: TracedSpan) => span.spanId;

  test('one query is one trace: gateway request, plan and fetch spans, then the subgraphs\' server, resolver and SQL spans', async () => {
    const { spans, root } = await traceOf({ 'x-request-id': 'trace-test-1' });
    const names = spans.map((s) => s.name);
    // Plain properties are no spans: only code that may load something is.
    expect(names).not.toContain('Programme.name');
    expect(names).toContain('Programme.booksIssued');
    expect(root.name).toBe('POST /graphql');
    expect(root.attributes['http.response.status_code']).toBe(200);
    for (const name of ['gateway.request', 'gateway.plan', 'gateway.execute', 'gateway.fetch']) expect(names).toContain(name);

    const fetches = spans.filter((s) => s.name === 'gateway.fetch');
    const subgraphServers = spans.filter((s) => s.kind === SpanKind.SERVER && s.scope !== 'pass-gateway');
    // programmes answers the root field; vouchers and venues add their fields to Programme.
    expect(new Set(subgraphServers.map((s) => s.scope))).toEqual(new Set(['pass-programmes', 'pass-vouchers', 'pass-venues']));
    for (const server of subgraphServers) {
      // Its parent is a fetch span of the gateway: the traceparent header carried it across HTTP.
      expect(fetches.map(idOf)).toContain(server.parentSpanId);
      expect(server.attributes['pass.request_id']).toBe('trace-test-1');
    }
    const programmesServer = subgraphServers.find((s) => s.scope === 'pass-programmes')!;
    const resolver = spans.find((s) => s.name === 'Query.programmes');
    expect(resolver?.parentSpanId).toBe(idOf(programmesServer));
    // SQL nests under the resolver that ran it.
    const sql = spans.filter((s) => s.attributes['db.system'] === 'postgresql');
    expect(sql.length).toBeGreaterThan(0);
    expect(sql.some((s) => s.parentSpanId === idOf(resolver!))).toBe(true);
    expect(spans.some((s) => s.name === 'Programme.__resolveReference' || s.name.startsWith('Query._entities'))).toBe(true);
    // Every span of the trace hangs from the gateway's server span.
    const ids = new Set(spans.map(idOf));
    for (const span of spans) if (span.spanId !== root.spanId) expect(ids.has(span.parentSpanId!) ? 'linked' : `${span.name} orphaned`).toBe('linked');
  });

  test("a caller's W3C traceparent is continued, not replaced", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const { root, spans } = await traceOf({ traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
    expect(root.traceId).toBe(traceId);
    expect(root.parentSpanId).toBe('00f067aa0ba902b7');
    expect(spans.filter((s) => s.kind === SpanKind.SERVER).length).toBeGreaterThanOrEqual(4);
  });
});
