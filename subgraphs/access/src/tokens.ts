import { randomUUID } from 'node:crypto';
import { SignJWT, createLocalJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWK } from 'jose';
import { isRole, type Caller } from './caller';
import { importKey, type KeyPairJwk } from './keys';

const ISSUER = 'pass-numerique-hub';
const PARTNER_AUDIENCE = 'pass-numerique-hub';
const SUBGRAPH_AUDIENCE = 'pass-numerique-subgraphs';

export type AuthFailure = 'TOKEN_MISSING' | 'TOKEN_MALFORMED' | 'TOKEN_EXPIRED' | 'TOKEN_INVALID' | 'TOKEN_REVOKED';

/**
 * The longest a partner token may live (`exp - iat`): a token is a bearer secret, and one leaked
 * without an end would work for ever. The CLI mints 30 days by default.
 */
export const MAX_TOKEN_LIFETIME_SECONDS = 31 * 24 * 3600;

export class AuthError extends Error {
  constructor(
    readonly reason: AuthFailure,
    message: string,
  ) {
    super(message);
  }
}

function callerClaims(caller: Omit<Caller, 'tokenId'>) {
  return {
    role: caller.role,
    scopes: caller.scopes,
    ...(caller.programmeIds ? { programmes: caller.programmeIds } : {}),
  };
}

function toCaller(payload: Record<string, unknown>): Caller {
  const { sub, role, scopes, programmes, jti } = payload;
  if (typeof sub !== 'string' || !isRole(role) || !Array.isArray(scopes) || typeof jti !== 'string') {
    throw new AuthError('TOKEN_INVALID', 'the token lacks organisation, role, scopes or id');
  }
  return {
    organisationId: sub,
    role,
    scopes: scopes.map(String),
    ...(Array.isArray(programmes) ? { programmeIds: programmes.map(String) } : {}),
    tokenId: jti,
  };
}

/** Mints a partner token (what the CLI hands to an organisation). */
export async function mintPartnerToken(
  key: KeyPairJwk,
  caller: Omit<Caller, 'tokenId'>,
  options: { expiresIn?: string | number } = {},
): Promise<string> {
  return new SignJWT(callerClaims(caller))
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(PARTNER_AUDIENCE)
    .setSubject(caller.organisationId)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '30d')
    .sign(await importKey(key.privateJwk));
}

/** The id (`jti`) of a token, read without verifying it: what an operator revokes. */
export function tokenIdOf(token: string): string | null {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { jti?: unknown };
    return typeof payload.jti === 'string' ? payload.jti : null;
  } catch {
    return null;
  }
}

function translate(err: unknown): AuthError {
  if (err instanceof AuthError) return err;
  if (err instanceof errors.JWTExpired) return new AuthError('TOKEN_EXPIRED', 'the token has expired');
  if (err instanceof errors.JWTClaimValidationFailed) return new AuthError('TOKEN_INVALID', `the token lacks a valid ${err.claim} claim`);
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid) return new AuthError('TOKEN_MALFORMED', 'the token is not a well-formed JWT');
  return new AuthError('TOKEN_INVALID', 'the token signature or claims are not valid');
}

/**
 * Where the verifier finds the hub's accepted keys and revocations; both may change while the
 * hub runs (the gateway reads them from PostgreSQL, see kit/hub-auth).
 */
export interface PartnerTokenRing {
  /** Public keys accepted now, each with its `kid`. */
  keys(): JWK[];
  /** True when this token (by id) or every token of its organisation issued by then is revoked. */
  isRevoked?(claims: { tokenId: string; organisationId: string; issuedAt: number }): boolean;
}

/**
 * A bounded map that forgets its least recently used entry first (Map keeps insertion order; a
 * hit moves the entry to the end).
 */
class Lru<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}

/** What a verified partner token proved, kept to answer its next requests without ECDSA. */
interface VerifiedToken {
  caller: Caller;
  kid: string;
  issuedAt: number;
  /** Expiry, in ms. */
  expiresAt: number;
}

/** Verified tokens kept per verifier: a partner sends the same token for days, thousands of times. */
const VERIFIED_TOKENS_KEPT = 10_000;

/**
 * Verifies a partner token: signed by an accepted key named by its `kid`, with an issue time, an
 * expiry at most MAX_TOKEN_LIFETIME_SECONDS later, and not revoked. Throws an AuthError.
 *
 * The signature and claims are checked once per token; later requests with the same token reuse
 * that result, but what can change meanwhile is checked on every request: the expiry, the key
 * still being in the ring (a retired key refuses its tokens at once) and the revocation lists.
 */
