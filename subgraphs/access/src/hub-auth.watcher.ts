import { Pool } from 'pg';
import type { JWK } from 'jose';
import type { PartnerTokenRing } from './tokens';
import type { Logger } from '@pass/runtime';
import { addPartnerKeys, ensureHubAuth, readHubAuth, sqlOfPg, type HubAuthSnapshot } from './hub-auth.store';

export interface HubAuthWatcher extends PartnerTokenRing {
  /** Reads the state now (tests and the CLI's own process; others wait for the next poll). */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The key ring and revocation lists as one gateway process sees them: read from PostgreSQL at
 * start, then again every `pollMs` (one small statement), so a revocation or a rotated key made by
 * any process reaches every gateway within about a second. A failed poll keeps the last state and
 * is logged: the database being away must not let a revoked token back in, nor lock everyone out.
 * The keys the process was started with join the ring if absent (a fresh database, tests).
 */
export async function watchHubAuth(options: { databaseUrl: string; startKeys?: JWK[]; pollMs?: number; logger: Logger }): Promise<HubAuthWatcher> {
  await ensureHubAuth(options.databaseUrl);
  const pool = new Pool({ connectionString: options.databaseUrl, max: 1 });
  pool.on('error', (err) => options.logger.warn({ err }, 'hub auth connection lost; it reconnects on the next poll'));
  const sql = sqlOfPg(pool);
  if (options.startKeys?.length) await addPartnerKeys(sql, options.startKeys);
  let state: HubAuthSnapshot = await readHubAuth(sql);
  let polling: Promise<void> | null = null;
  const refresh = () => {
    polling ??= readHubAuth(sql)
      .then((next) => {
        // Same keys, same array: the verifier rebuilds its key set only when the ring changed.
        const sameKeys = JSON.stringify(next.keys) === JSON.stringify(state.keys);
        state = sameKeys ? { ...next, keys: state.keys } : next;
      })
      .catch((err) => options.logger.error({ err }, 'hub auth state could not be read; keeping the last one'))
      .finally(() => {
        polling = null;
      });
    return polling;
  };
  const timer = setInterval(() => void refresh(), options.pollMs ?? 1000);
  timer.unref();
  return {
    keys: () => state.keys,
    isRevoked: ({ tokenId, organisationId, issuedAt }) => {
      if (state.revokedTokens.has(tokenId)) return true;
      const until = state.revokedOrganisations.get(organisationId);
      // iat has whole seconds: a token of the revoking second is refused too, by caution.
      return until !== undefined && issuedAt * 1000 <= until;
    },
    refresh,
    close: async () => {
      clearInterval(timer);
      await polling;
      await pool.end();
    },
  };
}
