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
 * Verifies a partner token: signed by an accepted key named by its `kid`, with an issue time, an
 * expiry at most MAX_TOKEN_LIFETIME_SECONDS later, and not revoked. Throws an AuthError.
 */
export function partnerTokenVerifier(ring: JWK[] | PartnerTokenRing): (token: string) => Promise<Caller> {
  const source: PartnerTokenRing = Array.isArray(ring) ? { keys: () => ring } : ring;
  let cachedKeys: JWK[] | null = null;
  let jwks: ReturnType<typeof createLocalJWKSet> | null = null;
  return async (token) => {
    try {
      let kid: unknown;
      try {
        kid = decodeProtectedHeader(token).kid;
      } catch {
        throw new AuthError('TOKEN_MALFORMED', 'the token is not a well-formed JWT');
      }
      // Without a kid, jose would try whichever key fits: the key must be named, so a retired one stays retired.
      if (typeof kid !== 'string' || kid === '') throw new AuthError('TOKEN_INVALID', 'the token names no signing key (kid)');
      const keys = source.keys();
      if (keys !== cachedKeys) {
        cachedKeys = keys;
        jwks = createLocalJWKSet({ keys });
      }
      if (!keys.some((k) => k.kid === kid)) throw new AuthError('TOKEN_INVALID', 'the token is signed by a key the hub does not accept');
      const { payload } = await jwtVerify(token, jwks!, {
        issuer: ISSUER,
        audience: PARTNER_AUDIENCE,
        algorithms: ['ES256'],
        requiredClaims: ['exp', 'iat', 'jti', 'sub'],
      });
      if (payload.exp! - payload.iat! > MAX_TOKEN_LIFETIME_SECONDS) {
        throw new AuthError('TOKEN_INVALID', `the token lives longer than ${MAX_TOKEN_LIFETIME_SECONDS / 86400} days`);
      }
      const caller = toCaller(payload);
      if (source.isRevoked?.({ tokenId: caller.tokenId, organisationId: caller.organisationId, issuedAt: payload.iat! })) {
        throw new AuthError('TOKEN_REVOKED', 'the token has been revoked');
      }
      return caller;
    } catch (err) {
      throw translate(err);
    }
  };
}

/**
 * What the gateway forwards to subgraphs: the verified caller, signed by the gateway for one
 * minute. A subgraph trusts a caller only through this; a direct call without it is refused.
 */
export async function signCallerAssertion(gatewayKey: KeyPairJwk, caller: Caller): Promise<string> {
  return new SignJWT({ ...callerClaims(caller), jti: caller.tokenId })
    .setProtectedHeader({ alg: 'EdDSA', kid: gatewayKey.kid })
    .setIssuer('pass-numerique-gateway')
    .setAudience(SUBGRAPH_AUDIENCE)
    .setSubject(caller.organisationId)
    .setIssuedAt()
    .setExpirationTime('60s')
    .sign(await importKey(gatewayKey.privateJwk));
}

export function callerAssertionVerifier(gatewayPublicKey: JWK): (assertion: string) => Promise<Caller> {
  const jwks = createLocalJWKSet({ keys: [gatewayPublicKey] });
  return async (assertion) => {
    try {
      const { payload } = await jwtVerify(assertion, jwks, {
        issuer: 'pass-numerique-gateway',
        audience: SUBGRAPH_AUDIENCE,
        algorithms: ['EdDSA'],
      });
      return toCaller(payload);
    } catch (err) {
      throw translate(err);
    }
  };
}

export const CALLER_HEADER = 'x-hub-caller';
