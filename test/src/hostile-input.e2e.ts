import { startTestHub, type TestHub } from '@pass/test-kit';

/** Hostile requests get clear 4xx answers, nothing crashes, and the next normal request is served. */
/*
 * An analyst's POST takes the gateway's route on Node's own request and response; an operator's
 * (who may send a 20 MB venue import) the Express route: both must answer hostile input alike.
 */
describe.each(['analyst', 'operator'])('hostile input at the gateway, as an %s', (role) => {
  let hub: TestHub;
  let token: string;
  beforeAll(async () => {
    hub = await startTestHub();
    token = await hub.tokenFor({ role: role as never });
  });
  afterAll(() => hub?.close());

  const send = (body: string | Buffer, contentType = 'application/json') =>
    fetch(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${token}` }, body });

  const nested = (depth: number) => `query { ${'programmes { fundingShares { funder { programmes { '.repeat(Math.ceil(depth / 4))}id${' } } } }'.repeat(Math.ceil(depth / 4))} }`;

  test.each<[string, () => Promise<Response>, number]>([
    ['malformed JSON', () => send('{"query": "{ programmes { id } }"'), 400],
    ['a text/plain body (CSRF-style simple request)', () => send(JSON.stringify({ query: '{ programmes { id } }' }), 'text/plain'), 400],
    ['a 10 MB body', () => send(JSON.stringify({ query: `{ programmes { id } } #${'x'.repeat(10 * 1024 * 1024)}` })), 413],
    ['depth 50', () => send(JSON.stringify({ query: nested(50) })), 400],
    ['1,000 aliases', () => send(JSON.stringify({ query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: programmes { id }`).join(' ')} }` })), 400],
    ['a batched array', () => send(JSON.stringify([{ query: '{ programmes { id } }' }, { query: '{ funders { id } }' }])), 400],
    ['invalid UTF-8', () => send(Buffer.from([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])), 400],
    ['a huge string argument', () => send(JSON.stringify({ query: 'query($c: String!) { book(code: $c) { code } }', variables: { c: 'B'.repeat(90_000) } })), 200],
    ['a mutation over GET', () => fetch(`${hub.gatewayUrl}?query=${encodeURIComponent('mutation { registerFunder(input: { name: "x", kind: STATE }) { funder { id } } }')}`, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': '1' } }), 405],
  ])('%s', async (_what, request, status) => {
    const response = await request();
    const body = await response.json();
    expect(response.status).toBe(status);
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  test('the token limit holds over GET too', async () => {
    const response = await fetch(`${hub.gatewayUrl}?query=${encodeURIComponent(`{ ${'x '.repeat(2500)}}`)}`, {
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': '1' },
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'GRAPHQL_PARSE_FAILED' }, message: expect.stringMatching(/more that 2000 tokens/) });
  });

  test('a typo gets no field suggestion', async () => {
    const body = await (await send(JSON.stringify({ query: '{ programes { id } }' }))).json();
    expect(body.errors[0].message).not.toMatch(/Did you mean/);
  });

  test('the next normal request is still answered', async () => {
    const response = await send(JSON.stringify({ query: '{ programmes { id } }' }));
    expect(response.status).toBe(200);
    expect((await response.json()).data).toEqual({ programmes: [] });
  });
});
