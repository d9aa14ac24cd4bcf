import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { AuthError, CALLER_HEADER, Role, type Caller } from '@pass/access';
import { bodyLimitBytes, createLogger, createServerMetrics, observeHttp } from '@pass/runtime';
import { graphqlOverHttp } from './graphql-http';

const CALLER: Caller = { organisationId: 'venue-1', role: Role.VENUE, scopes: ['read'], tokenId: 't-1' };

/** `/graphql` as a subgraph serves it: a schema that echoes the caller, behind the lean handler and the access log's metrics. */
async function serve(limit = '1kb') {
  const apollo = new ApolloServer<{ caller: Caller; requestId?: string }>({
    typeDefs: 'type Query { caller: String, requestId: String, echo(text: String!): String }',
    resolvers: { Query: { caller: (_: unknown, __: unknown, ctx: { caller: Caller }) => ctx.caller.organisationId, requestId: (_: unknown, __: unknown, ctx: { requestId?: string }) => ctx.requestId, echo: (_: unknown, args: { text: string }) => args.text } },
  });
  await apollo.start();
  const metrics = createServerMetrics('test');
  const observe = observeHttp({ logger: createLogger('graphql-http-test'), metrics, part: 'test' });
  const handler = graphqlOverHttp({
    apollo,
    bodyLimitBytes: bodyLimitBytes(limit),
    verifyCaller: async (assertion) => {
      if (assertion !== 'signed') throw new AuthError('TOKEN_INVALID', 'no valid assertion');
      return CALLER;
    },
    context: ({ caller, requestId }) => ({ caller, requestId }),
  });
  const server = http.createServer((req, res) => observe(req as never, res as never, () => void handler(req, res)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', [CALLER_HEADER]: 'signed', ...headers }, body });
  return {
    post,
    refused: async () => (await metrics.refusedRequests.get()).values,
    close: async () => {
      await apollo.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe("a subgraph's /graphql on Node's own server", () => {
  test('answers a query with the context built from the verified caller and the request id', async () => {
    const s = await serve();
    try {
      const answer = await s.post(JSON.stringify({ query: '{ caller requestId }' }), { 'x-request-id': 'req-7' });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
      expect(answer.headers.get('x-request-id')).toBe('req-7');
      expect(await answer.json()).toEqual({ data: { caller: 'venue-1', requestId: 'req-7' } });
    } finally {
      await s.close();
    }
  });

  test('refuses, each with its code, a missing assertion (401), a body over the limit (413) and a body that is not JSON (400); Apollo answers the rest', async () => {
    const s = await serve('1kb');
    try {
      const unsigned = await s.post(JSON.stringify({ query: '{ caller }' }), { [CALLER_HEADER]: 'forged' });
      expect(unsigned.status).toBe(401);
      expect(await unsigned.json()).toEqual({ errors: [{ message: 'only the gateway may call this subgraph: no valid assertion', extensions: { code: 'UNAUTHENTICATED' } }] });

      const large = await s.post(JSON.stringify({ query: 'query($t: String!) { echo(text: $t) }', variables: { t: 'x'.repeat(2000) } }));
      expect(large.status).toBe(413);
      expect((await large.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
      // Just under the limit is served.
      const fits = await s.post(JSON.stringify({ query: 'query($t: String!) { echo(text: $t) }', variables: { t: 'x'.repeat(900) } }));
      expect(fits.status).toBe(200);
      expect((await fits.json()).data.echo).toHaveLength(900);

      const broken = await s.post('{"query": "{ caller }"');
      expect(broken.status).toBe(400);
      expect(await broken.json()).toEqual({ errors: [{ message: 'the request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });

      const text = await s.post('{ caller }', { 'content-type': 'text/plain' });
      expect(text.status).toBe(400);

      const invalid = await s.post(JSON.stringify({ query: '{ nope }' }));
      expect(invalid.status).toBe(400);
      expect((await invalid.json()).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');

      // The access log's metrics count each refusal under the code its body gave.
      const reasons = (await s.refused()).map((v) => `${v.labels.status_code} ${v.labels.reason} ${v.value}`).sort();
      expect(reasons).toEqual(['400 BAD_REQUEST 2', '400 GRAPHQL_VALIDATION_FAILED 1', '401 UNAUTHENTICATED 1', '413 PAYLOAD_TOO_LARGE 1']);
    } finally {
      await s.close();
    }
  });
});
