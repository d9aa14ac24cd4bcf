import { randomUUID } from 'node:crypto';
import { SignJWT, createLocalJWKSet, errors, jwtVerify, type JWK } from 'jose';
import { isRole, type Caller } from './caller';
import { importKey, type KeyPairJwk } from './keys';

const ISSUER = 'pass-numerique-hub';
const PARTNER_AUDIENCE = 'pass-numerique-hub';
const SUBGRAPH_AUDIENCE = 'pass-numerique-subgraphs';

export type AuthFailure = 'TOKEN_MISSING' | 'TOKEN_MALFORMED' | 'TOKEN_EXPIRED' | 'TOKEN_INVALID';

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

function translate(err: unknown): AuthError {
  if (err instanceof AuthError) return err;
  if (err instanceof errors.JWTExpired) return new AuthError('TOKEN_EXPIRED', 'the token has expired');
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid) return new AuthError('TOKEN_MALFORMED', 'the token is not a well-formed JWT');
  return new AuthError('TOKEN_INVALID', 'the token signature or claims are not valid');
}

/** Verifies a partner token against every accepted public key (by `kid`). */
export function partnerTokenVerifier(publicKeys: JWK[]): (token: string) => Promise<Caller> {
  const jwks = createLocalJWKSet({ keys: publicKeys });
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, jwks, { issuer: ISSUER, audience: PARTNER_AUDIENCE, algorithms: ['ES256'] });
      return toCaller(payload);
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
