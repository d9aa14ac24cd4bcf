// The subgraph side of observability; logging, metrics, tracing and the access log are @pass/runtime's.
export { registerSubgraphGauges } from './subgraph-metrics';
export { traceResolvers } from './resolver-spans';
