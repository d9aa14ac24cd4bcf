import { Role, generateHubKeys, mintPartnerToken, signCallerAssertion } from '@pass/access';
import { startTestHub, type TestHub } from '@pass/test-kit';

const QUERY = 'query { programmes { id } }';

describe('authentication at the gateway and trust between gateway and subgraphs', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub();
  });
  afterAll(() => hub?.close());

  test('a valid partner token is answered', async () => {
    const { status, body } = await hub.graphqlAs(await hub.tokenFor({ role: Role.ANALYST }), QUERY);
    expect(status).toBe(200);
    expect(body.data).toEqual({ programmes: [] });
  });

  test.each<[string, () => Promise<string | null>, string]>([
    ['no token', async () => null, 'TOKEN_MISSING'],
    ['an expired token', () => hub.tokenFor({ role: Role.OPERATOR }, -60), 'TOKEN_EXPIRED'],
    ['a token signed by another key', async () => mintPartnerToken((await generateHubKeys()).partnerSigning, { organisationId: 'x', role: Role.OPERATOR, scopes: [] }), 'TOKEN_INVALID'],
    ['a tampered token', async () => {
      const [h, p, s] = (await hub.tokenFor({ role: Role.ANALYST })).split('.');
      const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
      return `${h}.${Buffer.from(JSON.stringify({ ...claims, role: 'operator' })).toString('base64url')}.${s}`;
    }, 'TOKEN_INVALID'],
    ['garbage', async () => 'not.a.token', 'TOKEN_MALFORMED'],
  ])('%s → 401 UNAUTHENTICATED', async (_what, token, reason) => {
    const response = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...((await token()) ? { authorization: `Bearer ${await token()}` } : {}) },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const body = (await response.json()) as { errors: { extensions: unknown }[] };
    expect(body.errors[0]!.extensions).toEqual({ code: 'UNAUTHENTICATED', reason });
  });

  test.each(['programmes', 'beneficiaries', 'venues', 'vouchers'] as const)(
    'the %s subgraph refuses direct calls without the gateway signature, but answers health checks',
    async (name) => {
      const url = hub.subgraphUrls[name];
      const post = (headers: Record<string, string>) =>
        fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ _service { sdl } }' }) });
      expect((await post({})).status).toBe(401);
      // A partner token is not a gateway assertion.
      expect((await post({ 'x-hub-caller': await hub.tokenFor({ role: Role.OPERATOR }) })).status).toBe(401);
      // An assertion signed by some other gateway key.
      const forged = await signCallerAssertion((await generateHubKeys()).gateway, { organisationId: 'o', role: Role.OPERATOR, scopes: [], tokenId: 't' });
      expect((await post({ 'x-hub-caller': forged })).status).toBe(401);
      expect((await post({ 'x-hub-caller': await signCallerAssertion(hub.keys.gateway, { organisationId: 'o', role: Role.OPERATOR, scopes: [], tokenId: 't' }) })).status).toBe(200);
      expect((await fetch(url.replace(/graphql$/, 'healthz'))).status).toBe(200);
    },
  );
});
