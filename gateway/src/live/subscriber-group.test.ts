import type { ExecutionResult } from 'graphql';
import { Role, type Caller } from '@pass/access';
import { createLogger } from '@pass/runtime';
import type { LiveOperation } from './live-operation';
import { LiveSubscription } from './live-subscription';
import type { LiveScope, RedemptionRoute } from './redemption-feed';
import { SubscriberGroup } from './subscriber-group';

const caller: Caller = { organisationId: 'venue-a', role: Role.VENUE, scopes: ['read'], tokenId: 'token-a' };
const plan: LiveOperation = {
  rootKey: 'redemptionRecorded',
  eventFields: [{ key: 'cursor', kind: 'cursor' }],
  query: null,
  queryVariables: {},
  idsVariable: 'ids',
  programmeId: null,
  venueId: null,
  after: null,
  afterVariable: null,
};
const scope: LiveScope = { all: false, venueIds: ['venue-a'], programmeIds: [], distributorIds: [] };
const route = (seq: number, venueId = 'venue-a'): RedemptionRoute => ({
  cursor: `100.${seq}`,
  redemptionId: `r${seq}`,
  venueId,
  programmeId: 'p',
  distributorId: null,
  redeemedAt: new Date(0).toISOString(),
});

/** A resolver that records each batch it is given and answers when the test says so. */
function heldResolver() {
  const batches: string[][] = [];
  const releases: (() => void)[] = [];
  const resolveBatch = (_group: SubscriberGroup, routes: RedemptionRoute[]) => {
    batches.push(routes.map((r) => r.cursor));
    return new Promise<{ cursor: string; result: ExecutionResult }[]>((resolve) => {
      releases.push(() => resolve(routes.map((r) => ({ cursor: r.cursor, result: { data: { redemptionRecorded: { cursor: r.cursor } } } }))));
    });
  };
  return { batches, releases, resolveBatch };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

async function take(subscription: LiveSubscription, n: number): Promise<string[]> {
  const cursors: string[] = [];
  for (let i = 0; i < n; i++) {
    const { value } = await subscription.next();
    cursors.push((value!.data!.redemptionRecorded as { cursor: string }).cursor);
  }
  return cursors;
}

describe('SubscriberGroup', () => {
  const logger = createLogger('subscriber-group-test');
  /** A group of the venue's caller and plan that resolves its batches with `resolve`. */
  const groupResolving = (resolve: ConstructorParameters<typeof SubscriberGroup>[5]) =>
    new SubscriberGroup('k', caller, plan, scope, { programmeId: null, venueId: null }, resolve, logger);

  it('resolves the events that arrive during a resolution together, in one batch, and delivers all of them in order', async () => {
    const resolver = heldResolver();
    const group = groupResolving(resolver.resolveBatch);
    const subscriptions = [0, 1].map(() => new LiveSubscription(null, 100, () => undefined, () => undefined));
    for (const s of subscriptions) group.subscriptions.add(s);

    group.offer([route(1)]);
    // While the first resolution runs, three feed batches arrive (one event of another venue).
    group.offer([route(2)]);
    group.offer([route(3), route(4, 'venue-b')]);
    group.offer([route(5)]);
    expect(resolver.batches).toEqual([['100.1']]);

    resolver.releases[0]!();
    await flush();
    expect(resolver.batches).toEqual([['100.1'], ['100.2', '100.3', '100.5']]);
    resolver.releases[1]!();
    await flush();

    for (const s of subscriptions) expect(await take(s, 4)).toEqual(['100.1', '100.2', '100.3', '100.5']);
    // Idle again: the next event starts a resolution of its own at once.
    group.offer([route(6)]);
    expect(resolver.batches).toHaveLength(3);
    expect(resolver.batches[2]).toEqual(['100.6']);
  });

  it('resolves a backlog in batches of at most maxBatch events, in order', async () => {
    const resolver = heldResolver();
    const group = new SubscriberGroup('k', caller, plan, scope, { programmeId: null, venueId: null }, resolver.resolveBatch, logger, 100);
    group.offer([route(1)]);
    group.offer(Array.from({ length: 250 }, (_, i) => route(i + 2)));
    for (let i = 0; i < 4; i++) {
      resolver.releases[i]!();
      await flush();
    }
    expect(resolver.batches.map((b) => b.length)).toEqual([1, 100, 100, 50]);
    expect(resolver.batches.flat()).toEqual(Array.from({ length: 251 }, (_, i) => `100.${i + 1}`));
  });

  it('ends its subscribers with an error when a batch cannot be resolved twice, and resolves later events again', async () => {
    let calls = 0;
    const group = groupResolving(async (_group, routes) => {
        calls += 1;
        if (routes[0]!.cursor === '100.1') throw new Error('vouchers is restarting');
        return routes.map((r) => ({ cursor: r.cursor, result: { data: { redemptionRecorded: { cursor: r.cursor } } } }));
    });
    const failing = new LiveSubscription(null, 100, () => undefined, () => undefined);
    group.subscriptions.add(failing);
    group.offer([route(1)]);
    await expect(failing.next()).rejects.toThrow(/resubscribe with your last cursor/);
    expect(calls).toBe(2);

    group.subscriptions.delete(failing);
    const resumed = new LiveSubscription('100.1', 100, () => undefined, () => undefined);
    resumed.goLive();
    group.subscriptions.add(resumed);
    group.offer([route(2)]);
    expect(await take(resumed, 1)).toEqual(['100.2']);
  });

  it('gives a subscriber nothing after a batch that failed, not even a later batch that resolved', async () => {
    const resolver = heldResolver();
    let failures = 0;
    const group = groupResolving((g, routes) => {
        if (routes[0]!.cursor === '100.1') {
          failures += 1;
          return Promise.reject(new Error('vouchers is restarting'));
        }
        return resolver.resolveBatch(g, routes);
    });
    // Not reading: the error and the later event would both wait in the subscription.
    const subscription = new LiveSubscription(null, 100, () => undefined, () => undefined);
    group.subscriptions.add(subscription);
    group.offer([route(1)]);
    group.offer([route(2)]);
    for (let i = 0; i < 5 && resolver.releases.length === 0; i++) await flush();
    expect(failures).toBe(2);
    resolver.releases[0]!();
    await flush();
    expect(resolver.batches).toEqual([['100.2']]);
    expect(subscription.queued).toBe(0);
    await expect(subscription.next()).rejects.toThrow(/resubscribe with your last cursor/);
  });
});
