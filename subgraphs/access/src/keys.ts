import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';

/**
 * The hub's signing keys. Partner tokens are ES256 JWTs; several public keys are accepted at once
 * (by `kid`) so a key can be rotated without downtime: add the new one, mint with it, drop the
 * old one once its tokens have expired. The gateway's assertions to subgraphs use their own key.
 */
export interface KeyPairJwk {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

export interface HubKeys {
  /** The key new partner tokens are signed with. */
  partnerSigning: KeyPairJwk;
  /** Every public key a partner token may be signed with (the signing one included). */
  partnerPublic: JWK[];
  /** The gateway's key for the caller assertions it forwards to subgraphs. */
  gateway: KeyPairJwk;
}

export async function generateKeyPairJwk(kid: string, alg: 'ES256' | 'EdDSA'): Promise<KeyPairJwk> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg },
  };
}

export async function generateHubKeys(): Promise<HubKeys> {
  const partnerSigning = await generateKeyPairJwk(partnerKeyId(), 'ES256');
  return { partnerSigning, partnerPublic: [partnerSigning.publicJwk], gateway: await generateKeyPairJwk('gateway', 'EdDSA') };
}

/** Keys kept in a git-ignored folder for `npm start`, created on first start. */
export async function loadOrCreateHubKeys(dir: string): Promise<HubKeys> {
  const file = path.join(dir, 'hub-keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as HubKeys;
  const keys = await generateHubKeys();
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}

/** Adds a new partner signing key; the previous public keys stay accepted. */
export async function rotatePartnerKey(keys: HubKeys): Promise<HubKeys> {
  const next = await generateKeyPairJwk(partnerKeyId(), 'ES256');
  return { ...keys, partnerSigning: next, partnerPublic: [...keys.partnerPublic, next.publicJwk] };
}

export async function importKey(jwk: JWK): Promise<KeyLike | Uint8Array> {
  return importJWK(jwk, jwk.alg);
}

/**
 * A new partner key's id: its time (for people reading the ring) and 6 random bytes, so two keys
 * made in the same millisecond (a rotation right after the first key, as in a test) never share
 * an id, which would make the verifier pick either key for both.
 */
function partnerKeyId(): string {
  return `partner-${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`;
}
