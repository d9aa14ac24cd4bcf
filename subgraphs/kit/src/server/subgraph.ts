import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { Counter } from 'prom-client';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import type { NonEmptyArray } from 'type-graphql';
import type { JWK } from 'jose';
import type { SubgraphName } from '@pass/contracts';
import type { SubgraphContext } from '../context';
import { callerAssertionVerifier, ensureHubAuth } from '@pass/access';
import { openSubgraphDataSource } from '../db/data-source';
import { appendRequestAudit, auditPlugin, newAuditTrail, type AuditTrailState } from '../audit/audit';
import { ensureAuditLog } from '../audit/audit.store';
import { ensureEventBus, startEventConsumer, type EventConsumer, type EventHandler } from '../events/event-bus';
import { buildFederatedSchema, type FederatedSchema, type ReferenceResolvers } from '../schema/federation';
import { registerSubgraphGauges } from '../observability/subgraph-metrics';
import { traceResolvers } from '../observability/resolver-spans';
import {
  bodyLimitBytes,
  ConfigError,
  isGraphqlPath,
  createLogger,
  createServerMetrics,
  graphqlMetricsPlugin,
  startOperation,
  hideInternalErrors,
  loadSubgraphProcessConfig,
  observeHttp,
  startTracingFromEnv,
  stopTracing,
  tracingActive,
  type Logger,
  type ServerMetrics,
  type SubgraphProcessConfig,
} from '@pass/runtime';
import { FileClock, realTime, type Clock } from '../time/clock';
import { graphqlOverHttp } from './graphql-http';
import { ValidatedOperations } from './validated-operations';

/** Everything that makes one subgraph; the kit turns it into a server. */
export interface SubgraphModule<TLoaders> {
  /** Also the name of its PostgreSQL schema. */
  name: SubgraphName;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  references: ReferenceResolvers;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  createLoaders(dataSource: DataSource): TLoaders;
  /** Facts this subgraph replicates from others, by event topic. */
  eventHandlers?: Record<string, EventHandler>;
  /** JSON body limit from the gateway, 1 MB unless an operation needs more (a venue file import). */
  bodyLimit?: string;
}

export interface Subgraph {
  name: string;
  sdl: string;
  dataSource: DataSource;
  events: EventConsumer;
  logger: Logger;
  /** What its `/metrics` serves. */
  metrics: ServerMetrics;
  /**
   * Binds the HTTP server (port 0 picks a free one) and returns the GraphQL URL. With a socket
   * path it listens there as well, for the gateway: the same routes, without loopback TCP.
   */
  listen(port?: number, host?: string, socketPath?: string): Promise<string>;
  /** Stops taking requests, lets running ones finish, then closes the database. */
  close(): Promise<void>;
}

const schemaCache = new WeakMap<object, Promise<FederatedSchema>>();

/** The SDL needs no database: composition and the staleness test call this alone. */
export function federatedSchemaOf(module: SubgraphModule<unknown>): Promise<FederatedSchema> {
  let built = schemaCache.get(module);
  if (!built) {
    built = buildFederatedSchema(module);
    schemaCache.set(module, built);
  }
  return built;
}

/**
 * Builds a subgraph with no side effect beyond its database: migrations run, replicas catch up,
 * and nothing listens until `listen` is called. Tests and the CLI call this same function.
 */
