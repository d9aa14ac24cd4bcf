import { parse } from 'graphql';
import { memoryTokenBuckets, type TokenBucketStore } from '@pass/access';
import { COSTLY_FIELDS, TokenLimits, costlySurcharge, queryCost, requestCost, storeWithFallback } from './rate-limit';

/** The bench's 15-alias analyst query (test/src/bench/partners.bench.ts). */
const HEAVY = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: programmes { id name booksIssued vouchersRedeemed redeemedAmountCents redemptionsByDay { day vouchersRedeemed } redemptionsByPlace(level: COMMUNE) { code vouchersRedeemed } }`).join(' ')} }`;
const PAGE_OF_BOOKS = '{ distributor(id: "d") { books(first: 100) { nodes { id code state vouchers { code state } } } } }';
const unitsOf = (limits: TokenLimits, text: string) => {
  const { cost, surcharge } = requestCost(parse(text));
  return limits.weigh(cost, surcharge);
};

/** A store that counts its round trips. */
function counted(store: TokenBucketStore) {
  const counter = { takes: 0, wants: [] as number[] };
  return {
    counter,
    store: { ...store, take: (...args: Parameters<TokenBucketStore['take']>) => ((counter.takes += 1), counter.wants.push(args[2]), store.take(...args)) },
  };
}

describe('queryCost', () => {
  test("is graphql-armor's cost: objects 2, scalars 1, ×1.5 per level; aliases add up", () => {
    expect(queryCost(parse('{ programmes { id } }'))).toBe(3.5);
    expect(queryCost(parse('{ a: programmes { id } b: programmes { id } }'))).toBe(7);
    expect(queryCost(parse(HEAVY))).toBeGreaterThan(100 * queryCost(parse('{ programmes { id } }')) / 2);
  });

  test('counts fragments and the costliest of several operations', () => {
    expect(queryCost(parse('query A { ...F } query B { programmes { id } } fragment F on Query { programmes { id name } }'))).toBeGreaterThan(3.5);
  });
});

describe('costlySurcharge', () => {
  const perBreakdown = COSTLY_FIELDS.redemptionsByDay!;

  test('adds the calibrated units of each aggregate selection: every alias counts', () => {
    expect(costlySurcharge(parse('{ programmes { id name validUntil } }'))).toBe(0);
    expect(costlySurcharge(parse('{ programmes { redemptionsByDay { day } } }'))).toBe(perBreakdown);
    expect(costlySurcharge(parse('{ a: programmes { vouchersRedeemed } b: programmes { vouchersRedeemed } }'))).toBeCloseTo(2 * COSTLY_FIELDS.vouchersRedeemed!);
    // Five aggregates (booksIssued, vouchersRedeemed, redeemedAmountCents and the two breakdowns) in each of 15 aliases.
    expect(costlySurcharge(parse(HEAVY))).toBeCloseTo(15 * 5 * 0.7);
  });

  test('a fragment counts at each spread, and the costliest operation is the one weighed', () => {
    const spreads = `query { ${Array.from({ length: 15 }, (_, i) => `a${i}: programmes { ...Breakdown }`).join(' ')} } fragment Breakdown on Programme { redemptionsByDay { day } }`;
    expect(costlySurcharge(parse(spreads))).toBeCloseTo(15 * perBreakdown);
    expect(costlySurcharge(parse('query A { programmes { ... on Programme { redemptionsByDay { day } } } } query B { programmes { id } }'))).toBe(perBreakdown);
    // A cyclic fragment (refused by validation later) does not loop here.
    expect(costlySurcharge(parse('query { ...F } fragment F on Query { programmes { redemptionsByDay { day } } ...F }'))).toBe(perBreakdown);
  });
});

