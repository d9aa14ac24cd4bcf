import { CALLER_HEADER, Role, type Caller } from '@pass/access';
import { listenWithReconnect, type ChannelListener, type Logger } from '@pass/runtime';

/** A redemption's place in the stream and what routes it to subscribers. */
export interface RedemptionRoute {
  cursor: string;
  redemptionId: string;
  venueId: string;
  programmeId: string;
  distributorId: string | null;
  /** When the redemption was recorded (inside its transaction): the origin of the stage timings. */
  redeemedAt: string;
}

/**
 * Where an event stands on its way to a socket, for the per-stage latency metric: the wake-up
 * that read it (NOTIFY or poll), its row read, its group's resolution, its hand-over to a socket.
 */
export type LiveStage = 'woken' | 'read' | 'resolved' | 'sent';
/** `role` is the subscriber group's caller's, for the stages that have one (resolved, sent). */
export type StageObserver = (stage: LiveStage, route: RedemptionRoute, at: number, role?: string) => void;

/** What a subscriber may receive: any match of the lists, or everything. */
export interface LiveScope {
  all: boolean;
  venueIds: string[];
  programmeIds: string[];
  distributorIds: string[];
}

export interface LiveFilter {
  programmeId: string | null;
  venueId: string | null;
}

export const inScope = (route: RedemptionRoute, scope: LiveScope, filter: LiveFilter) =>
  (scope.all ||
    scope.venueIds.includes(route.venueId) ||
    scope.programmeIds.includes(route.programmeId) ||
    (route.distributorId !== null && scope.distributorIds.includes(route.distributorId))) &&
  (filter.programmeId === null || filter.programmeId === route.programmeId) &&
  (filter.venueId === null || filter.venueId === route.venueId);

/** The gateway reading the stream for itself: an operator-level caller no partner holds. */
const FEED_CALLER: Caller = { organisationId: 'gateway-live', role: Role.OPERATOR, scopes: ['read'], tokenId: 'gateway-live-feed' };

export class SubgraphCallError extends Error {
  constructor(
    message: string,
    readonly errors: { message: string; extensions?: { code?: string } }[] = [],
  ) {
    super(message);
  }
}

/**
 * Calls the vouchers subgraph directly for the stream's hidden fields (`@inaccessible` in the
 * supergraph), with a caller assertion like every gateway call: the gateway's signer, which
 * reuses one assertion per caller for most of its minute (a fresh signature per read would also
 * make the subgraph verify a new one each time).
 */
export class StreamReader {
  constructor(
    private readonly url: () => string,
    private readonly signAssertion: (caller: Caller) => Promise<string>,
  ) {}

  async call<T>(caller: Caller, query: string, variables: Record<string, unknown>): Promise<T> {
    const response = await fetch(this.url(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CALLER_HEADER]: await this.signAssertion(caller) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(30_000),
    });
    const body = (await response.json()) as { data?: T; errors?: SubgraphCallError['errors'] };
    if (body.errors?.length || !body.data) throw new SubgraphCallError(body.errors?.[0]?.message ?? `vouchers answered ${response.status}`, body.errors);
    return body.data;
  }

  async head(): Promise<string> {
    return (await this.call<{ redemptionStreamHead: string }>(FEED_CALLER, '{ redemptionStreamHead }', {})).redemptionStreamHead;
  }

  async after(after: string | null, first: number, scope: LiveScope, filter: LiveFilter): Promise<RedemptionRoute[]> {
    const data = await this.call<{ redemptionStream: RedemptionRoute[] }>(
      FEED_CALLER,
      `query Stream($after: String, $first: Int!, $scope: LiveRedemptionScopeInput!, $programmeId: ID, $venueId: ID) {
        redemptionStream(after: $after, first: $first, scope: $scope, programmeId: $programmeId, venueId: $venueId) {
          cursor redemptionId venueId programmeId distributorId redeemedAt
        }
      }`,
      { after, first, scope, ...filter },
    );
    return data.redemptionStream;
  }

  /** The subscriber's scope, checked by the subgraph as that subscriber (a refusal is thrown). */
  async scopeOf(caller: Caller, filter: LiveFilter): Promise<LiveScope> {
    const data = await this.call<{ liveRedemptionScope: LiveScope }>(
      caller,
      `query Scope($programmeId: ID, $venueId: ID) { liveRedemptionScope(programmeId: $programmeId, venueId: $venueId) { all venueIds programmeIds distributorIds } }`,
      { ...filter },
    );
    return data.liveRedemptionScope;
  }
}

const EVERYTHING: LiveScope = { all: true, venueIds: [], programmeIds: [], distributorIds: [] };
const NO_FILTER: LiveFilter = { programmeId: null, venueId: null };
const PAGE = 500;

