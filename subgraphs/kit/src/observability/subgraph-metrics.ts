import { Counter, Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import { eventConsumerLag } from '../events/event-bus';
import { sqlStatements } from '../db/data-source';
import type { Logger, ServerMetrics } from '@pass/runtime';

/** The part of `pg.Pool` that says how busy it is. */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options: { max?: number };
}

/**
 * Gauges read at scrape time (nothing runs between scrapes): the subgraph's connection pool, how
 * far its event consumer is behind the fact log, and the SQL statements its requests sent. The
 * alert rules in docs/alerts.yml read them.
 */
export function registerSubgraphGauges(
  metrics: ServerMetrics,
  options: { dataSource: DataSource; consumer: string; topics: string[]; logger: Logger },
): void {
  const registers = [metrics.registry];
  const pool = () => (options.dataSource.driver as unknown as { master?: PgPool }).master;
  new Gauge({
    name: 'db_pool_connections_in_use',
    help: 'Connections of the subgraph\'s PostgreSQL pool lent to a query or transaction right now.',
    registers,
    collect() {
      const p = pool();
      if (p) this.set(p.totalCount - p.idleCount);
    },
  });
  new Gauge({
    name: 'db_pool_connections_idle',
    help: 'Open connections of the subgraph\'s PostgreSQL pool waiting for work.',
    registers,
    collect() {
      const p = pool();
      if (p) this.set(p.idleCount);
    },
  });
  new Gauge({
    name: 'db_pool_connections_max',
    help: 'The most connections the subgraph\'s PostgreSQL pool may open (its size).',
    registers,
    collect() {
      const p = pool();
      if (p) this.set(p.options.max ?? 10);
    },
  });
  new Gauge({
    name: 'db_pool_waiting_requests',
    help: 'Queries waiting for a free connection of the subgraph\'s PostgreSQL pool.',
    registers,
    collect() {
      const p = pool();
      if (p) this.set(p.waitingCount);
    },
  });
  new Counter({
    name: 'db_statements_total',
    help: "SQL statements the subgraph's requests sent to PostgreSQL (background work, such as replicating facts or a scrape, excluded): per request, a list's cost must not grow with its length.",
    registers,
    collect() {
      this.reset();
      // Counted per schema, and a subgraph's schema carries its name (as its consumer does).
      this.inc(sqlStatements.get(options.consumer) ?? 0);
    },
  });
  new Gauge({
    name: 'event_consumer_lag_events',
    help: 'Events published on the topics this subgraph replicates that it has not applied yet.',
    labelNames: ['consumer'],
    registers,
    async collect() {
      if (!options.dataSource.isInitialized) return;
      try {
        this.set({ consumer: options.consumer }, await eventConsumerLag(options.dataSource, options.consumer, options.topics));
      } catch (err) {
        // A scrape must answer even when the database does not: the pool gauges say why.
        options.logger.warn({ err }, 'event consumer lag unavailable');
      }
    },
  });
}