export async function createSubgraph<TLoaders>(
  module: SubgraphModule<TLoaders>,
  options: {
    databaseUrl: string;
    logger?: Logger;
    gatewayPublicKey: JWK;
    /** The rules' time; the real time unless given (the test hub gives a settable one). */
    clock?: Clock;
  },
): Promise<Subgraph> {
  const clock = options.clock ?? realTime;
  const verifyCaller = callerAssertionVerifier(options.gatewayPublicKey);
  const logger = options.logger ?? createLogger(`subgraph-${module.name}`);
  startTracingFromEnv('pass-hub');
  const { schema, sdl } = await federatedSchemaOf(module as SubgraphModule<unknown>);
  if (tracingActive()) traceResolvers(schema, module.name, module.resolvers);
  await ensureEventBus(options.databaseUrl);
  await ensureAuditLog(options.databaseUrl);
  await ensureHubAuth(options.databaseUrl);
  const dataSource = await openSubgraphDataSource({
    url: options.databaseUrl,
    schema: module.name,
    entities: module.entities,
    migrations: module.migrations,
    logger,
  });
  const events = await startEventConsumer({
    dataSource,
    url: options.databaseUrl,
    name: module.name,
    handlers: module.eventHandlers ?? {},
    logger,
  });

  const metrics = createServerMetrics(module.name);
  registerSubgraphGauges(metrics, { dataSource, consumer: module.name, topics: Object.keys(module.eventHandlers ?? {}), logger });

  // Every request is observed (request id, access log, metrics); `/graphql` then goes straight to
  // graphql-http.ts, the rest (health, metrics) through Express, as in the gateway.
  const observe = observeHttp({ logger, metrics, part: module.name });
  const app = express();
  // Set once Apollo Server has started (it needs the HTTP server first, to drain it on close).
  const route: { graphql?: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> } = {};
  const handle: http.RequestListener = (req, res) => {
    observe(req as express.Request, res as express.Response, () => {
      const graphql = route.graphql;
      if (graphql && isGraphqlPath(req.url)) void graphql(req, res);
      else void app(req, res);
    });
  };
  const newServer = (): http.Server => {
    const server = http.createServer(handle);
    // The gateway's agent keeps idle sockets open with no time limit; a subgraph closing one after
    // Node's default 5 s races with the gateway reusing it ("socket hang up" on a busy machine).
    server.keepAliveTimeout = 120_000;
    server.headersTimeout = 121_000;
    return server;
  };
  const httpServer = newServer();
  const formatError = (formatted: GraphQLFormattedError, error: unknown) => hideInternalErrors(formatted, error, logger);
  // Texts the gateway sent before, answered without Apollo Server's pipeline (validated-operations.ts).
  const validatedAnswers = new Counter({
    name: 'subgraph_validated_operation_answers_total',
    help: "GraphQL requests answered from a text validated before, without Apollo Server's request pipeline (a text's first request and refused variables go through it).",
    registers: [metrics.registry],
  });
  const validated = process.env.PASS_SUBGRAPH_VALIDATED_OPERATIONS === '0' ? null : new ValidatedOperations(schema, formatError, () => validatedAnswers.inc());
  // The Unix socket's server, when `listen` is given one: Apollo's drain plugin knows only httpServer.
  let socketServer: http.Server | null = null;
  const apollo = new ApolloServer<SubgraphContext<TLoaders>>({
    schema,
    includeStacktraceInErrorResponses: false,
    // Inline traces feed Apollo's hosted studio, which the hub does not use. Cache hints neither:
    // no type or field carries one, so every answer is uncacheable anyway, and the default cache
    // control plugin's hook on every resolved field (a hundred books: a thousand calls) was pure cost.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      auditPlugin(module.name, dataSource, logger),
      graphqlMetricsPlugin(metrics),
      ...(validated ? [validated.plugin<SubgraphContext<TLoaders>>()] : []),
    ],
    formatError,
  });
  await apollo.start();

  let closing = false;
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', subgraph: module.name });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      if (closing) throw new Error('shutting down');
      await dataSource.query('select 1');
      res.json({ status: 'ready', subgraph: module.name });
    } catch (err) {
      res.status(503).json({ status: 'unavailable', subgraph: module.name, reason: (err as Error).message });
    }
  });
  // Like the health checks, open: Prometheus scrapes it without a caller assertion.
  app.get('/metrics', async (_req, res) => {
    const { contentType, body } = await metrics.render();
    res.type(contentType).send(body);
  });
  route.graphql = graphqlOverHttp({
    apollo,
    verifyCaller,
    bodyLimitBytes: bodyLimitBytes(module.bodyLimit ?? '1mb'),
    ...(validated
      ? {
          answerValidated: (body: unknown, req: http.IncomingMessage, res: http.ServerResponse, context: () => Promise<SubgraphContext<TLoaders>>) => {
            const answered = startOperation(metrics);
            return validated.answer(body, res, {
              accept: req.headers.accept,
              context,
              // What the plugins above do at the end of a request: the metrics first, as they
              // count the answer whether or not the audit write fails.
              finish: async (contextValue, operation, data, failed) => {
                answered(operation.operation, failed);
                await appendRequestAudit(module.name, dataSource, logger, { caller: contextValue.caller, trail: contextValue.audit as AuditTrailState, operation, data });
              },
            });
          },
        }
      : {}),
    context: ({ requestId = randomUUID(), caller }) => ({
      requestId,
      logger: logger.child({ requestId }),
      dataSource,
      caller,
      audit: newAuditTrail(),
      loaders: module.createLoaders(dataSource),
      clock,
    }),
  });

  return {
    name: module.name,
    sdl,
    dataSource,
    events,
    logger,
    metrics,
    listen: async (port = 0, host = '127.0.0.1', socketPath?: string) => {
      const url = await new Promise<string>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const address = httpServer.address() as AddressInfo;
          resolve(`http://${host}:${address.port}/graphql`);
        });
      });
      if (socketPath) {
        // A process killed outright leaves its socket file behind, and binding over it fails;
        // the TCP port above is bound already, so no other live process of this subgraph owns it.
        rmSync(socketPath, { force: true });
        const server = newServer();
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen(socketPath, () => resolve());
        });
        socketServer = server;
      }
      return url;
    },
    close: async () => {
      closing = true;
      // The socket's server drains beside Apollo's own drain of the TCP one, while Apollo still
      // answers: no new connection, each open one closed once idle (a request in flight is
      // answered first), any left after 10 s cut. Closing removes the socket file.
      const server = socketServer;
      const socketDrained = server?.listening
        ? new Promise<void>((resolve) => {
            const idle = setInterval(() => server.closeIdleConnections(), 50);
            const cut = setTimeout(() => server.closeAllConnections(), 10_000);
            server.close(() => {
              clearInterval(idle);
              clearTimeout(cut);
              resolve();
            });
            server.closeIdleConnections();
          })
        : Promise.resolve();
      await apollo.stop();
      await socketDrained;
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await events.stop();
      await dataSource.destroy();
    },
  };
}

