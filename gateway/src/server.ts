import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { parse } from 'graphql';
import pino, { type Logger } from 'pino';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  AuthError,
  callerAssertionSigner,
  memoryTokenBuckets,
  postgresTokenBuckets,
  type Caller,
  type HubKeys,
  type Role,
} from '@pass/access';
import { Metrics } from './metrics';
import { TokenLimits, requestCost, storeWithFallback, type RequestCost, type TokenLimitOptions } from './rate-limit';
import { checkPersisted, registeredHashOf, type OperationManifest } from './persisted-operations';
import { mountPages } from './pages';
import { callerMistakesPlugin, formatCallerError } from './edge/caller-mistakes';
import { FailedAuthLimiter, startPartnerAuth } from './auth/partner-auth';
import { corsForGraphql } from './cors';
import { introspectionByRole } from './introspection';
import { answerWithApollo, defaultIntrospectionRoles, isGraphqlPath, isJsonContentType, readJsonBody, sendRefusal, type Refusal } from '@pass/runtime';
import { serveGraphiql, type ExampleOperation } from './graphiql/graphiql.route';
import { BODY_LIMIT_BYTES, graphqlBodyParser, maySendLargeBody } from './body-limit';
import { reportUnavailable } from './edge/unavailable';
import { SubgraphDataSource, directSubgraphCalls, subgraphFetcher, type SubgraphCallContext } from './edge/subgraph-data-source';
import { createLiveServer, type LiveLimits, type LiveServer } from './live/live-server';
import { mountReports } from './reports/reports.route';
import { RegisteredPlans } from './edge/registered-plans';
import { rememberPlannedOperations } from './edge/planned-operations';

export interface GatewayOptions {
  supergraphSdl: string;
  /** Where each subgraph listens, by name; overrides the URLs written in the supergraph. */
  subgraphUrls: Record<string, string>;
  /** A Unix socket through which to reach a subgraph, by name (its URL then gives only path and Host). */
  subgraphSockets?: Record<string, string>;
  keys: HubKeys;
  logger?: Logger;
  /** Registered partner operations, by SHA-256 of their text. */
  operations?: OperationManifest;
  /** Production mode: partner roles may run registered operations only. */
  persistedOnly?: boolean;
  /**
   * Per token: units per second and the burst (a light request is one unit, a costly one
   * cost / costPerUnit plus its aggregates' calibrated units), requests and units in flight per
   * process, and the lease taken from the shared
   * budget at a time (see rate-limit.ts).
   */
  rateLimit?: Partial<TokenLimitOptions>;
  /** Built dashboard and venue pages (clients/dist/pages); without it /dashboard and /venue are not served. */
  pagesDir?: string;
  /**
   * The hub's database: key ring and revocation lists (hub_auth), shared by every gateway process;
   * live redemptions wake on LISTEN here (without it they poll the vouchers subgraph).
   */
  databaseUrl?: string;
  /** Failed authentications per second per client address, and the burst allowed. */
  failedAuthLimit?: { perSecond: number; burst: number };
  /** Browser origins allowed to call /graphql; none by default. */
  corsOrigins?: readonly string[];
  /** Roles that may introspect; by default every role, analysts and operators in production mode. */
  introspectionRoles?: readonly Role[];
  /** GraphiQL's preloaded tabs; by default the registered operations. */
  exampleOperations?: readonly ExampleOperation[];
  /** Subscription limits (docs/live.md), and the poll interval of the live feed. */
  live?: Partial<LiveLimits> & { pollMs?: number };
  /**
   * Registered operations run from their query plan without Apollo Server's pipeline after their
   * first request (edge/registered-plans.ts); false sends every request through Apollo Server.
   */
  registeredPlans?: boolean;
  /**
   * A request's entity fetches that its plan runs side by side to one subgraph go in one call
   * (edge/entity-batch.ts); false sends each fetch alone, as Apollo Gateway does.
   */
  mergeEntityFetches?: boolean;
  /**
   * Registered plans run by the gateway's own plan runner (edge/plan-runner.ts), their subgraph
   * calls made directly; false runs them through Apollo's executeQueryPlan and data sources.
   */
  planRunner?: boolean;
}

