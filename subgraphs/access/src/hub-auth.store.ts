import type { JWK } from 'jose';
import { runDdlOnce } from '@pass/runtime';
import { MAX_TOKEN_LIFETIME_SECONDS } from './tokens';

/**
 * The hub's authentication state, shared by every gateway process: the partner key ring and the
 * revocation lists. Like the audit log and the event bus it belongs to no subgraph, so it has its
 * own schema. Only public keys are kept here; private keys stay with whoever mints (the CLI's key
 * file), so reading this schema never lets anyone sign a token.
 */
const HUB_AUTH_DDL = `
  create schema if not exists hub_auth;
  create table if not exists hub_auth.partner_key (
    kid text primary key,
    public_jwk jsonb not null,
    -- A key's tokens were minted until a newer key came: retiring waits for them to expire.
    created_at timestamptz not null default clock_timestamp(),
    retired_at timestamptz
  );
  create table if not exists hub_auth.revoked_token (
    token_id text primary key,
    revoked_at timestamptz not null default now(),
    revoked_by text not null,
    reason text,
    -- No token lives longer than the maximum lifetime: after this the row refuses nothing.
    forget_after timestamptz not null
  );
  create table if not exists hub_auth.revoked_organisation (
    organisation_id text primary key,
    -- Tokens of the organisation issued up to this instant are refused; later ones are not.
    revoked_at timestamptz not null default now(),
    revoked_by text not null,
    reason text
  );
`;

export const ensureHubAuth = (url: string) => runDdlOnce(url, HUB_AUTH_DDL);

/** One SQL round trip, whatever holds the connection (a pg pool, a client or a TypeORM DataSource). */
export type Sql = (text: string, values?: unknown[]) => Promise<Record<string, any>[]>;

export const sqlOfPg = (db: { query(text: string, values?: unknown[]): Promise<{ rows: Record<string, any>[] }> }): Sql => async (text, values) =>
  (await db.query(text, values)).rows;

export const sqlOfDataSource = (db: { query(text: string, values?: unknown[]): Promise<any> }): Sql => (text, values) => db.query(text, values);

export type RevocationErrorCode = 'ALREADY_REVOKED' | 'OWN_ORGANISATION' | 'BAD_ID';

export type RevocationResult = { revokedAt: Date; error: null } | { revokedAt: null; error: { code: RevocationErrorCode; message: string } };

const ID = /^[\w.:@-]{1,200}$/;

/** Revokes one token by its id (`jti`). */
export async function revokeToken(sql: Sql, input: { tokenId: string; revokedBy: string; reason?: string | null }): Promise<RevocationResult> {
  if (!ID.test(input.tokenId)) return { revokedAt: null, error: { code: 'BAD_ID', message: 'a token id is 1 to 200 letters, digits or . : @ _ -' } };
  const [row] = await sql(
    `insert into hub_auth.revoked_token (token_id, revoked_by, reason, forget_after)
     values ($1, $2, $3, now() + make_interval(secs => $4)) on conflict (token_id) do nothing returning revoked_at`,
    [input.tokenId, input.revokedBy, input.reason ?? null, MAX_TOKEN_LIFETIME_SECONDS],
  );
  if (!row) return { revokedAt: null, error: { code: 'ALREADY_REVOKED', message: `token ${input.tokenId} is already revoked` } };
  return { revokedAt: row.revoked_at as Date, error: null };
}

/**
 * Revokes every token of an organisation issued until now; tokens minted afterwards work (a
 * compromised organisation gets new ones). Revoking again moves the instant forward.
 */