/**
 * Runs one subgraph as its own process: `DATABASE_URL` names the hub's database, `PORT` the port
 * (its entry in the port table by default; 0 picks a free one), `HOST` the address (loopback),
 * `PASS_GATEWAY_PUBLIC_JWK` the key that signs caller assertions; `loadSubgraphProcessConfig`
 * checks them all before anything starts. SIGTERM and SIGINT drain requests before the process exits.
 */
export async function runSubgraphMain<T>(module: SubgraphModule<T>): Promise<void> {
  let config: SubgraphProcessConfig;
  try {
    config = loadSubgraphProcessConfig(process.env, module.name);
  } catch (err) {
    // A configuration mistake is the operator's to fix: its message names the variables, no stack needed.
    if (!(err instanceof ConfigError)) throw err;
    console.error(`${module.name} subgraph: ${err.message}`);
    process.exit(1);
  }
  const logger = createLogger(`subgraph-${module.name}`);
  startTracingFromEnv(`pass-${module.name}`);
  // Tests only (the configuration refuses it in production): the launching test moves this clock.
  if (config.clockFile) logger.info({ clockFile: config.clockFile }, 'the rules read their time from a test clock file');
  const clock = config.clockFile ? new FileClock(config.clockFile) : undefined;
  const subgraph = await createSubgraph(module, { databaseUrl: config.databaseUrl, logger, gatewayPublicKey: config.gatewayPublicKey as JWK, clock });
  const url = await subgraph.listen(config.port, config.host, config.socketPath);
  logger.info({ url }, `${module.name} subgraph ready`);
  // Under a launcher (an IPC channel is open): say so over the channel, whatever the log level.
  process.send?.({ type: 'ready', url });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down');
    await subgraph.close();
    await stopTracing();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  // The launcher is gone (killed outright): stop rather than hold the port as an orphan.
  process.once('disconnect', () => void stop());
}
