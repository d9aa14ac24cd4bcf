import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Request durations from a health check (a few ms) to a slow report (seconds). */
export const DURATION_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The metrics of one server (the gateway or one subgraph). Each has its own registry, labelled
 * `service="gateway"`, `service="programmes"`…, because `npm start` runs all five in one process
 * and each serves its own `/metrics`: prom-client's global registry would mix them.
 */
export interface ServerMetrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status_code'>;
  httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  /** 4xx answers, by status and by the error code the answer carried (UNAUTHENTICATED, RATE_LIMITED…). */
  refusedRequests: Counter<'status_code' | 'reason'>;
  graphqlOperations: Counter<'operation_type' | 'outcome'>;
  graphqlDuration: Histogram<'operation_type'>;
  /** The body of a `/metrics` answer, and its content type. */
  render(): Promise<{ contentType: string; body: string }>;
}

export function createServerMetrics(service: string): ServerMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  // Process metrics (CPU, memory, event-loop lag, GC, handles) come from prom-client's defaults.
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route and status code.',
      labelNames: ['method', 'route', 'status_code'],
      registers,
    }),
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from receiving an HTTP request to the end of its answer, in seconds.',
      labelNames: ['method', 'route', 'status_code'],
      buckets: DURATION_BUCKETS_SECONDS,
      registers,
    }),
    refusedRequests: new Counter({
      name: 'http_requests_refused_total',
      help: 'Requests refused with a 4xx status, by status code and reason (the error code of the answer, e.g. UNAUTHENTICATED, PERSISTED_OPERATION_REQUIRED, PAYLOAD_TOO_LARGE, RATE_LIMITED, GRAPHQL_PARSE_FAILED).',
      labelNames: ['status_code', 'reason'],
      registers,
    }),
    graphqlOperations: new Counter({
      name: 'graphql_operations_total',
      help: 'GraphQL operations executed, by operation type (query, mutation, subscription, or invalid when it never got that far) and outcome (ok, or error when the answer carries errors).',
      labelNames: ['operation_type', 'outcome'],
      registers,
    }),
    graphqlDuration: new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'Time to execute one GraphQL operation, from parsing to the answer, in seconds.',
      labelNames: ['operation_type'],
      buckets: DURATION_BUCKETS_SECONDS,
      registers,
    }),
    render: async () => ({ contentType: registry.contentType, body: await registry.metrics() }),
  };
}

/**
 * Starts timing one GraphQL operation; the returned call counts it when it is answered. Apollo
 * Server's plugin below and the gateway's registered-plan path (which runs without Apollo Server)
 * both count through it, so the two paths add to the same figures.
 */
export function startOperation(metrics: ServerMetrics): (operationType: string, failed: boolean) => void {
  const stopTimer = metrics.graphqlDuration.startTimer();
  return (operationType, failed) => {
    metrics.graphqlOperations.inc({ operation_type: operationType, outcome: failed ? 'error' : 'ok' });
    stopTimer({ operation_type: operationType });
  };
}

/** Counts and times every GraphQL operation that Apollo Server handles. */
export function graphqlMetricsPlugin(metrics: ServerMetrics): ApolloServerPlugin {
  return {
    requestDidStart: async () => {
      const answered = startOperation(metrics);
      return {
        willSendResponse: async ({ operation, errors, response }) => {
          const failed = Boolean(errors?.length) || (response.body.kind === 'single' && Boolean(response.body.singleResult.errors?.length));
          answered(operation?.operation ?? 'invalid', failed);
        },
      };
    },
  };
}
