import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { Gauge, Histogram } from 'prom-client';
import {
  DURATION_BUCKETS_SECONDS,
  createServerMetrics,
  graphqlMetricsPlugin,
  observeHttp,
  startTracingFromEnv,
  type Logger,
  type ServerMetrics,
} from '@pass/runtime';
import { observeSubgraphFetches } from './observability/subgraph-fetch';

/**
 * The gateway's metrics (prom-client, served at `/metrics`), access log (pino-http) and traces
 * (OpenTelemetry, when the `OTEL_*` variables switch them on). The names are listed in
 * docs/observability.md; docs/alerts.yml reads them.
 */
export class Metrics {
  readonly server: ServerMetrics = createServerMetrics('gateway');
  readonly subgraphFetchDuration = new Histogram({
    name: 'gateway_subgraph_fetch_duration_seconds',
    help: 'Time of one fetch of a query plan to a subgraph, by subgraph and outcome (ok, or error when it failed or answered with errors), in seconds.',
    labelNames: ['subgraph', 'outcome'] as const,
    buckets: DURATION_BUCKETS_SECONDS,
    registers: [this.server.registry],
  });
  /** The first middleware: request id, access log, request metrics and the request's server span. */
  readonly requests: RequestHandler;

  constructor(logger: Logger) {
    // Before the gateway is built: Apollo's gateway finds the tracer provider when it plans.
    startTracingFromEnv('pass-hub');
    this.requests = observeHttp({ logger, metrics: this.server, part: 'gateway' });
  }

  plugin(): ApolloServerPlugin {
    return graphqlMetricsPlugin(this.server);
  }

  /** The data source of one subgraph, with its fetches timed and the trace context forwarded. */
  subgraph<TSource extends RemoteGraphQLDataSource<any>>(name: string, source: TSource): TSource {
    return observeSubgraphFetches(name, source, this.subgraphFetchDuration);
  }

  /**
   * The live server's sockets and subscriptions, read when scraped (docs/live.md): a gauge per
   * figure of `live.stats()`, for a dashboard and for `npm run bench:live` in the processes layout.
   */
  observeLive(stats: () => { connections: number; subscriptions: number }): void {
    new Gauge({
      name: 'gateway_live_connections',
      help: 'WebSocket connections open on the live server (graphql-ws, acknowledged or not) in this gateway process.',
      registers: [this.server.registry],
      collect() {
        this.set(stats().connections);
      },
    });
    new Gauge({
      name: 'gateway_live_subscriptions',
      help: 'Live subscriptions (redemptionRecorded) running in this gateway process: each receives events until it completes or its socket closes.',
      registers: [this.server.registry],
      collect() {
        this.set(stats().subscriptions);
      },
    });
  }

  readonly serve: RequestHandler = async (_req, res) => {
    const { contentType, body } = await this.server.render();
    res.type(contentType).send(body);
  };
}
