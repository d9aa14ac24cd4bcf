import { GraphQLSchema, TypeInfo, ValidationContext, visit, type DocumentNode } from 'graphql';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import type { TokenBucketStore } from '@pass/access';

/**
 * What each partner token may spend, shared by every gateway process:
 *
 * - a **budget weighed by cost**: a token bucket of `perSecond` units refilled up to `burst`; a
 *   request takes `max(1, cost / costPerUnit)` units (at most `maxUnitsPerRequest`), where cost is graphql-armor's query cost (the
 *   same arithmetic and defaults as the gateway's armor), so one 15-alias aggregate query spends
 *   what many light queries would;
 * - a **cap on requests in flight** per token (`maxInFlight`), per gateway process: a token that
 *   fires more at once waits for none of them, it gets `429`.
 *
 * The buckets live in PostgreSQL (`hub_limits.token_bucket`, see @pass/access), so two gateway
 * processes enforce one budget. Not every request reaches the database: a process takes a
 * **lease** of `leaseUnits` units at a time from the shared bucket (one atomic upsert) and spends
 * it locally; leftovers older than `leaseMs` are dropped. Units are taken from the shared bucket
 * before they are spent, so a token never gets more than its budget plus, at most, one unspent
 * lease per process carried over a refill; it may be refused up to one lease per other process
 * early (units another process leased and has not used). With 10-unit leases and 50 units/s, a
 * steady token costs each process one statement per 10 light requests.
 */
export interface TokenLimitOptions {
  perSecond: number;
  burst: number;
  /** Query cost worth one unit (one light request). */
  costPerUnit: number;
  /**
   * The most units one request spends: armor multiplies by literal `first`/`last`, so one page of
   * 100 books costs thousands; without a cap a single paging request would empty the burst.
   */
  maxUnitsPerRequest: number;
  maxInFlight: number;
  leaseUnits: number;
  leaseMs: number;
}

export const DEFAULT_TOKEN_LIMITS: TokenLimitOptions = { perSecond: 50, burst: 200, costPerUnit: 100, maxUnitsPerRequest: 20, maxInFlight: 16, leaseUnits: 10, leaseMs: 1000 };

/** A decision: go (release when the answer is sent), or wait `retryAfter` seconds. */
export type Admission = { ok: true; release: () => void } | { ok: false; retryAfter: number; reason: 'IN_FLIGHT' | 'BUDGET' };

const EMPTY_SCHEMA = new GraphQLSchema({});

/**
 * graphql-armor's cost of a parsed document (its rule, its defaults: objects 2, scalars 1, ×1.5
 * per level, ×first/last), the costliest operation when there are several.
 */
export function queryCost(document: DocumentNode): number {
  let cost = 0;
  const context = new ValidationContext(EMPTY_SCHEMA, document, new TypeInfo(EMPTY_SCHEMA), () => undefined);
  const rule = costLimitRule({ maxCost: Number.POSITIVE_INFINITY, onAccept: [(_ctx, { n }) => void (cost = Math.max(cost, n))] })(context);
  visit(document, rule);
  return cost;
}

interface Lease {
  units: number;
  expiresAt: number;
}

export class TokenLimits {
  private readonly inFlight = new Map<string, number>();
  private readonly leases = new Map<string, Lease>();
  /**
   * After a refusal: when the shared bucket will hold `need` units again (it cannot fill faster
   * than its rate), so a token hammering past its budget is refused without a database trip.
   */
  private readonly refusedUntil = new Map<string, { at: number; need: number }>();
  /** One shared-store take at a time per token and process; later requests wait for it. */
  private readonly taking = new Map<string, Promise<unknown>>();
  readonly options: TokenLimitOptions;

  constructor(
    private readonly store: TokenBucketStore,
    options: Partial<TokenLimitOptions> = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.options = { ...DEFAULT_TOKEN_LIMITS, ...options };
  }

  /** Units a request of this cost spends. */
  weigh(cost: number): number {
    return Math.min(this.options.maxUnitsPerRequest, Math.max(1, cost / this.options.costPerUnit));
  }

