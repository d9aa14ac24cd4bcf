export { createLogger, type Logger } from './log';
export { hideInternalErrors } from './hide-internal-errors';
export { runDdlOnce } from './ddl';
export { listenWithReconnect, type ChannelListener, type ListenOptions } from './listener';
export { createServerMetrics, graphqlMetricsPlugin, startOperation, DURATION_BUCKETS_SECONDS, type ServerMetrics } from './observability/metrics';
export { observeHttp } from './observability/http';
export { contentTypeFor, operationKey, writeApolloAnswer, type AnswerStyle, type ExecutionOutcome } from './http/apollo-answer';
export { answerWithApollo, bodyLimitBytes, isGraphqlPath, isJsonContentType, readJsonBody, sendRefusal, type Refusal } from './http/graphql-over-http';
export { REQUEST_ID_HEADER, requestIdFrom } from './observability/request-id';
export { startTracing, startTracingFromEnv, stopTracing, tracingActive, tracingConfigFromEnv, tracerFor, endSpan, type TracingConfig } from './observability/tracing';
export {
  loadConfig,
  loadGatewayProcessConfig,
  loadSubgraphProcessConfig,
  loadCliConfig,
  loadDatabaseUrl,
  defaultIntrospectionRoles,
  ConfigError,
  type ConfigProblem,
  type DatabaseConfig,
  type HubConfig,
  type GatewayProcessConfig,
  type SubgraphProcessConfig,
  type CliConfig,
  type PublicJwk,
  type LiveSettings,
} from './config/config';
export { CONFIG_VARIABLES, type ConfigVariable } from './config/variables';
