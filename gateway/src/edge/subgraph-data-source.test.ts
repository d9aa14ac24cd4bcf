import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { GraphQLError, parse } from 'graphql';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { Histogram, Registry } from 'prom-client';
import { observeSubgraphFetches } from '../observability/subgraph-fetch';
import { mergeEntityFetches } from './entity-batch';
import { SubgraphDataSource, directSubgraphCalls, subgraphFetcher, type SubgraphFetcher } from './subgraph-data-source';

/** A subgraph stand-in that answers each request with what `answer` says, and counts connections. */
async function fakeSubgraph(answer: (body: string, headers: http.IncomingHttpHeaders) => { status: number; body: string; type?: string }) {
  let connections = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { status, body, type = 'application/json' } = answer(Buffer.concat(chunks).toString(), req.headers);
      res.writeHead(status, { 'content-type': type, 'cache-control': 'private' }).end(body);
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('subgraphFetcher', () => {
  let subgraphs: SubgraphFetcher;
  beforeEach(() => {
    subgraphs = subgraphFetcher();
  });
  afterEach(() => subgraphs.close());

  test('sends the method, headers and body, and hands back the status, headers and JSON answer', async () => {
    const subgraph = await fakeSubgraph((body, headers) => ({ status: 200, body: JSON.stringify({ data: { echo: JSON.parse(body), caller: headers['x-hub-caller'] } }) }));
    try {
      const answer = await subgraphs.fetcher(subgraph.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-caller': 'signed' }, body: '{"query":"{ a }"}' });
      expect(answer.status).toBe(200);
      expect(answer.ok).toBe(true);
      expect(answer.url).toBe(subgraph.url);
      expect(answer.headers.get('cache-control')).toBe('private');
      expect(await answer.clone().text()).toBe('{"data":{"echo":{"query":"{ a }"},"caller":"signed"}}');
      expect(await answer.json()).toEqual({ data: { echo: { query: '{ a }' }, caller: 'signed' } });
      expect(answer.bodyUsed).toBe(true);
      await expect(answer.text()).rejects.toThrow(/already read/);
    } finally {
      await subgraphs.close();
      await subgraph.close();
    }
  });

  test("post: the plan runner's call sends the headers and body, and reads the status and the whole answer, however it is chunked", async () => {
    const long = 'x'.repeat(200_000);
    const subgraph = await fakeSubgraph((body, headers) => ({ status: 200, body: JSON.stringify({ data: { echo: JSON.parse(body), caller: headers['x-hub-caller'], long } }) }));
    try {
      for (let i = 0; i < 6; i++) {
        const answer = await subgraphs.post(subgraph.url, { 'content-type': 'application/json', 'x-hub-caller': 'signed' }, '{"query":"{ a }"}');
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.text)).toEqual({ data: { echo: { query: '{ a }' }, caller: 'signed', long } });
      }
      // Kept open: one, or two when the next call is queued before the pool has seen the last answer end.
      expect(subgraph.connections()).toBeLessThanOrEqual(2);
    } finally {
      await subgraphs.close();
      await subgraph.close();
    }
    const refusing = await fakeSubgraph(() => ({ status: 401, body: '{"errors":[{"message":"no"}]}' }));
    const { url } = refusing;
    const other = subgraphFetcher();
    try {
      expect(await other.post(url, {}, '{}')).toEqual({ status: 401, json: true, text: '{"errors":[{"message":"no"}]}' });
      await refusing.close();
      await other.close();
      const gone = subgraphFetcher();
      const error = await gone.post(url, {}, '{}').catch((e: unknown) => e);
      expect((error as { code?: string }).code).toBe('ECONNREFUSED');
      await gone.close();
    } finally {
      await refusing.close().catch(() => undefined);
    }
  });

  test('keeps its connections open: ten calls, one after another, reuse their sockets', async () => {
    const subgraph = await fakeSubgraph(() => ({ status: 200, body: '{"data":{}}' }));
    try {
      for (let i = 0; i < 10; i++) await (await subgraphs.fetcher(subgraph.url, { method: 'POST', body: '{}' })).json();
      // One, or two when the next call is queued before the pool has seen the first answer end.
      expect(subgraph.connections()).toBeLessThanOrEqual(2);
    } finally {
      await subgraphs.close();
      await subgraph.close();
    }
  });

  test('a refusal comes back as an answer with its status; an unreachable subgraph as an error that is no GraphQL answer', async () => {
    const subgraph = await fakeSubgraph(() => ({ status: 401, body: '{"errors":[{"message":"only the gateway may call this subgraph"}]}' }));
    const { url } = subgraph;
    const refused = await subgraphs.fetcher(url, { method: 'POST', body: '{}' });
    expect(refused.status).toBe(401);
    expect(refused.ok).toBe(false);
    expect(refused.statusText).toBe('Unauthorized');
    await subgraphs.close();
    await subgraph.close();
    const gone = subgraphFetcher();
    try {
      const error = await gone.fetcher(url, { method: 'POST', body: '{}' }).catch((e: unknown) => e);
      // undici's own error (another realm than jest's: no instanceof Error), with the system's code.
      expect((error as { code?: string }).code).toBe('ECONNREFUSED');
      expect(error).not.toBeInstanceOf(GraphQLError);
    } finally {
      await gone.close();
    }
  });

  test("goes through the Unix socket given for a subgraph's origin: its path and Host header from the URL, nothing over TCP", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pass-fetcher-'));
    const socketPath = path.join(dir, 'vouchers.sock');
    const seen: { url?: string; host?: string }[] = [];
    const server = http.createServer((req, res) => {
      seen.push({ url: req.url, host: req.headers.host });
      req.resume().on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"via":"socket"}}'));
    });
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    // Port 9 (discard): nothing listens there on loopback, so a TCP attempt would fail.
    const url = 'http://127.0.0.1:9/graphql?from=gateway';
    const viaSocket = subgraphFetcher({ 'http://127.0.0.1:9': socketPath });
    try {
      const answer = await viaSocket.fetcher(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(await answer.json()).toEqual({ data: { via: 'socket' } });
      expect(seen).toEqual([{ url: '/graphql?from=gateway', host: '127.0.0.1:9' }]);
      // Another origin, without a socket, still goes over TCP, where the port refuses it.
      await expect(viaSocket.fetcher('http://127.0.0.2:9/graphql', { method: 'POST', body: '{}' })).rejects.toThrow();
    } finally {
      await viaSocket.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('once closed it sends nothing more', async () => {
    await subgraphs.close();
    await expect(subgraphs.fetcher('http://127.0.0.1:9/graphql', { method: 'POST', body: '{}' })).rejects.toThrow(/closing/);
  });
});

/*
 * SubgraphDataSource sends its calls with its own copy of Apollo's sendRequest (no node-fetch
 * Request per call): what a subgraph receives and what the gateway makes of each kind of answer
 * must stay what Apollo's does.
 */
describe('SubgraphDataSource: what a subgraph call sends, and makes of the answer', () => {
  const call = async (answer: Parameters<typeof fakeSubgraph>[0]) => {
    const subgraph = await fakeSubgraph(answer);
    const subgraphs = subgraphFetcher();
    const source = new SubgraphDataSource({ url: subgraph.url, fetcher: subgraphs.fetcher });
    try {
      return await source.process({
        kind: GraphQLDataSourceRequestKind.HEALTH_CHECK,
        request: { query: '{ a }', variables: { v: 1 } },
        context: { requestId: 'req-1', caller: { role: 'VENUE', organisationId: 'v-1' } as never, assertion: 'signed' },
      });
    } finally {
      await subgraphs.close();
      await subgraph.close();
    }
  };

  test('sends the query, variables, request id and caller assertion as JSON; hands back the body with the response', async () => {
    let received: { body: unknown; headers: http.IncomingHttpHeaders } | null = null;
    const response = await call((body, headers) => {
      received = { body: JSON.parse(body), headers };
      return { status: 200, body: '{"data":{"a":1},"extensions":{"x":true}}' };
    });
    expect(received!.body).toEqual({ query: '{ a }', variables: { v: 1 } });
    expect(received!.headers).toMatchObject({ 'content-type': 'application/json', 'x-request-id': 'req-1', 'x-hub-caller': 'signed' });
    expect(response.data).toEqual({ a: 1 });
    expect(response.extensions).toEqual({ x: true });
    expect(response.http?.status).toBe(200);
  });

  test('a non-2xx answer becomes the error Apollo makes of it, with the status and body', async () => {
    const failed = call(() => ({ status: 503, body: '{"errors":[{"message":"down"}]}' }));
    await expect(failed).rejects.toThrow('503: Service Unavailable');
    await expect(failed).rejects.toMatchObject({ extensions: { response: { status: 503, body: { errors: [{ message: 'down' }] } } } });
  });

  test('a JSON answer that is not an object is refused', async () => {
    await expect(call(() => ({ status: 200, body: '42' }))).rejects.toThrow('Expected JSON response body, but received: 42');
  });
});

/*
 * The merging of one request's entity fetches (entity-batch.ts) as the data source does it: what
 * goes in one call, what never does, and what each fetch gets back.
 */
describe("a request the plan runner hands back: Apollo's executor takes the runner's answers", () => {
  test('the same call (URL, query, operation name, variables) is not sent again, even while in flight; another is', async () => {
    const received: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // A subgraph that answers each call after `release`, errors and all, and counts what it was sent.
    let server!: http.Server;
    const url = await new Promise<string>((resolve) => {
      server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const body = Buffer.concat(chunks).toString();
          received.push(body);
          const { variables } = JSON.parse(body) as { variables: { id: string } };
          void held.then(() =>
            res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { programme: null }, errors: [{ message: `no ${variables.id}`, extensions: { code: 'FORBIDDEN' } }] })),
          );
        });
      });
      server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`));
    });
    const subgraphs = subgraphFetcher();
    const timed: string[] = [];
    const call = directSubgraphCalls({ post: subgraphs.post, urls: { programmes: url }, startTimer: () => (outcome) => void timed.push(outcome), onMerged: () => undefined });
    const source = new SubgraphDataSource({ url, fetcher: subgraphs.fetcher });
    const context = { requestId: 'req-1', caller: { role: 'FUNDER', organisationId: 'f-1' } as never, assertion: 'signed' };
    const query = 'query P($id: ID!) { programme(id: $id) { name } }';
    const apollo = (id: string) =>
      source.process({
        kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
        request: { query, variables: { id }, operationName: 'P' },
        context,
        incomingRequestContext: {},
        pathInIncomingRequest: [],
      } as never);
    try {
      const byRunner = call('programmes', { query, variables: { id: 'p-1' }, operationName: 'P' }, context, 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(received).toHaveLength(1);
      // The executor asks for the same call while the runner's is still in flight: it waits for that answer.
      const byApollo = apollo('p-1');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(received).toHaveLength(1);
      release();
      expect((await byRunner)?.errors).toBeDefined();
      const answer = await byApollo;
      expect(answer.errors).toEqual([{ message: 'no p-1', extensions: { code: 'FORBIDDEN' } }]);
      expect(answer.data).toEqual({ programme: null });
      expect(received).toHaveLength(1);
      // Other variables: a call the runner never made, sent.
      expect((await apollo('p-2')).errors?.[0]?.message).toBe('no p-2');
      expect(received).toHaveLength(2);
      // Another request (its own context) never takes this one's answers.
      const other = await source.process({
        kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
        request: { query, variables: { id: 'p-1' }, operationName: 'P' },
        context: { ...context, runnerCalls: undefined },
        incomingRequestContext: {},
        pathInIncomingRequest: [],
      } as never);
      expect(other.errors?.[0]?.message).toBe('no p-1');
      expect(received).toHaveLength(3);
      expect(timed).toEqual(['error']);
    } finally {
      release();
      await subgraphs.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  /**
   * The runner's call of `{ a }` to a subgraph answering as `answer` says, then Apollo's data
   * source asked for the same fetch in the same request (a hand-back); what each got, and the calls.
   */
  async function runnerThenApollo(answer: Parameters<typeof fakeSubgraph>[0]) {
    let calls = 0;
    const subgraph = await fakeSubgraph((body, headers) => (calls++, answer(body, headers)));
    const subgraphs = subgraphFetcher();
    const timed: string[] = [];
    const call = directSubgraphCalls({ post: subgraphs.post, urls: { a: subgraph.url }, startTimer: () => (outcome) => void timed.push(outcome), onMerged: () => undefined });
    const source = new SubgraphDataSource({ url: subgraph.url, fetcher: subgraphs.fetcher });
    const context = { requestId: 'req-1', caller: { role: 'FUNDER', organisationId: 'f-1' } as never, assertion: 'signed' };
    try {
      const byRunner = await call('a', { query: '{ a }', variables: {}, operationName: undefined }, context, 1);
      const byApollo = await source
        .process({
          kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
          request: { query: '{ a }', variables: {} },
          context,
          incomingRequestContext: {},
          pathInIncomingRequest: [],
        } as never)
        .catch((error: unknown) => error as Error);
      return { byRunner, byApollo, timed, calls };
    } finally {
      await subgraphs.close();
      await subgraph.close();
    }
  }

  test('a 2xx answer not typed as JSON is no answer to the runner, whatever it holds: Apollo is asked, and refuses it as it would', async () => {
    const { byRunner, byApollo, timed, calls } = await runnerThenApollo(() => ({ status: 200, body: '{"data":{"a":1}}', type: 'text/plain' }));
    expect(byRunner).toBeUndefined();
    expect(timed).toEqual(['error']);
    expect(byApollo).toBeInstanceOf(Error);
    expect((byApollo as Error).message).toBe('Expected JSON response body, but received: {"data":{"a":1}}');
    expect(calls).toBe(2);
  });

  test('a call the runner saw fail (unreachable, non-2xx) is sent again, for Apollo to report as it does', async () => {
    let answered = 0;
    const { byRunner, byApollo, calls } = await runnerThenApollo(() =>
      ++answered === 1 ? { status: 503, body: 'busy' } : { status: 200, body: '{"data":{"a":1}}' },
    );
    expect(byRunner).toBeUndefined();
    expect((byApollo as { data?: unknown }).data).toEqual({ a: 1 });
    expect(calls).toBe(2);
  });
});

describe('SubgraphDataSource: entity fetches of one request in one call', () => {
  const venueFetch = 'query V($representations: [_Any!]!) { _entities(representations: $representations) { ... on Venue { amountDueCents } } }';
  const sessionFetch = 'query S($representations: [_Any!]!) { _entities(representations: $representations) { ... on WorkshopSession { id } } }';
  const fetchOf = (query: string, context: object, representations: unknown[]) =>
    ({
      kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
      request: { query, variables: { representations }, operationName: query.slice(6, 7) },
      context,
      incomingRequestContext: {},
      pathInIncomingRequest: [],
    }) as never;
  const contextOf = (requestId: string) => ({ requestId, caller: { role: 'VENUE', organisationId: 'v-1' }, assertion: 'signed' });

  /** Answers each `_entities` field (aliased or not) with one entity per representation; `fail` nulls the merged call's data. */
  async function subgraphWith(fail = false) {
    const bodies: { query: string; variables: Record<string, unknown[]> }[] = [];
    const subgraph = await fakeSubgraph((raw) => {
      const body = JSON.parse(raw) as { query: string; variables: Record<string, unknown[]> };
      bodies.push(body);
      const fields = [...body.query.matchAll(/(?:(\w+): )?_entities\(representations: \$(\w+)\)/g)];
      if (fail && fields.length > 1) return { status: 200, body: JSON.stringify({ data: null, errors: [{ message: 'boom', path: ['_entities_1', 0] }] }) };
      const data = Object.fromEntries(fields.map(([, alias, variable]) => [alias ?? '_entities', body.variables[variable!]!.map((r) => ({ from: r }))]));
      return { status: 200, body: JSON.stringify({ data }) };
    });
    const subgraphs = subgraphFetcher();
    const source = new SubgraphDataSource({ url: subgraph.url, fetcher: subgraphs.fetcher });
    const merged: number[] = [];
    source.onMerged = (n) => merged.push(n);
    return { source, bodies, merged, url: subgraph.url, subgraphs, close: async () => (await subgraphs.close(), await subgraph.close()) };
  }

  test("a handed-back request's fetches that take the runner's answers, merged or alone, are timed once: by the runner", async () => {
    const { source, bodies, url, subgraphs, close } = await subgraphWith();
    const registry = new Registry();
    const duration = new Histogram({ name: 'fetch_seconds', help: 'fetches', labelNames: ['subgraph', 'outcome'], registers: [registry] });
    observeSubgraphFetches('venues', source, duration);
    const runner = directSubgraphCalls({
      post: subgraphs.post,
      urls: { venues: url },
      startTimer: (subgraph) => {
        const stop = duration.startTimer({ subgraph });
        return (outcome) => void stop({ outcome });
      },
      onMerged: () => undefined,
    });
    const timed = async () => ((await registry.getSingleMetricAsString('fetch_seconds')).match(/fetch_seconds_count\{[^}]*\} (\d+)/) ?? [])[1];
    const venue = [{ __typename: 'Venue', id: 'v1' }];
    const sessions = [{ __typename: 'WorkshopSession', id: 's1' }];
    try {
      // The runner's merged call, as the data source would merge the same two fetches.
      const both = mergeEntityFetches([
        { document: parse(venueFetch), variables: { representations: venue }, operationName: 'V' },
        { document: parse(sessionFetch), variables: { representations: sessions }, operationName: 'S' },
      ]);
      const context = contextOf('r1');
      await runner('venues', { query: both.query, variables: both.variables, operationName: both.operationName }, context as never, 2);
      expect(await timed()).toBe('2');
      // Handed back: Apollo's executor runs the same two fetches, merged again, and takes that answer.
      const [v, s] = await Promise.all([source.process(fetchOf(venueFetch, context, venue)), source.process(fetchOf(sessionFetch, context, sessions))]);
      expect(v.data).toEqual({ _entities: [{ from: venue[0] }] });
      expect(s.data).toEqual({ _entities: [{ from: sessions[0] }] });
      expect(bodies).toHaveLength(1);
      expect(await timed()).toBe('2');

      // A lone fetch: the same.
      const alone = contextOf('r2');
      await runner('venues', { query: venueFetch, variables: { representations: venue }, operationName: 'V' }, alone as never, 1);
      await source.process(fetchOf(venueFetch, alone, venue));
      expect(bodies).toHaveLength(2);
      expect(await timed()).toBe('3');

      // A request the runner never ran: each of its fetches is sent and timed.
      const fresh = contextOf('r3');
      await Promise.all([source.process(fetchOf(venueFetch, fresh, venue)), source.process(fetchOf(sessionFetch, fresh, sessions))]);
      expect(bodies).toHaveLength(3);
      expect(await timed()).toBe('5');
    } finally {
      await close();
    }
  });

  test("one request's fetches started in one turn go in one call, each getting its own entities", async () => {
    const { source, bodies, merged, close } = await subgraphWith();
    try {
      const context = contextOf('r1');
      const [venue, session] = await Promise.all([
        source.process(fetchOf(venueFetch, context, [{ __typename: 'Venue', id: 'v1' }])),
        source.process(fetchOf(sessionFetch, context, [{ __typename: 'WorkshopSession', id: 's1' }, { __typename: 'WorkshopSession', id: 's2' }])),
      ]);
      expect(bodies).toHaveLength(1);
      expect(merged).toEqual([2]);
      expect(venue.data).toEqual({ _entities: [{ from: { __typename: 'Venue', id: 'v1' } }] });
      expect(session.data).toEqual({ _entities: [{ from: { __typename: 'WorkshopSession', id: 's1' } }, { from: { __typename: 'WorkshopSession', id: 's2' } }] });
    } finally {
      await close();
    }
  });

  test("two requests' fetches never share a call, and a lone fetch goes as it is", async () => {
    const { source, bodies, merged, close } = await subgraphWith();
    try {
      await Promise.all([
        source.process(fetchOf(venueFetch, contextOf('r1'), [{ __typename: 'Venue', id: 'v1' }])),
        source.process(fetchOf(venueFetch, contextOf('r2'), [{ __typename: 'Venue', id: 'v2' }])),
      ]);
      expect(bodies.map((b) => b.query)).toEqual([venueFetch, venueFetch]);
      expect(merged).toEqual([]);
    } finally {
      await close();
    }
  });

  test('when the merged answer has no data, each fetch is sent again alone and gets its own answer', async () => {
    const { source, bodies, merged, close } = await subgraphWith(true);
    try {
      const context = contextOf('r1');
      const [venue, session] = await Promise.all([
        source.process(fetchOf(venueFetch, context, [{ __typename: 'Venue', id: 'v1' }])),
        source.process(fetchOf(sessionFetch, context, [{ __typename: 'WorkshopSession', id: 's1' }])),
      ]);
      expect(bodies.map((b) => b.query)).toEqual([expect.stringContaining('_entities_1'), venueFetch, sessionFetch]);
      expect(merged).toEqual([]);
      expect(venue.data).toEqual({ _entities: [{ from: { __typename: 'Venue', id: 'v1' } }] });
      expect(session.data).toEqual({ _entities: [{ from: { __typename: 'WorkshopSession', id: 's1' } }] });
    } finally {
      await close();
    }
  });

  test('turned off, each fetch is its own call', async () => {
    const { source, bodies, close } = await subgraphWith();
    source.mergeEntityFetches = false;
    try {
      const context = contextOf('r1');
      await Promise.all([
        source.process(fetchOf(venueFetch, context, [{ __typename: 'Venue', id: 'v1' }])),
        source.process(fetchOf(sessionFetch, context, [{ __typename: 'WorkshopSession', id: 's1' }])),
      ]);
      expect(bodies.map((b) => b.query)).toEqual([venueFetch, sessionFetch]);
    } finally {
      await close();
    }
  });
});
