import type { ExecutionResult } from 'graphql';
import type { Caller } from '@pass/access';
import type { Logger } from '@pass/runtime';
import type { LiveOperation } from './live-operation';
import type { LiveSubscription } from './live-subscription';
import { inScope, type LiveFilter, type LiveScope, type RedemptionRoute, type StageObserver } from './redemption-feed';

export type ResolveBatch = (group: SubscriberGroup, routes: RedemptionRoute[]) => Promise<{ cursor: string; result: ExecutionResult }[]>;

/**
 * Subscribers sharing a caller, a document and variables (but for `after`): each batch of events
 * is resolved once for all of them, through the supergraph as that caller, then fanned out.
 */
export class SubscriberGroup {
  readonly subscriptions = new Set<LiveSubscription>();
  /** Events offered while a resolution was running: resolved together by the next one. */
  private pending: RedemptionRoute[] = [];
  private running = false;

  constructor(
    readonly key: string,
    readonly caller: Caller,
    readonly plan: LiveOperation,
    readonly scope: LiveScope,
    readonly filter: LiveFilter,
    private readonly resolveBatch: ResolveBatch,
    private readonly logger: Logger,
    private readonly maxBatch = 100,
    private readonly observe?: StageObserver,
  ) {}

  /**
   * Live events from the feed, in order. One resolution runs at a time per group; whatever
   * arrives meanwhile waits in `pending` and is resolved by the next one, up to `maxBatch` events
   * at once: the busier the stream, the larger the batches, so the number of federated
   * executions per group is bounded by how long one takes, not by the rate of redemptions.
   */
  offer(routes: RedemptionRoute[]): void {
    for (const route of routes) if (inScope(route, this.scope, this.filter)) this.pending.push(route);
    if (this.pending.length > 0 && !this.running) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.pending.length > 0) {
        // At most `maxBatch` at a time: one burst of events never outgrows a socket's buffer by itself.
        const batch = this.pending.splice(0, this.maxBatch);
        try {
          // One retry: a keep-alive connection to a subgraph reset under our feet is not a failure.
          const events = await this.resolveBatch(this, batch).catch(() => this.resolveBatch(this, batch));
          if (this.observe) {
            const resolvedAt = Date.now();
            for (const route of batch) this.observe('resolved', route, resolvedAt, this.caller.role);
          }
          for (const subscription of this.subscriptions) for (const e of events) subscription.pushLive(e.cursor, e.result);
          if (this.observe && this.subscriptions.size > 0) {
            // Handed to graphql-ws, which writes each to its socket right after.
            const sentAt = Date.now();
            for (const route of batch) for (let i = 0; i < this.subscriptions.size; i++) this.observe('sent', route, sentAt, this.caller.role);
          }
        } catch (err) {
          this.logger.warn({ err }, 'live: resolving events failed; the subscribers resume from their cursor');
          // A failed subscription takes nothing more (LiveSubscription.give): the batches after
          // this one cannot reach it past the gap.
          for (const subscription of this.subscriptions) subscription.fail(new Error('events could not be resolved: resubscribe with your last cursor'));
        }
      }
    } finally {
      this.running = false;
    }
  }
}