export function partnerTokenVerifier(ring: JWK[] | PartnerTokenRing): (token: string) => Promise<Caller> {
  const source: PartnerTokenRing = Array.isArray(ring) ? { keys: () => ring } : ring;
  let cachedKeys: JWK[] | null = null;
  let jwks: ReturnType<typeof createLocalJWKSet> | null = null;
  let kids = new Set<string>();
  const verified = new Lru<VerifiedToken>(VERIFIED_TOKENS_KEPT);
  const currentKids = () => {
    const keys = source.keys();
    if (keys !== cachedKeys) {
      cachedKeys = keys;
      jwks = createLocalJWKSet({ keys });
      kids = new Set(keys.map((k) => k.kid).filter((kid): kid is string => typeof kid === 'string'));
    }
    return kids;
  };
  const stillValid = (entry: VerifiedToken): Caller => {
    if (entry.expiresAt <= Date.now()) throw new AuthError('TOKEN_EXPIRED', 'the token has expired');
    if (!currentKids().has(entry.kid)) throw new AuthError('TOKEN_INVALID', 'the token is signed by a key the hub does not accept');
    const { caller } = entry;
    if (source.isRevoked?.({ tokenId: caller.tokenId, organisationId: caller.organisationId, issuedAt: entry.issuedAt })) {
      throw new AuthError('TOKEN_REVOKED', 'the token has been revoked');
    }
    return caller;
  };
  return async (token) => {
    const known = verified.get(token);
    if (known) {
      try {
        return stillValid(known);
      } catch (err) {
        verified.delete(token);
        throw err;
      }
    }
    try {
      let kid: unknown;
      try {
        kid = decodeProtectedHeader(token).kid;
      } catch {
        throw new AuthError('TOKEN_MALFORMED', 'the token is not a well-formed JWT');
      }
      // Without a kid, jose would try whichever key fits: the key must be named, so a retired one stays retired.
      if (typeof kid !== 'string' || kid === '') throw new AuthError('TOKEN_INVALID', 'the token names no signing key (kid)');
      if (!currentKids().has(kid)) throw new AuthError('TOKEN_INVALID', 'the token is signed by a key the hub does not accept');
      const { payload } = await jwtVerify(token, jwks!, {
        issuer: ISSUER,
        audience: PARTNER_AUDIENCE,
        algorithms: ['ES256'],
        requiredClaims: ['exp', 'iat', 'jti', 'sub'],
      });
      if (payload.exp! - payload.iat! > MAX_TOKEN_LIFETIME_SECONDS) {
        throw new AuthError('TOKEN_INVALID', `the token lives longer than ${MAX_TOKEN_LIFETIME_SECONDS / 86400} days`);
      }
      const entry: VerifiedToken = { caller: toCaller(payload), kid, issuedAt: payload.iat!, expiresAt: payload.exp! * 1000 };
      const caller = stillValid(entry);
      verified.set(token, entry);
      return caller;
    } catch (err) {
      throw translate(err);
    }
  };
}

const ASSERTION_SECONDS = 60;
/** An assertion is reused until this close to its expiry, so a subgraph never gets a stale one. */
const ASSERTION_RENEW_MS = 20_000;

/**
 * What the gateway forwards to subgraphs: the verified caller, signed by the gateway for one
 * minute. A subgraph trusts a caller only through this; a direct call without it is refused.
 */
export async function signCallerAssertion(gatewayKey: KeyPairJwk, caller: Caller): Promise<string> {
  return signAssertion(await importKey(gatewayKey.privateJwk), gatewayKey.kid, caller);
}

function signAssertion(key: Awaited<ReturnType<typeof importKey>>, kid: string, caller: Caller): Promise<string> {
  return new SignJWT({ ...callerClaims(caller), jti: caller.tokenId })
    .setProtectedHeader({ alg: 'EdDSA', kid })
    .setIssuer('pass-numerique-gateway')
    .setAudience(SUBGRAPH_AUDIENCE)
    .setSubject(caller.organisationId)
    .setIssuedAt()
    .setExpirationTime(`${ASSERTION_SECONDS}s`)
    .sign(key);
}

/**
 * signCallerAssertion for the gateway's requests: one assertion per caller, reused until
 * ASSERTION_RENEW_MS before it expires, instead of one signature per request. Reuse is safe
 * because the partner token itself is checked on every request before its assertion is taken.
 */
export function callerAssertionSigner(gatewayKey: KeyPairJwk): (caller: Caller) => Promise<string> {
  const key = importKey(gatewayKey.privateJwk);
  const signed = new Lru<{ assertion: Promise<string>; renewAt: number }>(VERIFIED_TOKENS_KEPT);
  return async (caller) => {
    // The whole caller is the key: the same token id always carries the same claims, but a
    // caller built otherwise (tests, tools) must never get another one's assertion.
    const id = JSON.stringify([caller.tokenId, caller.organisationId, caller.role, caller.scopes, caller.programmeIds ?? null]);
    const now = Date.now();
    const known = signed.get(id);
    if (known && known.renewAt > now) return known.assertion;
    const assertion = key.then((k) => signAssertion(k, gatewayKey.kid, caller));
    signed.set(id, { assertion, renewAt: now + ASSERTION_SECONDS * 1000 - ASSERTION_RENEW_MS });
    assertion.catch(() => signed.delete(id));
    return assertion;
  };
}

/**
 * Verifies the gateway's caller assertions. Each assertion is checked once and its result kept
 * until it expires: the gateway reuses one assertion per caller for most of its minute.
 */
export function callerAssertionVerifier(gatewayPublicKey: JWK): (assertion: string) => Promise<Caller> {
  const jwks = createLocalJWKSet({ keys: [gatewayPublicKey] });
  const verified = new Lru<{ caller: Caller; expiresAt: number }>(VERIFIED_TOKENS_KEPT);
  return async (assertion) => {
    const known = verified.get(assertion);
    if (known) {
      if (known.expiresAt > Date.now()) return known.caller;
      verified.delete(assertion);
      throw new AuthError('TOKEN_EXPIRED', 'the token has expired');
    }
    try {
      const { payload } = await jwtVerify(assertion, jwks, {
        issuer: 'pass-numerique-gateway',
        audience: SUBGRAPH_AUDIENCE,
        algorithms: ['EdDSA'],
        requiredClaims: ['exp'],
      });
      const caller = toCaller(payload);
      verified.set(assertion, { caller, expiresAt: payload.exp! * 1000 });
      return caller;
    } catch (err) {
      throw translate(err);
    }
  };
}

export const CALLER_HEADER = 'x-hub-caller';
