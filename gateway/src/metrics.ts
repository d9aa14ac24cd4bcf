import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram } from 'prom-client';
import {
  DURATION_BUCKETS_SECONDS,
  createServerMetrics,
  graphqlMetricsPlugin,
  startOperation,
  observeHttp,
  startTracingFromEnv,
  type Logger,
  type ServerMetrics,
} from '@pass/runtime';
import { observeSubgraphFetches } from './observability/subgraph-fetch';

/**
 * The gateway's metrics (prom-client, served at `/metrics`), access log (pino, see observeHttp) and traces
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
  /**
   * Each live event's age at each stage on its way to a socket, from its `redeemedAt` (taken
   * inside the redemption's transaction): where the latency of docs/live.md goes. `sent` is
   * counted once per socket, the others once per event (`woken`, `read`) or per group (`resolved`);
   * `role` is the subscribers' (venue, coordinator…) for `resolved` and `sent`, empty otherwise.
   */
  readonly liveEventDelay = new Histogram({
    name: 'gateway_live_event_delay_seconds',
    help: "Age of a live redemption event (since its redeemedAt) when the wake-up that read it came (woken), when its row was read (read), when its subscriber group's resolution returned (resolved) and when it was handed to a socket (sent), in seconds.",
    labelNames: ['stage', 'role'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.125, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1, 1.5, 2, 3, 5, 7.5, 10, 15, 20, 30],
    registers: [this.server.registry],
  });
  /** Answers a registered operation's plan gave without Apollo Server (edge/registered-plans.ts). */
  readonly registeredPlanAnswers = new Counter({
    name: 'gateway_registered_plan_answers_total',
    help: "GraphQL requests answered from a registered operation's query plan without Apollo Server's request pipeline (the others go through it: a text's first request, ad hoc operations, refused variables).",
    registers: [this.server.registry],
  });
  /** Registered plans' requests the gateway's plan runner answered, or handed back to Apollo's executor (edge/plan-runner.ts). */
  readonly planRunnerAnswers = new Counter({
    name: 'gateway_plan_runner_requests_total',
    help: "Requests of a registered plan run by the gateway's own plan runner, by outcome: answered, or handed_back to Apollo's executor (a subgraph answered errors or failed; the request ran again there).",
    labelNames: ['outcome'] as const,
    registers: [this.server.registry],
  });
  /** Entity fetches that rode in one subgraph call with others of the same request (edge/entity-batch.ts). */
  readonly mergedFetches = new Counter({
    name: 'gateway_subgraph_merged_fetches_total',
    help: "Entity fetches a query plan ran side by side to one subgraph that were sent in one call with the request's others (each still counts in gateway_subgraph_fetch_duration_seconds).",
    labelNames: ['subgraph'] as const,
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

  /** One operation answered without Apollo Server (edge/registered-plans.ts), counted as the plugin counts. */
  readonly operationStarted = (): ((operationType: string, failed: boolean) => void) => {
    this.registeredPlanAnswers.inc();
    return startOperation(this.server);
  };

  /** The data source of one subgraph, with its fetches timed and the trace context forwarded. */
  subgraph<TSource extends RemoteGraphQLDataSource<any>>(name: string, source: TSource): TSource {
    return observeSubgraphFetches(name, source, this.subgraphFetchDuration);
  }

  /**
   * The live server's sockets and subscriptions, read when scraped (docs/live.md): a gauge per
   * figure of `live.stats()`, for a dashboard and for `npm run bench:live` in the processes layout.
   */
  observeLive(stats: () => { connections: number; subscriptions: number; slowConsumersClosed: number }): void {
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
    new Counter({
      name: 'gateway_live_slow_consumers_closed_total',
      help: 'Live sockets this gateway process closed with SlowConsumer (4412): more events waited for them than PASS_LIVE_MAX_QUEUED_EVENTS.',
      registers: [this.server.registry],
      collect() {
        this.reset();
        this.inc(stats().slowConsumersClosed);
      },
    });
  }

  readonly serve: RequestHandler = async (_req, res) => {
    const { contentType, body } = await this.server.render();
    res.type(contentType).send(body);
  };
}