export async function revokeOrganisation(
  sql: Sql,
  input: { organisationId: string; revokedBy: string; reason?: string | null },
): Promise<RevocationResult> {
  if (!ID.test(input.organisationId)) return { revokedAt: null, error: { code: 'BAD_ID', message: 'an organisation id is 1 to 200 letters, digits or . : @ _ -' } };
  if (input.organisationId === input.revokedBy) {
    return { revokedAt: null, error: { code: 'OWN_ORGANISATION', message: 'an operator cannot revoke its own organisation: another operator must' } };
  }
  const [row] = await sql(
    `insert into hub_auth.revoked_organisation (organisation_id, revoked_by, reason) values ($1, $2, $3)
     on conflict (organisation_id) do update set revoked_at = now(), revoked_by = excluded.revoked_by, reason = excluded.reason
     returning revoked_at`,
    [input.organisationId, input.revokedBy, input.reason ?? null],
  );
  return { revokedAt: row!.revoked_at as Date, error: null };
}

/** Adds public keys to the ring, oldest first (a key already there keeps its date and state). */
export async function addPartnerKeys(sql: Sql, publicJwks: JWK[]): Promise<void> {
  for (const jwk of publicJwks) {
    if (!jwk.kid) throw new Error('a partner key needs a kid');
    await sql(`insert into hub_auth.partner_key (kid, public_jwk) values ($1, $2) on conflict (kid) do nothing`, [jwk.kid, JSON.stringify(jwk)]);
  }
}

export type RetireKeyErrorCode = 'KEY_NOT_FOUND' | 'ALREADY_RETIRED' | 'NEWEST_KEY' | 'TOKENS_MAY_BE_VALID';

/**
 * Retires a key: its tokens are refused from then on. Refused for the newest key (new tokens are
 * signed with it) and, unless forced, while a token minted before the next key came may still be
 * valid (the next key's date plus the maximum lifetime).
 */
export async function retirePartnerKey(
  sql: Sql,
  kid: string,
  options: { force?: boolean } = {},
): Promise<{ error: { code: RetireKeyErrorCode; message: string } | null }> {
  const [key] = await sql(
    `select k.retired_at, (select min(n.created_at) from hub_auth.partner_key n where n.created_at > k.created_at) as superseded_at,
            now() as now from hub_auth.partner_key k where k.kid = $1`,
    [kid],
  );
  if (!key) return { error: { code: 'KEY_NOT_FOUND', message: `no key ${kid} in the ring` } };
  if (key.retired_at) return { error: { code: 'ALREADY_RETIRED', message: `key ${kid} was retired on ${(key.retired_at as Date).toISOString()}` } };
  if (!key.superseded_at) return { error: { code: 'NEWEST_KEY', message: `key ${kid} is the newest: rotate first` } };
  const lastExpiry = new Date((key.superseded_at as Date).getTime() + MAX_TOKEN_LIFETIME_SECONDS * 1000);
  if (!options.force && lastExpiry > (key.now as Date)) {
    return { error: { code: 'TOKENS_MAY_BE_VALID', message: `tokens of ${kid} may be valid until ${lastExpiry.toISOString()}; --force retires it now` } };
  }
  await sql(`update hub_auth.partner_key set retired_at = now() where kid = $1`, [kid]);
  return { error: null };
}

export interface HubAuthSnapshot {
  keys: JWK[];
  revokedTokens: Set<string>;
  /** Organisation → instant (ms) up to which its tokens are refused. */
  revokedOrganisations: Map<string, number>;
}

/** The whole state in one statement: a few rows, since expired revocations are left out. */
export async function readHubAuth(sql: Sql): Promise<HubAuthSnapshot> {
  const [row] = await sql(`
    select
      (select coalesce(json_agg(public_jwk order by created_at), '[]') from hub_auth.partner_key where retired_at is null) as keys,
      (select coalesce(json_agg(token_id), '[]') from hub_auth.revoked_token where forget_after > now()) as tokens,
      (select coalesce(json_agg(json_build_array(organisation_id, extract(epoch from revoked_at) * 1000)), '[]') from hub_auth.revoked_organisation) as organisations`);
  return {
    keys: row!.keys as JWK[],
    revokedTokens: new Set(row!.tokens as string[]),
    revokedOrganisations: new Map((row!.organisations as [string, number][]).map(([id, at]) => [id, Number(at)])),
  };
}
