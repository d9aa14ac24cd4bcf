import { GraphQLSchema, Kind, TypeInfo, type FragmentDefinitionNode, type SelectionSetNode, ValidationContext, visit, type DocumentNode } from 'graphql';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import type { TokenBucketStore } from '@pass/access';

/**
 * What each partner token may spend, shared by every gateway process:
 *
 * - a **budget weighed by cost**: a token bucket of `perSecond` units refilled up to `burst`. A
 *   unit is calibrated on measured CPU: about what one light request costs the machine (≈ 5 ms,
 *   hub and PostgreSQL, on a quiet 2-core VM; docs/benchmarks.md#fair-sharing-and-shared-limits),
 *   so a token's full allowance keeps a bounded share of the machine busy whatever it sends. A request spends
 *   `max(1, cost / costPerUnit)` units, at most `maxUnitsPerRequest`, where cost is graphql-armor's
 *   query cost (the same arithmetic and defaults as the gateway's armor), **plus** the calibrated
 *   surcharge of the fields armor underprices ({@link COSTLY_FIELDS}, never capped): armor counts
 *   fields, not the rows an aggregate reads, so the 15-alias analyst query (armor 367.5) costs
 *   about 50 light requests' CPU, not 3.7;
 * - a **cap on requests in flight** per token and gateway process, by count (`maxInFlight`) and by
 *   units (`maxInFlightUnits`): a token may have one request of any weight running, but not two
 *   heavy ones at once, so its heavy work reaches the hub's thread one query at a time. A token
 *   past either cap waits for none of its requests, it gets `429`.
 *
 * The buckets live in PostgreSQL (`hub_limits.token_bucket`, see @pass/access), so two gateway
 * processes enforce one budget. Not every request reaches the database: a process takes a
 * **lease** of `leaseUnits` units at a time from the shared bucket (one atomic upsert) and spends
 * it locally; leftovers older than `leaseMs` are dropped. Units are taken from the shared bucket
 * before they are spent, so a token never gets more than its budget plus, at most, one unspent
 * lease per process carried over a refill; it may be refused up to one lease per other process
 * early (units another process leased and has not used). A lease is `leaseUnits` (10) units, or
 * more for a token that used its last one up quickly: what the token spent in the last lease's
 * time, over half of `leaseMs`, up to `maxLeaseUnits` (50) and a quarter of the burst. A token
 * sending 40 units a second (five mixed partner requests) then costs a statement every half
 * second rather than every quarter (docs/benchmarks.md, "Leases sized by the token's pace").
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
  /**
   * The most units one token may have in flight per process; a request alone in flight is always
   * let through (else a request heavier than this could never run).
   */
  maxInFlightUnits: number;
  /** Units each selection of these fields adds, on top of armor's capped cost (see {@link COSTLY_FIELDS}). */
  costlyFields: Readonly<Record<string, number>>;
  /** The smallest lease, and the whole lease of a token that is not busy. */
  leaseUnits: number;
  /** The largest lease (a quarter of the burst at most). */
  maxLeaseUnits: number;
  leaseMs: number;
}

/**
 * Units each selection of these fields adds to a request, on top of armor's cost and its cap,
 * calibrated on measured CPU (docs/benchmarks.md#fair-sharing-and-shared-limits): a programme's
 * counts and amounts are sums over its books, vouchers and redemptions, computed per programme
 * the list returns and again for each alias. Armor counts them as scalars (1 each, ×1.5 per
 * level): 15 aliases of every programme's five aggregates cost 367.5, 3.7 units, while the hub
 * and PostgreSQL spend about 0.28 s of CPU on them, some 50 light requests (a light request,
 * one unit, is ≈ 5 ms). 0.7 a selection: that query 56 units, one alias of it 4.5 (measured
 * ≈ 18 ms). The names are matched wherever they are selected (a distributor's or a venue's
 * `vouchersRedeemed` is a sum too).
 */
export const COSTLY_FIELDS: Readonly<Record<string, number>> = Object.fromEntries(
  ['booksAllocated', 'booksHandedOut', 'booksIssued', 'vouchersIssued', 'vouchersRedeemed', 'redeemedAmountCents', 'outstandingAmountCents', 'redemptionsByDay', 'redemptionsByPlace'].map((field) => [field, 0.7]),
);

export const DEFAULT_TOKEN_LIMITS: TokenLimitOptions = { perSecond: 50, burst: 200, costPerUnit: 100, maxUnitsPerRequest: 20, maxInFlight: 16, maxInFlightUnits: 80, costlyFields: COSTLY_FIELDS, leaseUnits: 10, maxLeaseUnits: 50, leaseMs: 1000 };

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

/**
 * The calibrated surcharge of a document: {@link COSTLY_FIELDS}' units for each selection (each
 * alias and each fragment spread counts; not again for fields inside an aggregate), the costliest
 * operation's when there are several.
 */