/**
 * The gateway's one reader of the stream: it starts at the head, and each wake-up (NOTIFY, a
 * reconnection of the listener, or the safety poll) reads every final event after its position,
 * in order, and hands each batch to the subscriptions. A failed read (vouchers restarting) keeps
 * the position and retries, so nothing is skipped.
 *
 * It reads only while a subscription holds it (`hold`): with nobody subscribed, every redemption's
 * NOTIFY made it read the stream through the vouchers subgraph for no one (issue 12: 0.37 ms of
 * PostgreSQL per redemption, a fifth of its execution time then, lock waits aside). The first hold after such
 * a pause moves the position to the head before the subscription is registered, so a subscriber
 * without a cursor never gets what happened before it came; one with a cursor replays from it.
 */
export class RedemptionFeed {
  private position: string | null = null;
  private listener: ChannelListener | null = null;
  private poll: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private requested = false;
  private stopped = false;
  private failures = 0;
  /** Subscriptions holding the feed; with none, wake-ups read nothing. */
  private holders = 0;
  /** Wake-ups were skipped with nobody holding: the position is behind the head. */
  private stale = false;
  private resyncing: Promise<void> | null = null;
  /** When the first wake-up not yet served by a read came (for the `woken` stage). */
  private wokenAt: number | null = null;
  private readonly consumers = new Set<(routes: RedemptionRoute[]) => void>();

  constructor(
    private readonly reader: StreamReader,
    private readonly options: { databaseUrl?: string; pollMs?: number; logger: Logger; observe?: StageObserver },
  ) {}

  /** The position every batch handed out so far ends at. */
  get cursor(): string | null {
    return this.position;
  }

  onBatch(consumer: (routes: RedemptionRoute[]) => void): () => void {
    this.consumers.add(consumer);
    return () => this.consumers.delete(consumer);
  }

  async start(): Promise<void> {
    for (;;) {
      try {
        this.position = await this.reader.head();
        break;
      } catch (err) {
        if (this.stopped) return;
        this.options.logger.warn({ err }, 'live feed: the stream head is not readable yet; retrying');
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
    if (this.options.databaseUrl) {
      this.listener = listenWithReconnect({
        url: this.options.databaseUrl,
        channel: 'redemption_recorded',
        onWake: () => this.wake(),
        logger: this.options.logger,
      });
    }
    // NOTIFY only wakes; without it (no database URL) the poll is the only wake-up.
    const pollMs = this.options.pollMs ?? (this.options.databaseUrl ? 5000 : 250);
    this.poll = setInterval(() => this.wake(), pollMs);
    this.poll.unref();
  }

  /**
   * Keeps the feed reading until the returned release is called (once per subscription). When the
   * feed paused for want of holders, its position first moves to the stream's head; that read can
   * fail (vouchers unreachable), and then nothing is held.
   */
  async hold(): Promise<() => void> {
    this.holders += 1;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.holders -= 1;
    };
    try {
      await this.resync();
    } catch (err) {
      release();
      throw err;
    }
    return release;
  }

  /** Moves a stale position to the head, after any read under way; concurrent holders share it. */
  private async resync(): Promise<void> {
    if (!this.stale) return;
    this.resyncing ??= (async () => {
      await this.running?.catch(() => undefined);
      this.position = await this.reader.head();
      this.stale = false;
    })().finally(() => {
      this.resyncing = null;
    });
    await this.resyncing;
    void this.wake();
  }

  /** Reads until nothing new is final; concurrent calls share one pass and ask for another. */
  wake(): Promise<void> {
    this.requested = true;
    this.wokenAt ??= Date.now();
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    while (this.requested && !this.stopped && this.position !== null) {
      this.requested = false;
      // Nobody to hand events to: skip the read, and move to the head when someone comes. While
      // that move is under way, reading from the old position would hand them older events.
      if (this.holders === 0 || this.stale) {
        this.stale = true;
        this.wokenAt = null;
        return;
      }
      const wokenAt = this.wokenAt ?? Date.now();
      this.wokenAt = null;
      try {
        for (;;) {
          const routes = await this.reader.after(this.position, PAGE, EVERYTHING, NO_FILTER);
          if (routes.length === 0) break;
          if (this.options.observe) {
            const readAt = Date.now();
            for (const route of routes) {
              this.options.observe('woken', route, wokenAt);
              this.options.observe('read', route, readAt);
            }
          }
          this.position = routes[routes.length - 1]!.cursor;
          for (const consumer of this.consumers) consumer(routes);
          if (routes.length < PAGE) break;
        }
        this.failures = 0;
      } catch (err) {
        this.failures += 1;
        this.options.logger.warn({ err, failures: this.failures }, 'live feed: reading the stream failed; retrying from the same cursor');
        const delay = Math.min(5000, 100 * 2 ** this.failures);
        setTimeout(() => void this.wake(), delay).unref();
        return;
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    await this.listener?.close();
    await this.running?.catch(() => undefined);
  }
}
