import { Pool } from 'pg';
import { runDdlOnce, type Logger } from '@pass/runtime';

/**
 * Per-token budgets shared by every gateway process: one token bucket per partner token, in
 * PostgreSQL (which every process already reaches), so two gateways enforce one budget. Like
 * hub_auth it belongs to no subgraph, so it has its own schema. Rows are small and rewritten in
 * place; a row idle for a day (a full bucket by then) is deleted by each gateway every ten minutes.
 */
const HUB_LIMITS_DDL = `
  create schema if not exists hub_limits;
  create table if not exists hub_limits.token_bucket (
    token_id text primary key,
    -- Units left at \`at\`; the bucket refills at the rate given with each take, up to the burst.
    tokens double precision not null,
    -- What the last take handed out (0: refused), read back by the caller of that take.
    granted double precision not null,
    at timestamptz not null
  ) with (fillfactor = 50);
`;

export const ensureHubLimits = (url: string) => runDdlOnce(url, HUB_LIMITS_DDL);

export interface BucketTake {
  /** Units handed out: 0 (refused: fewer than `need` left) or between `need` and `want`. */
  granted: number;
  /** Units left in the bucket after the take. */
  tokens: number;
}

export interface TokenBucketStore {
  /**
   * Refills the token's bucket (`perSecond`, up to `burst`, full when new), then hands out
   * `want` units, or all that is left, provided at least `need` are left; otherwise nothing.
   * Atomic: concurrent takes for one token, from any process, never hand out a unit twice.
   */
  take(tokenId: string, need: number, want: number, perSecond: number, burst: number): Promise<BucketTake>;
  close(): Promise<void>;
}

/**
 * The bucket arithmetic in one statement: an upsert whose SET reads the row as it was (the row
 * lock serialises concurrent takes), so refill, check and take happen at once. `now()` is the
 * statement's transaction start; a take that waited for the lock may see an earlier now() than
 * the row's `at`, hence greatest(0, …).
 */
const TAKE = `
  insert into hub_limits.token_bucket as b (token_id, tokens, granted, at)
  values ($1, $5::float8 - (case when $5::float8 >= $2::float8 then least($5::float8, $3::float8) else 0 end),
          case when $5::float8 >= $2::float8 then least($5::float8, $3::float8) else 0 end, now())
  on conflict (token_id) do update set
    granted = case when least($5::float8, b.tokens + greatest(0, extract(epoch from now() - b.at)) * $4::float8) >= $2::float8
                   then least(least($5::float8, b.tokens + greatest(0, extract(epoch from now() - b.at)) * $4::float8), $3::float8) else 0 end,
    tokens = least($5::float8, b.tokens + greatest(0, extract(epoch from now() - b.at)) * $4::float8)
           - case when least($5::float8, b.tokens + greatest(0, extract(epoch from now() - b.at)) * $4::float8) >= $2::float8
                  then least(least($5::float8, b.tokens + greatest(0, extract(epoch from now() - b.at)) * $4::float8), $3::float8) else 0 end,
    at = greatest(b.at, now())
  returning granted, tokens`;

/** The shared store, on a small pool of its own. */
export async function postgresTokenBuckets(options: { databaseUrl: string; logger: Logger; connections?: number }): Promise<TokenBucketStore> {
  await ensureHubLimits(options.databaseUrl);
  // A take need not wait for its WAL to reach the disk: a crash that loses the last takes hands
  // back at most a few leases, and every bucket refills within seconds anyway. Each lease was a
  // durable commit (a WAL flush) on the read path of ≈ 0.7 partner requests in 1 on the mixed load.
  const pool = new Pool({ connectionString: options.databaseUrl, max: options.connections ?? 4, options: '-c synchronous_commit=off' });
  pool.on('error', (err) => options.logger.warn({ err }, 'hub limits connection lost; the next take reconnects'));
  const forget = setInterval(() => {
    pool.query(`delete from hub_limits.token_bucket where at < now() - interval '1 day'`).catch((err) => options.logger.warn({ err }, 'idle token buckets not deleted; next time'));
  }, 10 * 60_000);
  forget.unref();
  return {
    take: async (tokenId, need, want, perSecond, burst) => {
      const { rows } = await pool.query<{ granted: number; tokens: number }>({ name: 'hub_limits_take', text: TAKE, values: [tokenId, need, want, perSecond, burst] });
      return { granted: rows[0]!.granted, tokens: rows[0]!.tokens };
    },
    close: async () => {
      clearInterval(forget);
      await pool.end();
    },
  };
}

/** The same arithmetic in memory: a gateway without a database, and unit tests. */
export function memoryTokenBuckets(clock: () => number = Date.now): TokenBucketStore {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take: async (tokenId, need, want, perSecond, burst) => {
      const now = clock();
      const bucket = buckets.get(tokenId) ?? { tokens: burst, at: now };
      const available = Math.min(burst, bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * perSecond);
      const granted = available >= need ? Math.min(available, want) : 0;
      bucket.tokens = available - granted;
      bucket.at = Math.max(bucket.at, now);
      buckets.delete(tokenId);
      buckets.set(tokenId, bucket);
      if (buckets.size > 100_000) buckets.delete(buckets.keys().next().value as string);
      return { granted, tokens: bucket.tokens };
    },
    close: async () => undefined,
  };
}
