import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { Role } from '@pass/access';
import { startTracing, stopTracing } from '@pass/runtime';
import { inProcessTest, startTestHub, type TestHub } from '@pass/test-kit';
import { gql } from './kit/fixtures';

/**
 * One query through the gateway is one trace: the gateway's request, plan and fetch spans, then
 * each subgraph's server span (a child of the fetch that called it, through the W3C
 * `traceparent` header), its resolvers and their SQL. Spans go to an in-memory exporter, through
 * the same provider set-up as the OTLP one the `OTEL_*` variables switch on.
 */
describe('OpenTelemetry traces across the gateway and the subgraphs', () => {
  const exporter = new InMemorySpanExporter();
  let hub: TestHub;
  beforeAll(async () => {
    startTracing({ serviceName: 'pass-hub-test', exporter });
    hub = await startTestHub();
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
  });

  /** Sends the query and returns the spans of its trace once the gateway's server span has ended. */
  async function traceOf(headers: Record<string, string>): Promise<{ spans: ReadableSpan[]; root: ReadableSpan }> {
    exporter.reset();
    const token = await hub.tokenFor({ role: Role.ANALYST });
    const response = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify({ query: '{ programmes { name booksIssued vouchersRedeemed qualifiedVenues { nodes { name } } } }' }),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).data.programmes).toHaveLength(1);
    // The server span ends on the response's `finish`, a moment after the caller has the body.
    for (let i = 0; i < 100; i += 1) {
      const root = exporter.getFinishedSpans().find((s) => s.instrumentationLibrary.name === 'pass-gateway' && s.kind === SpanKind.SERVER);
      if (root) return { spans: exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === root.spanContext().traceId), root };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the gateway server span never ended');
  }

  const idOf = (span: ReadableSpan) => span.spanContext().spanId;
  /** The in-memory exporter lives in this process: under PASS_TEST_LAYOUT=processes the subgraphs export elsewhere. */
  const traced = inProcessTest("the spans go to an in-memory exporter in the test's process");

  traced('one query is one trace: gateway request, plan and fetch spans, then the subgraphs\' server, resolver and SQL spans', async () => {
    const { spans, root } = await traceOf({ 'x-request-id': 'trace-test-1' });
    const names = spans.map((s) => s.name);
    // Plain properties are no spans: only code that may load something is.
    expect(names).not.toContain('Programme.name');
    expect(names).toContain('Programme.booksIssued');
    expect(root.name).toBe('POST /graphql');
    expect(root.attributes['http.response.status_code']).toBe(200);
    for (const name of ['gateway.request', 'gateway.plan', 'gateway.execute', 'gateway.fetch']) expect(names).toContain(name);

    const fetches = spans.filter((s) => s.name === 'gateway.fetch');
    const subgraphServers = spans.filter((s) => s.kind === SpanKind.SERVER && s.instrumentationLibrary.name !== 'pass-gateway');
    // programmes answers the root field; vouchers and venues add their fields to Programme.
    expect(new Set(subgraphServers.map((s) => s.instrumentationLibrary.name))).toEqual(new Set(['pass-programmes', 'pass-vouchers', 'pass-venues']));
    for (const server of subgraphServers) {
      // Its parent is a fetch span of the gateway: the traceparent header carried it across HTTP.
      expect(fetches.map(idOf)).toContain(server.parentSpanId);
      expect(server.attributes['pass.request_id']).toBe('trace-test-1');
    }
    const programmesServer = subgraphServers.find((s) => s.instrumentationLibrary.name === 'pass-programmes')!;
    const resolver = spans.find((s) => s.name === 'Query.programmes');
    expect(resolver?.parentSpanId).toBe(idOf(programmesServer));
    // SQL nests under the resolver that ran it.
    const sql = spans.filter((s) => s.attributes['db.system'] === 'postgresql');
    expect(sql.length).toBeGreaterThan(0);
    expect(sql.some((s) => s.parentSpanId === idOf(resolver!))).toBe(true);
    expect(spans.some((s) => s.name === 'Programme.__resolveReference' || s.name.startsWith('Query._entities'))).toBe(true);
    // Every span of the trace hangs from the gateway's server span.
    const ids = new Set(spans.map(idOf));
    for (const span of spans) if (span !== root) expect(ids.has(span.parentSpanId!) ? 'linked' : `${span.name} orphaned`).toBe('linked');
  });

  traced("a caller's W3C traceparent is continued, not replaced", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const { root, spans } = await traceOf({ traceparent: `00-${traceId}-00f067aa0ba902b7-01` });
    expect(root.spanContext().traceId).toBe(traceId);
    expect(root.parentSpanId).toBe('00f067aa0ba902b7');
    expect(spans.filter((s) => s.kind === SpanKind.SERVER).length).toBeGreaterThanOrEqual(4);
  });
});
