import { partnerTokenVerifier, watchHubAuth, type Caller, type HubKeys } from '@pass/access';
import type { Logger } from '@pass/runtime';

export interface PartnerAuth {
  /**
   * THE check of a partner token, for HTTP requests and open subscriptions alike: signature by a
   * key of the ring (by kid), issue and expiry times within the maximum lifetime, not revoked.
   * Throws an AuthError.
   */
  verify(token: string): Promise<Caller>;
  close(): Promise<void>;
}

/**
 * With a database, the key ring and the revocation lists are read from PostgreSQL (hub_auth) and
 * followed while the gateway runs; the keys the gateway was given join the ring. Without one (a
 * gateway built alone, outside the hub) only those keys are accepted and nothing can be revoked.
 */
export async function startPartnerAuth(options: { databaseUrl?: string; keys: HubKeys; logger: Logger; pollMs?: number }): Promise<PartnerAuth> {
  if (!options.databaseUrl) {
    options.logger.warn('no database for the gateway: the key ring is fixed and revocations are not seen');
    return { verify: partnerTokenVerifier(options.keys.partnerPublic), close: async () => undefined };
  }
  const ring = await watchHubAuth({ databaseUrl: options.databaseUrl, startKeys: options.keys.partnerPublic, logger: options.logger, pollMs: options.pollMs });
  return { verify: partnerTokenVerifier(ring), close: () => ring.close() };
}

/**
 * Failed authentications per client address: `burst` at once, then `perSecond`. An address over
 * the limit is answered 429 before any signature is checked, so a client spraying bad tokens
 * costs a map lookup, not an ECDSA verification. Kept in process, like the per-token limiter.
 */
export class FailedAuthLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {}

  private bucket(address: string, now: number) {
    const bucket = this.buckets.get(address) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    return bucket;
  }

  /** Seconds before this address may try again, or 0. */
  retryAfter(address: string, now = Date.now()): number {
    if (!this.buckets.has(address)) return 0;
    const bucket = this.bucket(address, now);
    if (bucket.tokens >= this.burst) this.buckets.delete(address);
    return bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) / this.perSecond);
  }

  failed(address: string, now = Date.now()): void {
    const bucket = this.bucket(address, now);
    bucket.tokens = Math.max(0, bucket.tokens - 1);
    this.buckets.set(address, bucket);
    if (this.buckets.size > 100_000) this.buckets.delete(this.buckets.keys().next().value as string);
  }
}