  /** Checks the in-flight cap, then takes `units` from the token's budget. */
  async admit(tokenId: string, units: number): Promise<Admission> {
    const running = this.inFlight.get(tokenId) ?? 0;
    if (running >= this.options.maxInFlight) return { ok: false, retryAfter: 1, reason: 'IN_FLIGHT' };
    this.inFlight.set(tokenId, running + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(tokenId) ?? 1) - 1;
      if (left <= 0) this.inFlight.delete(tokenId);
      else this.inFlight.set(tokenId, left);
    };
    try {
      const wait = await this.spend(tokenId, units);
      if (wait > 0) {
        release();
        return { ok: false, retryAfter: wait, reason: 'BUDGET' };
      }
      return { ok: true, release };
    } catch (err) {
      release();
      throw err;
    }
  }

  /** Seconds to wait, or 0 when the units were spent. */
  private async spend(tokenId: string, units: number): Promise<number> {
    const refused = this.refusedUntil.get(tokenId);
    if (refused) {
      // A lighter request fits sooner: (need - units) / rate seconds before the heavier one.
      const until = refused.at - ((refused.need - Math.min(units, refused.need)) / this.options.perSecond) * 1000;
      const now = this.clock();
      if (now < until) return Math.max(1, Math.ceil((until - now) / 1000));
      if (now >= refused.at) this.refusedUntil.delete(tokenId);
    }
    for (;;) {
      const local = this.fromLease(tokenId, units);
      if (local) return 0;
      const pending = this.taking.get(tokenId);
      if (!pending) break;
      await pending.catch(() => undefined);
    }
    const take = this.takeShared(tokenId, units);
    this.taking.set(tokenId, take);
    try {
      return await take;
    } finally {
      this.taking.delete(tokenId);
    }
  }

  private fromLease(tokenId: string, units: number): boolean {
    const lease = this.leases.get(tokenId);
    if (!lease) return false;
    if (lease.expiresAt <= this.clock()) {
      this.leases.delete(tokenId);
      return false;
    }
    if (lease.units < units) return false;
    lease.units -= units;
    return true;
  }

  private async takeShared(tokenId: string, units: number): Promise<number> {
    const { perSecond, burst, leaseUnits, leaseMs } = this.options;
    // The lease's leftover goes towards this request: held aside while the store answers, so a
    // lighter request served from the lease meanwhile cannot spend it twice.
    const lease = this.leases.get(tokenId);
    const left = lease && lease.expiresAt > this.clock() ? lease.units : 0;
    if (lease) lease.units -= left;
    // A request heavier than the whole burst could never pass: it may take the full bucket.
    const need = Math.min(units - left, burst);
    let granted = 0;
    let tokens = 0;
    try {
      ({ granted, tokens } = await this.store.take(tokenId, need, Math.max(need, leaseUnits), perSecond, burst));
    } finally {
      if (granted <= 0 && lease) lease.units += left;
    }
    if (granted <= 0) {
      const waitMs = ((need - tokens) / perSecond) * 1000;
      this.refusedUntil.set(tokenId, { at: this.clock() + waitMs, need });
      if (this.refusedUntil.size > 100_000) this.refusedUntil.delete(this.refusedUntil.keys().next().value as string);
      return Math.max(1, Math.ceil(waitMs / 1000));
    }
    const current = this.leases.get(tokenId);
    const kept = current && current.expiresAt > this.clock() ? current.units : 0;
    this.leases.delete(tokenId);
    this.leases.set(tokenId, { units: kept + Math.max(0, left + granted - units), expiresAt: this.clock() + leaseMs });
    if (this.leases.size > 100_000) this.leases.delete(this.leases.keys().next().value as string);
    return 0;
  }
}

/**
 * The shared store, or, while it fails, a local one (logged once per outage): a database away
 * must not turn every request into an error; each process then limits tokens on its own.
 */
export function storeWithFallback(primary: TokenBucketStore, fallback: TokenBucketStore, onOutage: (err: unknown) => void): TokenBucketStore {
  let down = false;
  return {
    take: async (...args) => {
      try {
        const answer = await primary.take(...args);
        down = false;
        return answer;
      } catch (err) {
        if (!down) onOutage(err);
        down = true;
        return fallback.take(...args);
      }
    },
    close: async () => {
      await primary.close();
      await fallback.close();
    },
  };
}
