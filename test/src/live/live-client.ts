import WebSocket from 'ws';

/**
 * A bare graphql-ws (graphql-transport-ws) client for tests: it records every message and the
 * close code, and can stop reading its socket to play a slow consumer.
 */
export interface LiveClient {
  socket: WebSocket;
  /** `next` payloads by subscription id, in arrival order. */
  received: Map<string, any[]>;
  errors: Map<string, any[]>;
  completed: Set<string>;
  closed: Promise<{ code: number; reason: string }>;
  subscribe(id: string, query: string, variables?: Record<string, unknown>): void;
  complete(id: string): void;
  /** Resolves once `count` events arrived on `id` (or rejects when the socket closes first). */
  waitFor(id: string, count: number, timeoutMs?: number): Promise<any[]>;
  /** Resolves when an `error` message arrives for `id`. */
  waitForError(id: string, timeoutMs?: number): Promise<any[]>;
  close(): Promise<void>;
}

export const wsUrlOf = (gatewayUrl: string) => gatewayUrl.replace(/^http/, 'ws');

/** Connects and sends `connection_init`; resolves on `connection_ack`, or with the close if refused. */
export async function connectLive(gatewayUrl: string, token: string | null, params?: Record<string, unknown>): Promise<LiveClient> {
  const socket = new WebSocket(wsUrlOf(gatewayUrl), 'graphql-transport-ws');
  const received = new Map<string, any[]>();
  const errors = new Map<string, any[]>();
  const completed = new Set<string>();
  const waiters = new Set<() => void>();
  let acked!: () => void;
  const ack = new Promise<void>((resolve) => (acked = resolve));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => {
      resolve({ code, reason: reason.toString() });
      for (const w of waiters) w();
    });
  });
  socket.on('error', () => undefined);
  socket.on('open', () => {
    socket.send(JSON.stringify({ type: 'connection_init', payload: params ?? (token ? { authorization: `Bearer ${token}` } : {}) }));
  });
  socket.on('message', (raw) => {
    const message = JSON.parse(raw.toString());
    if (message.type === 'connection_ack') acked();
    else if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong' }));
    else if (message.type === 'next') received.set(message.id, [...(received.get(message.id) ?? []), message.payload]);
    else if (message.type === 'error') errors.set(message.id, message.payload);
    else if (message.type === 'complete') completed.add(message.id);
    for (const w of waiters) w();
  });
  await Promise.race([ack, closed]);

  const until = <T>(check: () => T | undefined, what: string, timeoutMs: number) =>
    new Promise<T>((resolve, reject) => {
      const test = () => {
        const value = check();
        if (value !== undefined) return done(() => resolve(value));
        if (socket.readyState === WebSocket.CLOSED) return done(() => reject(new Error(`socket closed while waiting for ${what}`)));
      };
      const timer = setTimeout(() => done(() => reject(new Error(`timed out waiting for ${what}`))), timeoutMs);
      const done = (then: () => void) => {
        clearTimeout(timer);
        waiters.delete(test);
        then();
      };
      waiters.add(test);
      test();
    });

  return {
    socket,
    received,
    errors,
    completed,
    closed,
    subscribe: (id, query, variables) => socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } })),
    complete: (id) => socket.send(JSON.stringify({ id, type: 'complete' })),
    waitFor: (id, count, timeoutMs = 60_000) =>
      until(() => ((received.get(id)?.length ?? 0) >= count ? received.get(id)! : undefined), `${count} events on ${id}`, timeoutMs),
    waitForError: (id, timeoutMs = 30_000) => until(() => errors.get(id), `an error on ${id}`, timeoutMs),
    close: async () => {
      if (socket.readyState === WebSocket.OPEN || socket.readyState === WebSocket.CONNECTING) socket.close(1000);
      await closed;
    },
  };
}

/** Everything a selection of `redemptionRecorded` can reach, from the four subgraphs. */
export const EVENT_FIELDS = `cursor redemption { id amountCents venue { name } session { workshop { topic axis } }
  voucher { book { distributor { name } programme { name } } } }`;

export const SUBSCRIBE = `subscription Live($programmeId: ID, $venueId: ID, $after: String) {
  redemptionRecorded(programmeId: $programmeId, venueId: $venueId, after: $after) { ${EVENT_FIELDS} }
}`;

export const SUBSCRIBE_IDS = `subscription LiveIds($programmeId: ID, $venueId: ID, $after: String) {
  redemptionRecorded(programmeId: $programmeId, venueId: $venueId, after: $after) { cursor redemption { id } }
}`;