export function costlySurcharge(document: DocumentNode, costlyFields: Readonly<Record<string, number>> = COSTLY_FIELDS): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const known = new Map<string, number>();
  const of = (set: SelectionSetNode | undefined, visiting: Set<string>): number => {
    let units = 0;
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) {
        const own = costlyFields[s.name.value];
        // An aggregate's rows (a breakdown's `vouchersRedeemed` per day) are priced in its own units.
        units += own ?? of(s.selectionSet, visiting);
      }
      else if (s.kind === Kind.INLINE_FRAGMENT) units += of(s.selectionSet, visiting);
      else {
        const name = s.name.value;
        // A cycle is a validation error the armor's pipeline answers; it adds nothing here.
        if (visiting.has(name)) continue;
        if (!known.has(name)) known.set(name, of(fragments.get(name)?.selectionSet, new Set([...visiting, name])));
        units += known.get(name)!;
      }
    }
    return units;
  };
  let most = 0;
  for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION) most = Math.max(most, of(d.selectionSet, new Set()));
  return most;
}

/** What the budget weighs for a document: armor's cost and the calibrated surcharge. */
export interface RequestCost {
  cost: number;
  surcharge: number;
}

export function requestCost(document: DocumentNode, costlyFields: Readonly<Record<string, number>> = COSTLY_FIELDS): RequestCost {
  return { cost: queryCost(document), surcharge: costlySurcharge(document, costlyFields) };
}

interface Lease {
  units: number;
  expiresAt: number;
  /** When it was taken and how many units it held then: the token's pace when it runs out. */
  takenAt: number;
  size: number;
}

export class TokenLimits {
  private readonly inFlight = new Map<string, { requests: number; units: number }>();
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

  /** Units a request of this cost (and calibrated surcharge) spends. */
  weigh(cost: number, surcharge = 0): number {
    return Math.min(this.options.maxUnitsPerRequest, Math.max(1, cost / this.options.costPerUnit)) + surcharge;
  }

  /** Checks the in-flight caps, then takes `units` from the token's budget. */
  async admit(tokenId: string, units: number): Promise<Admission> {
    const running = this.inFlight.get(tokenId) ?? { requests: 0, units: 0 };
    if (running.requests >= this.options.maxInFlight || (running.requests > 0 && running.units + units > this.options.maxInFlightUnits)) {
      return { ok: false, retryAfter: 1, reason: 'IN_FLIGHT' };
    }
    this.inFlight.set(tokenId, { requests: running.requests + 1, units: running.units + units });
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const now = this.inFlight.get(tokenId);
      if (!now || now.requests <= 1) this.inFlight.delete(tokenId);
      else this.inFlight.set(tokenId, { requests: now.requests - 1, units: now.units - units });
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
    const { perSecond, burst, leaseMs } = this.options;
    // The lease's leftover goes towards this request: held aside while the store answers, so a
    // lighter request served from the lease meanwhile cannot spend it twice.
    const lease = this.leases.get(tokenId);
    const live = lease !== undefined && lease.expiresAt > this.clock();
    const left = live ? lease.units : 0;
    if (lease) lease.units -= left;
    // A request heavier than the whole burst could never pass: it may take the full bucket.
    const need = Math.min(units - left, burst);
    const want = Math.max(need, this.leaseSize(live ? lease : undefined));
    let granted = 0;
    let tokens = 0;
    try {
      ({ granted, tokens } = await this.store.take(tokenId, need, want, perSecond, burst));
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
    const leased = kept + Math.max(0, left + granted - units);
    this.leases.set(tokenId, { units: leased, expiresAt: this.clock() + leaseMs, takenAt: this.clock(), size: leased + units });
    if (this.leases.size > 100_000) this.leases.delete(this.leases.keys().next().value as string);
    return 0;
  }

  /**
   * The next lease: the units the token went through in its last lease's time, scaled to half a
   * lease's life, so a busy token makes one store round trip per half second or so rather than
   * one per `leaseUnits`. Never below `leaseUnits`; never above `maxLeaseUnits` nor a quarter of
   * the burst, so that another process is refused at most that much early. A token whose lease
   * expired unused, or which has none, starts again from `leaseUnits`.
   */
  private leaseSize(previous: Lease | undefined): number {
    const { leaseUnits, maxLeaseUnits, leaseMs, burst } = this.options;
    if (!previous) return leaseUnits;
    const perMs = previous.size / Math.max(1, this.clock() - previous.takenAt);
    const cap = Math.max(leaseUnits, Math.min(maxLeaseUnits, burst / 4));
    return Math.min(cap, Math.max(leaseUnits, Math.ceil(perMs * (leaseMs / 2))));
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
