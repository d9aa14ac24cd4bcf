import { runDdlOnce } from '@pass/runtime';
import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '@pass/runtime';
import { listenWithReconnect, type ChannelListener } from '@pass/runtime';

/**
 * The hub's fact log. A subgraph that changes a fact other subgraphs rely on (a programme's
 * window, a venue's qualification, a paid order…) appends an event to `bus.event` in the same
 * transaction as the change; every subgraph that needs the fact applies it to a replica table of
 * its own, and records how far it has read in the same transaction as the apply. So a fact is
 * published if and only if the change commits, and applied exactly once per consumer.
 * See docs/adr/0001-cross-subgraph-facts.md.
 */
export interface HubEvent<T = unknown> {
  topic: string;
  payload: T;
}

export type EventHandler = (payload: any, manager: EntityManager, seq: number) => Promise<void>;

const BUS_DDL = `
  create schema if not exists bus;
  create table if not exists bus.event (
    seq bigserial primary key,
    topic text not null,
    payload jsonb not null,
    published_at timestamptz not null default now()
  );
  create index if not exists event_topic_seq on bus.event (topic, seq);
`;

export const ensureEventBus = (url: string) => runDdlOnce(url, BUS_DDL);

/**
 * Appends events inside the caller's transaction. Publishers take one transaction-scoped lock, so
 * sequence numbers commit in order and a consumer reading `seq > last` never skips one that
 * commits late. Facts change rarely (programmes, orders, qualifications), so this costs nothing.
 */
export async function publish(manager: EntityManager, events: HubEvent[]): Promise<void> {
  if (events.length === 0) return;
  await manager.query('select pg_advisory_xact_lock(727002)');
  await manager.query(
    `insert into bus.event (topic, payload) select t, p from unnest($1::text[], $2::jsonb[]) as e(t, p)`,
    [events.map((e) => e.topic), events.map((e) => JSON.stringify(e.payload))],
  );
  await manager.query(`select pg_notify('bus', '')`);
}

export interface EventConsumer {
  /** Applies every event published so far; resolves once the replica is up to date. */
  catchUp(): Promise<number>;
  /** The backend pid of the LISTEN connection (null while it reconnects): for fault tests. */
  listenerPid(): number | null;
  stop(): Promise<void>;
}

/**
 * Applies the topics a subgraph subscribes to, in order, each batch in one transaction that also
 * moves the consumer's offset (table `consumed_event` in the subgraph's own schema).
 */
export async function startEventConsumer(options: {
  dataSource: DataSource;
  url: string;
  name: string;
  handlers: Record<string, EventHandler>;
  logger: Logger;
}): Promise<EventConsumer> {
  const { dataSource, handlers, name, logger } = options;
  const topics = Object.keys(handlers);
  await dataSource.query(
    `create table if not exists consumed_event (consumer text primary key, last_seq bigint not null)`,
  );
  await dataSource.query(
    `insert into consumed_event (consumer, last_seq) values ($1, 0) on conflict do nothing`,
    [name],
  );

  const applyBatch = async (): Promise<number> => {
    const runner = dataSource.createQueryRunner();
    runner.data = { background: true };
    await runner.connect();
    try {
      await runner.startTransaction();
      const manager = runner.manager;
      const [offset] = await manager.query(`select last_seq from consumed_event where consumer = $1 for update`, [name]);
      const last = Number(offset.last_seq);
      const events: { seq: string; topic: string; payload: unknown }[] = await manager.query(
        `select seq, topic, payload from bus.event where seq > $1 and topic = any($2) order by seq limit 500`,
        [last, topics],
      );
      for (const event of events) {
        const handler = handlers[event.topic];
        if (handler) await handler(event.payload, manager, Number(event.seq));
      }
      const lastEvent = events[events.length - 1];
      if (lastEvent) await manager.query(`update consumed_event set last_seq = $2 where consumer = $1`, [name, lastEvent.seq]);
      await runner.commitTransaction();
      return events.length;
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw err;
    } finally {
      await runner.release();
    }
  };

  // One drain at a time. A call while a drain runs asks for one more pass and shares its promise,
  // so every caller resolves only after a pass that started after its call.
  let running: Promise<number> | null = null;
  let requested = false;
  const drainUntilQuiet = async (): Promise<number> => {
    let applied = 0;
    while (requested) {
      requested = false;
      for (;;) {
        const n = await applyBatch();
        applied += n;
        if (n < 500) break;
      }
    }
    return applied;
  };
  const catchUp = (): Promise<number> => {
    requested = true;
    running ??= drainUntilQuiet().finally(() => {
      running = null;
    });
    return running;
  };

  if (topics.length === 0) return { catchUp: async () => 0, listenerPid: () => null, stop: async () => undefined };

  // The listener comes back by itself and wakes a catch-up on each return, so no poll is needed.
  const wake = () => {
    catchUp().catch((err) => logger.error({ err }, 'event consumer failed'));
  };
  const listener: ChannelListener = listenWithReconnect({ url: options.url, channel: 'bus', onWake: wake, logger });
  await listener.ready;
  await catchUp();

  return {
    catchUp,
    listenerPid: () => listener.backendPid(),
    stop: async () => {
      await listener.close();
      await running?.catch(() => undefined);
    },
  };
}

/**
 * Read-only, for monitoring: how many events on the consumer's topics are published but not yet
 * applied. Run as background work, so the N+1 guard's statement count never sees a scrape.
 */
export async function eventConsumerLag(dataSource: DataSource, name: string, topics: string[]): Promise<number> {
  if (topics.length === 0) return 0;
  const runner = dataSource.createQueryRunner();
  runner.data = { background: true };
  try {
    const [row] = await runner.query(
      `select count(*)::int as lag from bus.event e join consumed_event c on c.consumer = $1 where e.seq > c.last_seq and e.topic = any($2)`,
      [name, topics],
    );
    return row?.lag ?? 0;
  } finally {
    await runner.release();
  }
}
