import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrivateKey, sign } from 'node:crypto';
import { Role, tokenIdOf, type HubKeys } from '@pass/access';
import { createLogger } from '@pass/runtime';
import { createGateway, type Gateway } from '@pass/gateway';
import { readSupergraph } from '@pass/schema';
import { startTestHub, type TestHub } from '@pass/test-kit';

/**
 * A partner token's life: what it must carry, its revocation (by id, by organisation) through the
 * API and the command line, keys rotated and retired while the hub runs. Two gateways run over
 * the same database, as two processes of a deployment would: what one operator does through one is
 * seen by the other within seconds.
 */
const QUERY = '{ programmes { id } }';
const CLI = path.resolve(__dirname, '..', '..', 'clients', 'dist', 'cli', 'token.js');

const REVOKE_TOKEN = 'mutation($input: RevokeTokenInput!) { revokeToken(input: $input) { tokenId revokedAt error { code message } } }';
const REVOKE_ORGANISATION =
  'mutation($input: RevokeOrganisationInput!) { revokeOrganisation(input: $input) { organisationId revokedAt error { code message } } }';

describe('token lifecycle', () => {
  let hub: TestHub;
  let second: Gateway;
  let secondUrl: string;
  let databaseUrl: string;
  let keysDir: string;

  beforeAll(async () => {
    hub = await startTestHub();
    databaseUrl = (hub.subgraphs.programmes.dataSource.options as { url: string }).url;
    second = await gatewayOverTheSameDatabase();
    secondUrl = await second.listen(0);
    keysDir = mkdtempSync(path.join(os.tmpdir(), 'pass-keys-'));
    writeFileSync(path.join(keysDir, 'hub-keys.json'), JSON.stringify(hub.keys));
  });
  afterAll(async () => {
    await second?.close();
    await hub?.close();
    if (keysDir) rmSync(keysDir, { recursive: true, force: true });
  });

  const gatewayOverTheSameDatabase = (failedAuthLimit?: { perSecond: number; burst: number }) =>
    createGateway({
      supergraphSdl: readSupergraph(),
      subgraphUrls: hub.subgraphUrls,
      keys: hub.keys,
      databaseUrl,
      ...(failedAuthLimit ? { failedAuthLimit } : {}),
      logger: createLogger('another-gateway'),
    });

  const ask = async (url: string, token: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: QUERY }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { reason?: string } }[] };
    return { status: response.status, reason: body.errors?.[0]?.extensions?.reason, retryAfter: response.headers.get('retry-after') };
  };
  const everywhere = (token: string) => Promise.all([ask(hub.gatewayUrl, token), ask(secondUrl, token)]);

  /** Waits (bounded) for every gateway to see a change made elsewhere; fails if one never does. */
  async function eventually(what: string, check: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${what}: not seen within 15 s`);
  }
  const refusedEverywhere = (token: string, reason: string) => async () => (await everywhere(token)).every((a) => a.status === 401 && a.reason === reason);
  const acceptedEverywhere = (token: string) => async () => (await everywhere(token)).every((a) => a.status === 200);

  const cli = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [CLI, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl, PASS_KEYS_DIR: keysDir } }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });

  describe('what a token must carry', () => {
    /** A token signed by the hub's own key, shaped by hand (node:crypto, not the kit's minting). */
    const craft = (claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'ES256', kid: hub.keys.partnerSigning.kid }) => {
      const now = Math.floor(Date.now() / 1000);
      const payload = { iss: 'pass-numerique-hub', aud: 'pass-numerique-hub', sub: 'operator', jti: `crafted-${now}-${Math.random()}`, role: 'operator', scopes: ['read', 'write'], iat: now, exp: now + 3600, ...claims };
      const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const input = `${part(header)}.${part(payload)}`;
      const key = createPrivateKey({ key: hub.keys.partnerSigning.privateJwk as never, format: 'jwk' });
      return `${input}.${sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
    };

    test.each<[string, () => string]>([
      ['no expiry', () => craft({ exp: undefined })],
      ['no key id', () => craft({}, { alg: 'ES256' })],
      ['no issue time', () => craft({ iat: undefined })],
      ['a lifetime of a year', () => craft({ exp: Math.floor(Date.now() / 1000) + 365 * 86400 })],
      ['an unknown key id', () => craft({}, { alg: 'ES256', kid: 'partner-unknown' })],
    ])('a token with %s is refused', async (_what, make) => {
      const answers = await everywhere(make());
      expect(answers.map((a) => [a.status, a.reason])).toEqual([
        [401, 'TOKEN_INVALID'],
        [401, 'TOKEN_INVALID'],
      ]);
    });

    test('the same, well formed, is accepted', async () => {
      expect(await acceptedEverywhere(craft({}))()).toBe(true);
    });
  });

  describe('revocation through the API', () => {
    test('a revoked token is refused by every gateway within seconds; the organisation’s other tokens still work', async () => {
      const victim = await hub.tokenFor({ role: Role.FUNDER, organisationId: 'funder-leaky' });
      const sibling = await hub.tokenFor({ role: Role.FUNDER, organisationId: 'funder-leaky' });
      expect(await acceptedEverywhere(victim)()).toBe(true);

      const { body } = await hub.graphql(REVOKE_TOKEN, { input: { tokenId: tokenIdOf(victim), reason: 'leaked in a log' } });
      expect(body.data.revokeToken).toMatchObject({ tokenId: tokenIdOf(victim), revokedAt: expect.any(String), error: null });
      await eventually('the revoked token refused', refusedEverywhere(victim, 'TOKEN_REVOKED'));
      expect(await acceptedEverywhere(sibling)()).toBe(true);

      const again = await hub.graphql(REVOKE_TOKEN, { input: { tokenId: tokenIdOf(victim) } });
      expect(again.body.data.revokeToken).toMatchObject({ revokedAt: null, error: { code: 'ALREADY_REVOKED' } });
    });

    test('only an operator revokes', async () => {
      const funder = await hub.tokenFor({ role: Role.FUNDER, organisationId: 'funder-curious' });
      for (const [query, input] of [
        [REVOKE_TOKEN, { tokenId: 'someone-else' }],
        [REVOKE_ORGANISATION, { organisationId: 'someone-else' }],
      ] as const) {
        const { body } = await hub.graphqlAs(funder, query, { input });
        expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    });

    test("an organisation's tokens issued until its revocation are refused; one minted afterwards works", async () => {
      const tokens = [await hub.tokenFor({ role: Role.DISTRIBUTOR, organisationId: 'distributor-closed' }), await hub.tokenFor({ role: Role.VENUE, organisationId: 'distributor-closed' })];
      const bystander = await hub.tokenFor({ role: Role.DISTRIBUTOR, organisationId: 'distributor-open' });
      const { body } = await hub.graphql(REVOKE_ORGANISATION, { input: { organisationId: 'distributor-closed', reason: 'organisation dissolved' } });
      expect(body.data.revokeOrganisation).toMatchObject({ organisationId: 'distributor-closed', revokedAt: expect.any(String), error: null });
      for (const token of tokens) await eventually('the organisation’s token refused', refusedEverywhere(token, 'TOKEN_REVOKED'));
      expect(await acceptedEverywhere(bystander)()).toBe(true);

      // Token times are whole seconds: a token of a later second is a new one.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(await acceptedEverywhere(await hub.tokenFor({ role: Role.DISTRIBUTOR, organisationId: 'distributor-closed' }))()).toBe(true);
    });

    test('an operator cannot revoke its own organisation', async () => {
      const { body } = await hub.graphql(REVOKE_ORGANISATION, { input: { organisationId: 'operator' } });
      expect(body.data.revokeOrganisation).toMatchObject({ revokedAt: null, error: { code: 'OWN_ORGANISATION' } });
    });
  });

  describe('keys and revocation from the command line', () => {
    test('a key rotated with the CLI is accepted by the running hub; the old key is retired once allowed; a token is revoked', async () => {
      const oldKid = hub.keys.partnerSigning.kid;
      const oldToken = await hub.tokenFor({ role: Role.ANALYST, organisationId: 'evaluation' });

      const rotation = await cli('--rotate');
      expect(rotation).toMatchObject({ code: 0 });
      const rotated = JSON.parse(readFileSync(path.join(keysDir, 'hub-keys.json'), 'utf8')) as HubKeys;
      expect(rotated.partnerSigning.kid).not.toBe(oldKid);

      const minted = await cli('--role', 'analyst', '--org', 'evaluation', '--expires', '2h');
      expect(minted.code).toBe(0);
      const newToken = minted.stdout.trim();
      expect(minted.stderr).toContain(tokenIdOf(newToken)!);
      await eventually('the new key accepted', acceptedEverywhere(newToken));
      expect(await acceptedEverywhere(oldToken)()).toBe(true);

      expect(await cli('--role', 'analyst', '--org', 'evaluation', '--expires', '90d')).toMatchObject({ code: 2 });
      expect(await cli('--retire', rotated.partnerSigning.kid)).toMatchObject({ code: 1, stderr: expect.stringContaining('NEWEST_KEY') });
      expect(await cli('--retire', oldKid)).toMatchObject({ code: 1, stderr: expect.stringContaining('TOKENS_MAY_BE_VALID') });
      expect(await acceptedEverywhere(oldToken)()).toBe(true);

      expect(await cli('--retire', oldKid, '--force')).toMatchObject({ code: 0 });
      await eventually('the retired key refused', refusedEverywhere(oldToken, 'TOKEN_INVALID'));
      expect(await acceptedEverywhere(newToken)()).toBe(true);

      expect(await cli('--revoke', tokenIdOf(newToken)!, '--reason', 'device lost')).toMatchObject({ code: 0 });
      await eventually('the CLI-revoked token refused', refusedEverywhere(newToken, 'TOKEN_REVOKED'));
      expect(await cli('--revoke', tokenIdOf(newToken)!)).toMatchObject({ code: 1, stderr: expect.stringContaining('ALREADY_REVOKED') });

      const other = (await cli('--role', 'venue', '--org', 'venue-gone')).stdout.trim();
      await eventually('a fresh token accepted', acceptedEverywhere(other));
      expect(await cli('--revoke-org', 'venue-gone')).toMatchObject({ code: 0 });
      await eventually('the CLI-revoked organisation refused', refusedEverywhere(other, 'TOKEN_REVOKED'));
    });
  });

  test('bad tokens from one address are limited: 429 with Retry-After, even for a good token meanwhile', async () => {
    // Its own gateway: 10 failures at once, then one per 1,000 s, so the test does not depend on its pace.
    const strict = await gatewayOverTheSameDatabase({ perSecond: 0.001, burst: 10 });
    try {
      const url = await strict.listen(0);
      const good = (await cli('--role', 'analyst', '--org', 'evaluation')).stdout.trim();
      expect((await ask(url, good)).status).toBe(200);
      const statuses: number[] = [];
      for (let i = 0; i < 15; i++) statuses.push((await ask(url, `not.a.token${i}`)).status);
      expect(statuses).toEqual([...Array(10).fill(401), ...Array(5).fill(429)]);
      const blocked = await ask(url, good);
      expect(blocked.status).toBe(429);
      expect(Number(blocked.retryAfter)).toBeGreaterThanOrEqual(1);
      // Another gateway process keeps its own count: the limit is no lock-out of the hub.
      expect((await ask(secondUrl, good)).status).toBe(200);
    } finally {
      await strict.close();
    }
  });
});
