import { Role } from './caller';
import { generateHubKeys, rotatePartnerKey } from './keys';
import { AuthError, callerAssertionSigner, callerAssertionVerifier, mintPartnerToken, partnerTokenVerifier, signCallerAssertion, tokenIdOf, type PartnerTokenRing } from './tokens';

const funder = { organisationId: 'f-1', role: Role.FUNDER, scopes: ['read'] };

describe('partner tokens', () => {
  test('a minted token verifies to its caller', async () => {
    const keys = await generateHubKeys();
    const token = await mintPartnerToken(keys.partnerSigning, funder);
    const caller = await partnerTokenVerifier(keys.partnerPublic)(token);
    expect(caller).toMatchObject(funder);
    expect(caller.tokenId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('after a rotation, tokens of the old and the new key are both accepted', async () => {
    const keys = await generateHubKeys();
    const before = await mintPartnerToken(keys.partnerSigning, funder);
    const rotated = await rotatePartnerKey(keys);
    const after = await mintPartnerToken(rotated.partnerSigning, funder);
    const verify = partnerTokenVerifier(rotated.partnerPublic);
    await expect(verify(before)).resolves.toMatchObject(funder);
    await expect(verify(after)).resolves.toMatchObject(funder);
    // Once the old key is dropped, its tokens stop working.
    await expect(partnerTokenVerifier([rotated.partnerSigning.publicJwk])(before)).rejects.toMatchObject({ reason: 'TOKEN_INVALID' });
  });

  test.each([
    ['expired', async (k: Awaited<ReturnType<typeof generateHubKeys>>) => mintPartnerToken(k.partnerSigning, funder, { expiresIn: -10 }), 'TOKEN_EXPIRED'],
    ['signed by another key', async () => mintPartnerToken((await generateHubKeys()).partnerSigning, funder), 'TOKEN_INVALID'],
    ['tampered (role changed)', async (k: Awaited<ReturnType<typeof generateHubKeys>>) => {
      const [h, p, s] = (await mintPartnerToken(k.partnerSigning, funder)).split('.');
      const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
      payload.role = 'operator';
      return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    }, 'TOKEN_INVALID'],
    ['not a JWT', async () => 'hello', 'TOKEN_MALFORMED'],
  ])('a token %s is refused', async (_what, make, reason) => {
    const keys = await generateHubKeys();
    const refusal = await partnerTokenVerifier(keys.partnerPublic)(await make(keys)).catch((err) => err);
    expect(refusal).toBeInstanceOf(AuthError);
    expect(refusal.reason).toBe(reason);
  });

  test("the gateway's caller assertion verifies only with the gateway's key", async () => {
    const keys = await generateHubKeys();
    const caller = { ...funder, tokenId: 't-1' };
    const assertion = await signCallerAssertion(keys.gateway, caller);
    await expect(callerAssertionVerifier(keys.gateway.publicJwk)(assertion)).resolves.toEqual(caller);
    const other = await generateHubKeys();
    await expect(callerAssertionVerifier(other.gateway.publicJwk)(assertion)).rejects.toBeInstanceOf(AuthError);
  });

  test('a ring read at each call: a key added later is accepted, a key taken out is refused, revocations apply', async () => {
    const keys = await generateHubKeys();
    const rotated = await rotatePartnerKey(keys);
    const revokedTokens = new Set<string>();
    const revokedOrganisations = new Map<string, number>();
    let accepted = keys.partnerPublic;
    const ring: PartnerTokenRing = {
      keys: () => accepted,
      isRevoked: ({ tokenId, organisationId, issuedAt }) => revokedTokens.has(tokenId) || issuedAt * 1000 <= (revokedOrganisations.get(organisationId) ?? -1),
    };
    const verify = partnerTokenVerifier(ring);
    const fresh = await mintPartnerToken(rotated.partnerSigning, funder);
    await expect(verify(fresh)).rejects.toMatchObject({ reason: 'TOKEN_INVALID' });
    accepted = rotated.partnerPublic;
    await expect(verify(fresh)).resolves.toMatchObject(funder);

    revokedTokens.add(tokenIdOf(fresh)!);
    await expect(verify(fresh)).rejects.toMatchObject({ reason: 'TOKEN_REVOKED' });
    const sibling = await mintPartnerToken(rotated.partnerSigning, funder);
    await expect(verify(sibling)).resolves.toMatchObject(funder);
    revokedOrganisations.set(funder.organisationId, Date.now());
    await expect(verify(sibling)).rejects.toMatchObject({ reason: 'TOKEN_REVOKED' });

    accepted = [rotated.partnerSigning.publicJwk];
    const old = await mintPartnerToken(keys.partnerSigning, { ...funder, organisationId: 'f-2' });
    await expect(verify(old)).rejects.toMatchObject({ reason: 'TOKEN_INVALID' });
  });

  test('a token living longer than the maximum lifetime is refused', async () => {
    const keys = await generateHubKeys();
    const token = await mintPartnerToken(keys.partnerSigning, funder, { expiresIn: '40d' });
    await expect(partnerTokenVerifier(keys.partnerPublic)(token)).rejects.toMatchObject({ reason: 'TOKEN_INVALID', message: expect.stringMatching(/longer than 31 days/) });
  });
});

/*
 * Verifications are kept (per token, per assertion) so a partner's thousandth request costs no
 * signature check; what may change meanwhile must still refuse the token at once.
 */
describe('cached verifications', () => {
  afterEach(() => jest.useRealTimers());

  /** Moves the wall clock `seconds` ahead for both the cache and jose; timers stay real. */
  const later = (seconds: number) => {
    jest.useFakeTimers({
      now: Date.now() + seconds * 1000,
      doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
    });
  };

  test('an expired token is refused even when its verification is cached', async () => {
    const keys = await generateHubKeys();
    const verify = partnerTokenVerifier(keys.partnerPublic);
    const token = await mintPartnerToken(keys.partnerSigning, funder, { expiresIn: '60s' });
    await expect(verify(token)).resolves.toMatchObject(funder);
    await expect(verify(token)).resolves.toMatchObject(funder);
    later(61);
    await expect(verify(token)).rejects.toMatchObject({ reason: 'TOKEN_EXPIRED' });
  });

  test('a token revoked after it was verified is refused, and so are its organisation\'s', async () => {
    const keys = await generateHubKeys();
    const revokedTokens = new Set<string>();
    let organisationRevokedAt = -1;
    const verify = partnerTokenVerifier({
      keys: () => keys.partnerPublic,
      isRevoked: ({ tokenId, issuedAt }) => revokedTokens.has(tokenId) || issuedAt * 1000 <= organisationRevokedAt,
    });
    const token = await mintPartnerToken(keys.partnerSigning, funder);
    const sibling = await mintPartnerToken(keys.partnerSigning, funder);
    await expect(verify(token)).resolves.toMatchObject(funder);
    await expect(verify(sibling)).resolves.toMatchObject(funder);
    revokedTokens.add(tokenIdOf(token)!);
    await expect(verify(token)).rejects.toMatchObject({ reason: 'TOKEN_REVOKED' });
    await expect(verify(sibling)).resolves.toMatchObject(funder);
    organisationRevokedAt = Date.now();
    await expect(verify(sibling)).rejects.toMatchObject({ reason: 'TOKEN_REVOKED' });
  });

  test('a key retired from the ring refuses its tokens even when they were verified', async () => {
    const keys = await generateHubKeys();
    const rotated = await rotatePartnerKey(keys);
    let accepted = rotated.partnerPublic;
    const verify = partnerTokenVerifier({ keys: () => accepted });
    const old = await mintPartnerToken(keys.partnerSigning, funder);
    const fresh = await mintPartnerToken(rotated.partnerSigning, funder);
    await expect(verify(old)).resolves.toMatchObject(funder);
    await expect(verify(fresh)).resolves.toMatchObject(funder);
    accepted = [rotated.partnerSigning.publicJwk];
    await expect(verify(old)).rejects.toMatchObject({ reason: 'TOKEN_INVALID' });
    await expect(verify(fresh)).resolves.toMatchObject(funder);
    // Taken back into the ring, the key's tokens work again: nothing was remembered as refused.
    accepted = rotated.partnerPublic;
    await expect(verify(old)).resolves.toMatchObject(funder);
  });

  test('one assertion per caller, renewed before it expires; another caller never gets it', async () => {
    const keys = await generateHubKeys();
    const sign = callerAssertionSigner(keys.gateway);
    const verify = callerAssertionVerifier(keys.gateway.publicJwk);
    const caller = { ...funder, tokenId: 't-1' };
    const first = await sign(caller);
    expect(await sign({ ...caller })).toBe(first);
    const other = await sign({ ...caller, tokenId: 't-2' });
    expect(other).not.toBe(first);
    await expect(verify(other)).resolves.toEqual({ ...caller, tokenId: 't-2' });
    await expect(verify(first)).resolves.toEqual(caller);
    later(45);
    const renewed = await sign(caller);
    expect(renewed).not.toBe(first);
    await expect(verify(renewed)).resolves.toEqual(caller);
  });

  test('a cached caller assertion is refused once expired', async () => {
    const keys = await generateHubKeys();
    const verify = callerAssertionVerifier(keys.gateway.publicJwk);
    const caller = { ...funder, tokenId: 't-1' };
    const assertion = await signCallerAssertion(keys.gateway, caller);
    await expect(verify(assertion)).resolves.toEqual(caller);
    later(61);
    await expect(verify(assertion)).rejects.toMatchObject({ reason: 'TOKEN_EXPIRED' });
  });
});
