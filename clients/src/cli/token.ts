import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { Pool } from 'pg';
import { loadCliConfig } from '@pass/runtime';
import {
  MAX_TOKEN_LIFETIME_SECONDS,
  addPartnerKeys,
  ensureHubAuth,
  isRole,
  loadOrCreateHubKeys,
  mintPartnerToken,
  retirePartnerKey,
  revokeOrganisation,
  revokeToken,
  rotatePartnerKey,
  sqlOfPg,
  tokenIdOf,
  ROLES,
  type Role,
  type Sql,
} from '@pass/access';

const USAGE = `usage:
  npm run token -- --role <${ROLES.join('|')}> --org <organisation id> [--expires 30d] [--scopes read,write] [--programmes id,id]
  npm run token -- --rotate                      a new signing key, accepted by the running hub within seconds
  npm run token -- --retire <kid> [--force]      refuse an old key's tokens (once they have expired, unless --force)
  npm run token -- --revoke <token id> [--reason text]
  npm run token -- --revoke-org <organisation id> [--reason text]`;

/** `30d`, `12h`, `90m`, `3600s` or a number of seconds. */
export function lifetimeSeconds(text: string): number | null {
  const match = /^(\d+)\s*([smhdw]?)$/.exec(text.trim());
  if (!match) return null;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[match[2] as '' | 's' | 'm' | 'h' | 'd' | 'w'];
  return Number(match[1]) * unit;
}

/** The options that describe a token to mint, shared with `npm run hub -- tokens mint`. */
export const MINT_OPTIONS = {
  role: { type: 'string' },
  org: { type: 'string' },
  expires: { type: 'string', default: '30d' },
  scopes: { type: 'string', default: 'read,write' },
  programmes: { type: 'string' },
} as const;

export interface TokenRequest {
  role: Role;
  organisationId: string;
  lifetimeSeconds: number;
  scopes: string[];
  programmeIds?: string[];
}

/** A partner token signed with the key file's current signing key (made if there is none yet). */
export async function mintToken(keysDir: string, request: TokenRequest): Promise<string> {
  const keys = await loadOrCreateHubKeys(keysDir);
  return mintPartnerToken(
    keys.partnerSigning,
    {
      organisationId: request.organisationId,
      role: request.role,
      scopes: request.scopes,
      ...(request.programmeIds ? { programmeIds: request.programmeIds } : {}),
    },
    { expiresIn: `${request.lifetimeSeconds}s` },
  );
}

/**
 * The operator's token command. Minting uses the signing key of the key file (in .data/keys, made
 * by `npm start`; PASS_KEYS_DIR elsewhere); the key ring and revocations live in the hub's
 * database (hub_auth; DATABASE_URL, or `npm start`'s embedded server), where every running
 * gateway reads them within seconds. Returns the exit code.
 */
export async function tokenCommand(argv: string[], env: { keysDir: string; databaseUrl: string }): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...MINT_OPTIONS,
      rotate: { type: 'boolean', default: false },
      retire: { type: 'string' },
      force: { type: 'boolean', default: false },
      revoke: { type: 'string' },
      'revoke-org': { type: 'string' },
      reason: { type: 'string' },
    },
  });
  const withDatabase = async (work: (sql: Sql) => Promise<number>): Promise<number> => {
    await ensureHubAuth(env.databaseUrl);
    const pool = new Pool({ connectionString: env.databaseUrl, max: 1 });
    try {
      return await work(sqlOfPg(pool));
    } finally {
      await pool.end();
    }
  };
  const operator = `cli:${os.userInfo().username}`;

  if (values.rotate) {
    const rotated = await rotatePartnerKey(await loadOrCreateHubKeys(env.keysDir));
    writeFileSync(path.join(env.keysDir, 'hub-keys.json'), JSON.stringify(rotated, null, 2), { mode: 0o600 });
    await withDatabase(async (sql) => {
      await addPartnerKeys(sql, rotated.partnerPublic);
      return 0;
    });
    process.stdout.write(`new signing key ${rotated.partnerSigning.kid}, in the hub's key ring; older keys stay accepted until retired\n`);
    return 0;
  }
  if (values.retire) {
    const kid = values.retire;
    return withDatabase(async (sql) => {
      const { error } = await retirePartnerKey(sql, kid, { force: values.force });
      if (error) {
        process.stderr.write(`${error.code}: ${error.message}\n`);
        return 1;
      }
      process.stdout.write(`key ${kid} retired: its tokens are refused within seconds\n`);
      return 0;
    });
  }
  if (values.revoke || values['revoke-org']) {
    return withDatabase(async (sql) => {
      const result = values.revoke
        ? await revokeToken(sql, { tokenId: values.revoke, revokedBy: operator, reason: values.reason })
        : await revokeOrganisation(sql, { organisationId: values['revoke-org']!, revokedBy: operator, reason: values.reason });
      if (result.error) {
        process.stderr.write(`${result.error.code}: ${result.error.message}\n`);
        return 1;
      }
      process.stdout.write(`revoked ${values.revoke ? `token ${values.revoke}` : `the tokens of ${values['revoke-org']} issued until now`} at ${result.revokedAt.toISOString()}\n`);
      return 0;
    });
  }
  const lifetime = lifetimeSeconds(values.expires!);
  if (!isRole(values.role) || !values.org || lifetime === null) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (lifetime < 1 || lifetime > MAX_TOKEN_LIFETIME_SECONDS) {
    process.stderr.write(`--expires must be between 1 second and ${MAX_TOKEN_LIFETIME_SECONDS / 86400} days: the hub refuses longer-lived tokens\n`);
    return 2;
  }
  const token = await mintToken(env.keysDir, {
    role: values.role,
    organisationId: values.org,
    lifetimeSeconds: lifetime,
    scopes: values.scopes!.split(',').filter(Boolean),
    ...(values.programmes ? { programmeIds: values.programmes.split(',') } : {}),
  });
  process.stdout.write(`${token}\n`);
  // The id goes to stderr, so `TOKEN=$(npm run token …)` still captures the token alone.
  process.stderr.write(`token id ${tokenIdOf(token)} (revoke with: npm run token -- --revoke ${tokenIdOf(token)})\n`);
  return 0;
}

if (require.main === module) {
  const root = path.resolve(__dirname, '..', '..', '..');
  // A bad DATABASE_URL, PASS_PG_PORT or PASS_KEYS_DIR stops here, named (the catch below prints it).
  Promise.resolve()
    .then(() => loadCliConfig(process.env, root))
    .then((config) =>
      tokenCommand(process.argv.slice(2), {
        keysDir: config.keysDir,
        databaseUrl: config.databaseUrl ?? `postgres://postgres:pass-numerique-local@127.0.0.1:${config.pgPort}/pass_hub`,
      }),
    )
    .then((code) => process.exit(code))
    .catch((err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    });
}
