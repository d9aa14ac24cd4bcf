export { createServerMetrics, graphqlMetricsPlugin, DURATION_BUCKETS_SECONDS, type ServerMetrics } from './metrics';
export { observeHttp } from './http';
export { REQUEST_ID_HEADER, requestIdFrom } from './request-id';
export { registerSubgraphGauges } from './subgraph-metrics';
export { traceResolvers } from './resolver-spans';
export { startTracing, startTracingFromEnv, stopTracing, tracingActive, tracingConfigFromEnv, tracerFor, endSpan, type TracingConfig } from './tracing';