export interface Gateway {
  listen(port?: number, host?: string): Promise<string>;
  /** The graphql-ws side of `/graphql`. */
  live: LiveServer;
  close(): Promise<void>;
}

type GatewayContext = SubgraphCallContext;

const MAX_TOKENS = 2000;

/**
 * Builds the gateway with no side effect: nothing listens until `listen`. The supergraph is the
 * checked-in file (no introspection at run time), so the gateway serves exactly what CI checked.
 */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const logger = options.logger ?? pino({ name: 'gateway', level: process.env.LOG_LEVEL ?? 'info' });
  const metrics = new Metrics(logger);
  // @apollo/gateway 2.14 otherwise starts a meter that reports usage to apollographql.com and,
  // to describe its host, probes the cloud metadata addresses (169.254.169.254…) at start. A hub
  // holding vulnerable people's data never phones home, whatever the environment says.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  // Each operation's form for result shaping built once, not per request (planned-operations.ts).
  rememberPlannedOperations();
  const signAssertion = callerAssertionSigner(options.keys.gateway);
  // Keep-alive pools to the subgraphs, shared by every subgraph's data source, closed with the gateway.
  const sockets: Record<string, string> = {};
  const subgraphs = subgraphFetcher(sockets);
  const manifest = options.operations ?? {};
  // Each subgraph's URL by name, as its data source calls it (filled by buildService below).
  const subgraphUrls: Record<string, string> = {};
  const runner =
    options.planRunner === false
      ? undefined
      : {
          call: directSubgraphCalls({
            post: subgraphs.post,
            urls: subgraphUrls,
            startTimer: (subgraph) => {
              const stop = metrics.subgraphFetchDuration.startTimer({ subgraph });
              return (outcome: 'ok' | 'error') => void stop({ outcome });
            },
            onMerged: (subgraph, fetches) => metrics.mergedFetches.inc({ subgraph }, fetches),
          }),
          mergeEntityFetches: options.mergeEntityFetches !== false,
          counted: (outcome: 'answered' | 'handed_back') => metrics.planRunnerAnswers.inc({ outcome }),
        };
  const registeredPlans =
    options.registeredPlans === false
      ? undefined
      : new RegisteredPlans(
          (text) => registeredHashOf(manifest, text),
          (formatted, error) => formatCallerError(formatted, error, logger),
          runner,
        );
  const gateway = new ApolloGateway({
    experimental_didResolveQueryPlan: registeredPlans?.didResolveQueryPlan,
    // Off whatever NODE_ENV says: the `Apollo-Query-Plan-Experimental` header would otherwise show
    // any caller the plan, which names the subgraphs and the queries sent to them.
    __exposeQueryPlanExperimental: false,
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const target = options.subgraphUrls[name] ?? url ?? '';
      subgraphUrls[name] = target;
      const socket = options.subgraphSockets?.[name];
      if (socket) sockets[new URL(target).origin] = socket;
      const source = new SubgraphDataSource({ url: target, fetcher: subgraphs.fetcher });
      source.mergeEntityFetches = options.mergeEntityFetches !== false;
      source.onMerged = (fetches) => metrics.mergedFetches.inc({ subgraph: name }, fetches);
      return reportUnavailable(name, metrics.subgraph(name, source), logger);
    },
  });
  const partnerAuth = await startPartnerAuth({ databaseUrl: options.databaseUrl, keys: options.keys, logger });
  const verifyToken = partnerAuth.verify;
  const failedAuth = new FailedAuthLimiter(options.failedAuthLimit?.perSecond ?? 1, options.failedAuthLimit?.burst ?? 30);
  // With a database the budgets are shared by every gateway process (hub_limits); should it fail,
  // each process falls back to its own buckets rather than refusing everyone.
  const buckets = options.databaseUrl
    ? storeWithFallback(await postgresTokenBuckets({ databaseUrl: options.databaseUrl, logger }), memoryTokenBuckets(), (err) =>
        logger.error({ err }, 'shared token budgets unreachable; this process limits tokens alone meanwhile'),
      )
    : memoryTokenBuckets();
  const limits = new TokenLimits(buckets, options.rateLimit);
  // Query text → cost, for texts that parsed: a partner sends the same few operations all day.
  const costs = new Map<string, RequestCost>();
  // Hostile-query limits; field suggestions are blocked so the schema cannot be guessed by typos.
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 15 },
    maxDirectives: { n: 20 },
    // Tokens are limited by the pre-parse below, which answers syntax errors with a 400.
    maxTokens: { enabled: false },
    costLimit: { maxCost: 20000 },
    blockFieldSuggestion: { enabled: true },
  });
  const protection = armor.protect();
  const app = express();
  app.disable('x-powered-by');
  // Every request is observed (request id, access log, metrics); a partner's JSON POST to /graphql
  // then takes `postGraphql` below, on Node's own request and response, and everything else
  // (GET, preflights, pages, reports, health, metrics, an operator's large import) Express.
  const route: { postGraphql?: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> } = {};
  const httpServer = http.createServer((req, res) => {
    metrics.requests(req as express.Request, res as express.Response, () => {
      const postGraphql = route.postGraphql;
      if (postGraphql && isGraphqlPath(req.url) && req.method === 'POST' && isJsonContentType(req.headers['content-type'])) void postGraphql(req, res);
      else void app(req, res);
    });
  });
  // Idle keep-alive sockets stay open 120 s (Node closes them after 5 s): a client reusing a
  // socket while the server closes it gets ECONNRESET, and under load the clients' one-second
  // margin is not enough (seen in the 1,000-retries test). The subgraphs do the same.
  httpServer.keepAliveTimeout = 120_000;
  httpServer.headersTimeout = 125_000;
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    ...protection,
    includeStacktraceInErrorResponses: false,
    // Decided per caller by introspectionByRole, not for everyone by NODE_ENV.
    introspection: true,
    plugins: [
      ...protection.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      metrics.plugin(),
      callerMistakesPlugin(),
      introspectionByRole(options.introspectionRoles ?? defaultIntrospectionRoles(options.persistedOnly ?? false)),
    ],
    validationRules: [...protection.validationRules],
    formatError: (formatted, error) => formatCallerError(formatted, error, logger),
  });
  const live = createLiveServer({
    httpServer,
    gateway,
    verifyToken,
    signAssertion,
    vouchersUrl: options.subgraphUrls.vouchers ?? '',
    validationRules: [...protection.validationRules],
    maxTokens: MAX_TOKENS,
    operations: options.operations ?? {},
    persistedOnly: options.persistedOnly ?? false,
    logger: logger.child({ part: 'live' }),
    databaseUrl: options.databaseUrl,
    pollMs: options.live?.pollMs,
    limits: options.live,
    observe: (stage, route, at, role) => metrics.liveEventDelay.observe({ stage, role: role ?? '' }, Math.max(0, at - Date.parse(route.redeemedAt)) / 1000),
  });
  metrics.observeLive(() => live.stats());
  await apollo.start();
  registeredPlans?.attach(gateway);

  let closing = false;
  let stopped: Promise<void> | undefined;
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Ready when every subgraph answers its own readiness check.
  app.get('/readyz', async (_req, res) => {
    const checks = await Promise.all(
      Object.entries(options.subgraphUrls).map(async ([name, url]) => {
        try {
          const answer = await fetch(url.replace(/\/graphql$/, '/readyz'), { signal: AbortSignal.timeout(2000) });
          return { name, ready: answer.ok };
        } catch {
          return { name, ready: false };
        }
      }),
    );
    const ready = !closing && checks.every((c) => c.ready);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', subgraphs: checks });
  });
  mountPages(app, options.pagesDir);
  app.get('/metrics', metrics.serve);
  serveGraphiql(app, options.exampleOperations ?? Object.values(options.operations ?? {}));
  // Preflights carry no token: CORS answers them before authentication.
  const cors = corsForGraphql(options.corsOrigins ?? []);
  app.use('/graphql', cors);
  // Authentication comes first: no token, no GraphQL, not even a parse.
  const authenticateCaller = async (authorization: string | undefined, address: string): Promise<{ caller: Caller } | { refusal: Refusal }> => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    const penalty = failedAuth.retryAfter(address);
    if (penalty > 0) {
      return { refusal: { status: 429, code: 'RATE_LIMITED', message: 'too many failed authentications from this address', headers: { 'Retry-After': String(penalty) } } };
    }
    try {
      if (!match) throw new AuthError('TOKEN_MISSING', 'send Authorization: Bearer <token>');
      return { caller: await verifyToken(match[1]!) };
    } catch (err) {
      const failure = err instanceof AuthError ? err : new AuthError('TOKEN_INVALID', 'the token is not valid');
      failedAuth.failed(address);
      return {
        refusal: {
          status: 401,
          code: 'UNAUTHENTICATED',
          message: failure.message,
          extensions: { reason: failure.reason },
          headers: { 'WWW-Authenticate': `Bearer error="invalid_token", error_description="${failure.message}"` },
        },
      };
    }
  };
  const authenticate: express.RequestHandler = async (req, res, next) => {
    const result = await authenticateCaller(req.headers.authorization, req.socket.remoteAddress ?? '');
    if ('refusal' in result) return sendRefusal(res, result.refusal);
    res.locals.caller = result.caller;
    next();
  };
  app.use('/graphql', authenticate);
  const contextFor = async (req: http.IncomingMessage, caller: Caller): Promise<GatewayContext> => {
    const requestId = req.headers['x-request-id'];
    return { requestId: typeof requestId === 'string' ? requestId : randomUUID(), caller, assertion: await signAssertion(caller) };
  };
  // A registered operation sent by its hash runs as its registered text (persisted-operations.ts).
  const persisted = (caller: Caller, request: { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } }, rewrite: boolean): Refusal | undefined => {
    const check = checkPersisted(options.operations ?? {}, options.persistedOnly ?? false, caller, request);
    if (!check.ok) return { status: check.status, code: check.code, message: check.message };
    if (check.query !== undefined && rewrite) {
      request.query = check.query;
      delete request.extensions;
    }
    return undefined;
  };
  // The token's budget, weighed by the query's calibrated cost, and its requests in flight; then
  // a text that does not parse is refused (after it was counted: a flood of garbage costs too).
  const admit = async (caller: Caller, query: unknown): Promise<{ refusal: Refusal; release?: () => void } | { release: () => void }> => {
    let cost = typeof query === 'string' ? costs.get(query) : undefined;
    let parseError: Error | undefined;
    if (cost === undefined && typeof query === 'string') {
      try {
        cost = requestCost(parse(query, { maxTokens: MAX_TOKENS }), limits.options.costlyFields);
        if (costs.size >= 1000) costs.delete(costs.keys().next().value as string);
        costs.set(query, cost);
      } catch (err) {
        parseError = err as Error;
      }
    }
    const units = limits.weigh(cost?.cost ?? 0, cost?.surcharge ?? 0);
    const admission = await limits.admit(caller.tokenId, units);
    if (!admission.ok) {
      const { perSecond, burst, maxInFlight, maxInFlightUnits } = limits.options;
      const weight = `this request weighs ${units.toFixed(1)} units (query cost ${(cost?.cost ?? 0).toFixed(1)}${cost?.surcharge ? `, aggregates +${cost.surcharge.toFixed(1)} units` : ''})`;
      const message =
        admission.reason === 'IN_FLIGHT'
          ? `too much in flight for this token: ${weight}; at most ${maxInFlight} requests and ${maxInFlightUnits} units at once per token`
          : `over this token's budget: ${weight}; the budget is ${perSecond} units per second, up to ${burst} at once`;
      return {
        refusal: {
          status: 429,
          code: 'RATE_LIMITED',
          message,
          headers: { 'Retry-After': String(admission.retryAfter) },
          extensions: { reason: admission.reason, units, budgetPerSecond: perSecond, budgetBurst: burst },
        },
      };
    }
    if (parseError) return { refusal: { status: 400, code: 'GRAPHQL_PARSE_FAILED', message: parseError.message }, release: admission.release };
    return { release: admission.release };
  };
  // CSV reports: registered operations run as the caller through this same gateway (reports/).
  mountReports(app, { authenticate, apollo, operations: options.operations ?? {}, contextFor });
  app.use(
    '/graphql',
    graphqlBodyParser(options.operations),
    (req: express.Request, res: express.Response, next: express.NextFunction) => {
      const isGet = req.method === 'GET';
      if (!isGet && (typeof req.body !== 'object' || Array.isArray(req.body) || req.body === null)) return next();
      const refusal = persisted(res.locals.caller as Caller, isGet ? { query: req.query.query } : req.body, !isGet);
      if (refusal) return sendRefusal(res, refusal);
      next();
    },
    async (req: express.Request, res: express.Response, next: express.NextFunction) => {
      const query = req.method === 'GET' ? req.query.query : (req.body as { query?: unknown } | undefined)?.query;
      const admission = await admit(res.locals.caller as Caller, query);
      if (admission.release) res.once('close', admission.release);
      if ('refusal' in admission) return sendRefusal(res, admission.refusal);
      next();
    },
    expressMiddleware(apollo, {
      context: ({ req, res }) => contextFor(req, res.locals.caller as Caller),
    }),
  );
  // Body errors (malformed JSON, too large, bad encoding) are the caller's: a 4xx in GraphQL's shape.
  app.use((err: { status?: number; type?: string; message?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) logger.error({ err }, 'gateway error');
    res.status(status).json({
      errors: [{ message: status === 500 ? 'Internal server error' : err.message ?? 'bad request', extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }],
    });
  });

  // A partner's POST to /graphql, the same steps as the Express route above without Express
  // (runtime's graphql-over-http.ts says what that saves): CORS headers, the token, a JSON body
  // within 100 kB, a registered operation by its hash, the token's budget, then Apollo Server.
  route.postGraphql = async (req, res) => {
    try {
      await new Promise<void>((resolve) => cors(req as express.Request, res as express.Response, () => resolve()));
      const auth = await authenticateCaller(req.headers.authorization, req.socket.remoteAddress ?? '');
      if ('refusal' in auth) return sendRefusal(res, auth.refusal);
      const { caller } = auth;
      // An operator may send a venue import of up to 20 MB (body-limit.ts): Express's route reads
      // those, from CORS on (the token's second check is a hit in the verifier's cache).
      if (maySendLargeBody(caller)) return void app(req, res);
      const read = await readJsonBody(req, BODY_LIMIT_BYTES);
      if ('refusal' in read) return sendRefusal(res, read.refusal);
      const body = read.body as { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } } | null;
      const isRequest = typeof body === 'object' && body !== null && !Array.isArray(body);
      if (isRequest) {
        const refusal = persisted(caller, body, true);
        if (refusal) return sendRefusal(res, refusal);
      }
      const admission = await admit(caller, isRequest ? body.query : undefined);
      if (admission.release) res.once('close', admission.release);
      if ('refusal' in admission) return sendRefusal(res, admission.refusal);
      const context = () => contextFor(req, caller);
      if (isRequest && registeredPlans && (await registeredPlans.answer(body, res, { accept: req.headers.accept, observe: metrics.operationStarted, context }))) return;
      await answerWithApollo(apollo, req, res, body, context);
    } catch (err) {
      logger.error({ err }, 'gateway error');
      sendRefusal(res, { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
    }
  };

  return {
    listen: (port = 0, host = '127.0.0.1') =>
      new Promise<string>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve(`http://${host}:${(httpServer.address() as AddressInfo).port}/graphql`));
      }),
    live,
    // Idempotent: a test or a launcher that stops a gateway twice gets the first stop's promise
    // (a second WebSocket server dispose would throw "The server is not running").
    close: () =>
      (stopped ??= (async () => {
        closing = true;
        await live.close();
        await apollo.stop();
        await subgraphs.close();
        await partnerAuth.close();
        await buckets.close();
        if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      })()),
  };
}