describe('TokenLimits', () => {
  test('a costly burst from one token is refused while another token is served', async () => {
    let now = 1_000_000;
    // The published allowance and the calibrated weights.
    const limits = new TokenLimits(memoryTokenBuckets(() => now), {}, () => now);
    const heavy = unitsOf(limits, HEAVY);
    expect(heavy).toBeGreaterThan(40);
    const answers = [];
    for (let i = 0; i < 30; i += 1) {
      const a = await limits.admit('heavy-token', heavy);
      if (a.ok) a.release();
      answers.push(a.ok);
    }
    // The same 30 requests, light, would all have passed (burst 200): the cost is what refuses
    // them; 200 units hold 3 of these.
    expect(answers.filter((ok) => ok).length).toBeLessThanOrEqual(4);
    expect(answers.filter((ok) => !ok).length).toBeGreaterThanOrEqual(26);
    const refused = await limits.admit('heavy-token', heavy);
    expect(refused).toMatchObject({ ok: false, reason: 'BUDGET' });
    expect((refused as { retryAfter: number }).retryAfter).toBeGreaterThanOrEqual(1);
    const other = await limits.admit('light-token', limits.weigh(3.5));
    expect(other.ok).toBe(true);
    // Refilled with time: 50 units a second.
    now += Math.ceil(heavy / 50) * 1000;
    expect((await limits.admit('heavy-token', heavy)).ok).toBe(true);
  });

  test("by default a light query is one unit, armor's cost spends at most 20, the aggregates' units come on top", () => {
    const limits = new TokenLimits(memoryTokenBuckets());
    expect(unitsOf(limits, '{ programmes { id } }')).toBe(1);
    expect(unitsOf(limits, PAGE_OF_BOOKS)).toBe(20);
    // 367.5 / 100 by armor, and 15 × five aggregates: about 50 light requests' CPU, as measured.
    expect(unitsOf(limits, HEAVY)).toBeCloseTo(3.675 + 15 * 5 * 0.7);
    expect(unitsOf(limits, HEAVY)).toBeGreaterThan(2 * unitsOf(limits, PAGE_OF_BOOKS));
  });

  test('caps the units in flight per token: one heavy request at a time, light ones beside it', async () => {
    const limits = new TokenLimits(memoryTokenBuckets(), { burst: 1000 });
    const heavy = unitsOf(limits, HEAVY);
    const first = await limits.admit('t', heavy);
    expect(first.ok).toBe(true);
    // Alone, a request heavier than the cap still runs; a second one would pass the cap.
    expect(await limits.admit('t', heavy)).toMatchObject({ ok: false, reason: 'IN_FLIGHT', retryAfter: 1 });
    const light = await limits.admit('t', 1);
    expect(light.ok).toBe(true);
    expect((await limits.admit('another', heavy)).ok).toBe(true);
    if (first.ok) first.release();
    if (light.ok) light.release();
    expect((await limits.admit('t', heavy)).ok).toBe(true);
  });

  test('caps the requests in flight per token: the next one is refused until one ends', async () => {
    const limits = new TokenLimits(memoryTokenBuckets(), { maxInFlight: 3 });
    const running = await Promise.all([1, 2, 3].map(() => limits.admit('t', 1)));
    expect(running.every((a) => a.ok)).toBe(true);
    expect(await limits.admit('t', 1)).toMatchObject({ ok: false, reason: 'IN_FLIGHT', retryAfter: 1 });
    expect((await limits.admit('another', 1)).ok).toBe(true);
    (running[0] as { release: () => void }).release();
    // Releasing twice frees one slot, not two.
    (running[0] as { release: () => void }).release();
    const next = await limits.admit('t', 1);
    expect(next.ok).toBe(true);
    expect(await limits.admit('t', 1)).toMatchObject({ ok: false, reason: 'IN_FLIGHT' });
  });

  test('two processes over one store share one budget, and leases spare the store most round trips', async () => {
    const now = 1_000_000;
    const { store, counter } = counted(memoryTokenBuckets(() => now));
    const a = new TokenLimits(store, { perSecond: 1, burst: 100, leaseUnits: 10 }, () => now);
    const b = new TokenLimits(store, { perSecond: 1, burst: 100, leaseUnits: 10 }, () => now);
    let served = 0;
    for (let i = 0; i < 200; i += 1) {
      const answer = await (i % 2 ? a : b).admit('shared', 1);
      if (answer.ok) {
        served += 1;
        answer.release();
      }
    }
    // One budget of 100, not 100 each.
    expect(served).toBe(100);
    // 10-unit leases: about one store trip per 10 requests served; refusals are answered locally.
    expect(counter.takes).toBeLessThan(30);
  });

  test('concurrent requests of one token wait for one store round trip instead of each making one', async () => {
    const { store, counter } = counted(memoryTokenBuckets());
    const limits = new TokenLimits(store, { leaseUnits: 10, maxInFlight: 100 });
    const answers = await Promise.all(Array.from({ length: 10 }, () => limits.admit('t', 1)));
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(counter.takes).toBe(1);
  });

  test("a busy token's leases grow with its pace, up to maxLeaseUnits and a quarter of the burst; after a pause they start small again", async () => {
    let now = 1_000_000;
    const { store, counter } = counted(memoryTokenBuckets(() => now));
    const limits = new TokenLimits(store, { perSecond: 1000, burst: 1000, leaseUnits: 10, maxLeaseUnits: 50, leaseMs: 1000 }, () => now);
    const steady = async (requests: number, everyMs: number) => {
      for (let i = 0; i < requests; i += 1) {
        const answer = await limits.admit('busy', 1);
        expect(answer.ok).toBe(true);
        if (answer.ok) answer.release();
        now += everyMs;
      }
    };
    // 20 requests a second: 10 units last half a second, so leases stay at 10.
    await steady(40, 50);
    expect(counter.wants.every((want) => want === 10)).toBe(true);
    expect(counter.takes).toBe(4);
    // 200 a second: the lease grows to what half a second takes (100), capped at 50.
    counter.wants.length = 0;
    await steady(200, 5);
    // The first lease was sized at the old pace; 210 units in 5 store trips instead of 20.
    expect(counter.wants).toEqual([10, 50, 50, 50, 50]);
    // Idle past the lease's life: the next lease is small again.
    now += 5_000;
    counter.wants.length = 0;
    await steady(1, 5);
    expect(counter.wants).toEqual([10]);
    // A small burst caps the lease at a quarter of it.
    const small = new TokenLimits(store, { perSecond: 1000, burst: 100, leaseUnits: 10, maxLeaseUnits: 50, leaseMs: 1000 }, () => now);
    counter.wants.length = 0;
    for (let i = 0; i < 100; i += 1) {
      const answer = await small.admit('small-burst', 1);
      if (answer.ok) answer.release();
      now += 5;
    }
    expect(Math.max(...counter.wants)).toBe(25);
  });

  test('a lease expires: its leftover is not spent after leaseMs', async () => {
    let now = 1_000_000;
    const { store, counter } = counted(memoryTokenBuckets(() => now));
    const limits = new TokenLimits(store, { leaseUnits: 10, leaseMs: 1000 }, () => now);
    await limits.admit('t', 1);
    await limits.admit('t', 1);
    expect(counter.takes).toBe(1);
    now += 1500;
    await limits.admit('t', 1);
    expect(counter.takes).toBe(2);
  });

  test('the shared store failing: the local fallback limits instead of failing every request', async () => {
    const broken: TokenBucketStore = { take: () => Promise.reject(new Error('connection refused')), close: async () => undefined };
    const outages: unknown[] = [];
    const limits = new TokenLimits(storeWithFallback(broken, memoryTokenBuckets(), (err) => outages.push(err)), { burst: 2, perSecond: 0.001, leaseUnits: 1 });
    expect((await limits.admit('t', 1)).ok).toBe(true);
    expect((await limits.admit('t', 1)).ok).toBe(true);
    expect(await limits.admit('t', 1)).toMatchObject({ ok: false, reason: 'BUDGET' });
    expect(outages).toHaveLength(1);
  });
});
