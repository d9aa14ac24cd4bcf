import { createClient, type Client } from 'graphql-ws';
import type { Operation } from '../shared/api';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'offline';

export interface FeedItem {
  cursor: string;
  redemption: {
    id: string;
    redeemedAt: string;
    amountCents: number;
    venue: { name: string };
    session: { workshop: { topic: string } };
    voucher: { book: { distributor: { name: string } | null } };
  };
}

export interface LiveFeedOptions {
  token: string;
  programmeId: string;
  operation: Operation;
  onItem(item: FeedItem): void;
  onState(state: ConnectionState, detail?: string): void;
  /** After every (re)connection: figures may have moved while the feed was down. */
  onConnected(): void;
  /** The token was refused: retrying would not help. */
  onRefused(): void;
}

/** Close codes after which reconnecting cannot succeed (graphql-ws: 4401 unauthorised, 4403 forbidden). */
const FINAL_CLOSE_CODES = new Set([4400, 4401, 4403]);
const MAX_WAIT_MS = 5_000;

/**
 * The live feed of a programme's redemptions. graphql-ws's own retry would resubscribe with the
 * variables of the first subscription; this loop instead subscribes anew each time with the last
 * cursor seen as `after`, so what was redeemed while disconnected arrives once, in order.
 */
export function startLiveFeed(options: LiveFeedOptions): { stop(): void } {
  let lastCursor: string | null = null;
  let client: Client | null = null;
  let failures = 0;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;

  const retry = (reason: unknown) => {
    if (stopped) return;
    client?.dispose();
    client = null;
    const code = (reason as { code?: number } | null)?.code;
    // GraphQL errors (an array) mean the subscription itself was refused, e.g. another programme.
    if (Array.isArray(reason) || (code !== undefined && FINAL_CLOSE_CODES.has(code))) {
      stopped = true;
      options.onState('offline');
      options.onRefused();
      return;
    }
    failures += 1;
    const wait = Math.min(MAX_WAIT_MS, 500 * 2 ** Math.min(failures - 1, 4));
    options.onState('reconnecting', `nouvelle tentative dans ${Math.ceil(wait / 1000)} s`);
    timer = setTimeout(connect, wait);
  };

  function connect(): void {
    if (stopped) return;
    options.onState(failures === 0 ? 'connecting' : 'reconnecting');
    const current = createClient({
      url,
      lazy: false,
      retryAttempts: 0,
      keepAlive: 10_000,
      connectionParams: { authorization: `Bearer ${options.token}` },
      on: {
        connected: () => {
          failures = 0;
          options.onState('live');
          options.onConnected();
        },
      },
    });
    client = current;
    current.subscribe<{ redemptionRecorded: FeedItem }>(
      {
        query: options.operation.text,
        variables: { programmeId: options.programmeId, after: lastCursor },
        extensions: { persistedQuery: { version: 1, sha256Hash: options.operation.hash } },
      },
      {
        next: (result) => {
          const item = result.data?.redemptionRecorded;
          if (result.errors?.length) console.warn('feed errors', result.errors);
          if (!item) return;
          lastCursor = item.cursor;
          options.onItem(item);
        },
        error: (err) => {
          if (client === current) retry(err);
        },
        complete: () => {
          if (client === current) retry(null);
        },
      },
    );
  }

  connect();
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      client?.dispose();
      options.onState('offline');
    },
  };
}
