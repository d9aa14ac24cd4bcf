import type http from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import type { ApolloGateway } from '@apollo/gateway';
import {
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { decodeJwt } from 'jose';
import { WebSocketServer, type WebSocket } from 'ws';
import { AuthError, Role, type Caller } from '@pass/access';
import type { Logger } from '@pass/runtime';
import { checkPersisted, type OperationManifest } from '../persisted-operations';
import { LiveCloseCode } from './close-codes';
import { eventData, planLiveOperation, type LiveOperation } from './live-operation';
import { LiveSubscription } from './live-subscription';
import { SubscriberGroup } from './subscriber-group';
import { RedemptionFeed, StreamReader, SubgraphCallError, type LiveScope, type RedemptionRoute, type StageObserver } from './redemption-feed';

export interface LiveLimits {
  /** Authenticated sockets one gateway holds. */
  maxConnections: number;
  /** Open subscriptions per token, over all its sockets on this gateway. */
  maxSubscriptionsPerToken: number;
  /** Events waiting for a slow socket before it is closed (SlowConsumer). */
  maxQueuedEvents: number;
  /** How often every connected token is verified again. */
  recheckMs: number;
  /** WebSocket ping interval; a socket that does not pong in as long is dropped. */
  keepAliveMs: number;
  /** Time a socket has to send `connection_init` before it is closed (4408). */
  connectionInitWaitMs: number;
}

export const DEFAULT_LIVE_LIMITS: LiveLimits = {
  maxConnections: 10_000,
  maxSubscriptionsPerToken: 50,
  maxQueuedEvents: 1000,
  recheckMs: 5000,
  keepAliveMs: 12_000,
  connectionInitWaitMs: 5000,
};

export interface LiveServerOptions {
  httpServer: http.Server;
  gateway: ApolloGateway;
  /** The gateway's partner-token verifier: the same function the HTTP path calls. */
  verifyToken: (token: string) => Promise<Caller>;
  /** The gateway's caller-assertion signer (one assertion per caller, reused for most of its minute). */
  signAssertion: (caller: Caller) => Promise<string>;
  vouchersUrl: string;
  validationRules: ValidationRule[];
  maxTokens: number;
  operations: OperationManifest;
  persistedOnly: boolean;
  logger: Logger;
  /** LISTEN for wake-ups; without it the feed polls. */
  databaseUrl?: string;
  pollMs?: number;
  limits?: Partial<LiveLimits>;
  /** Per-stage timings of each event (the gateway's `gateway_live_event_delay_seconds`). */
  observe?: StageObserver;
}

interface Connection {
  socket: WebSocket;
  token: string;
  caller: Caller;
  subscriptions: Set<LiveSubscription>;
  timers: NodeJS.Timeout[];
}

/** Events per federated execution: `redemptions(ids:)` takes at most 100 ids. */
const RESOLVE_BATCH = 100;

/** The rewritten query of a plan, parsed, validated and hashed once for every group that runs it. */
interface CompiledQuery {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  queryHash: string;
}

type GatewayRequestContext = Parameters<ApolloGateway['executor']>[0];

const refusal = (message: string, code: string) => [new GraphQLError(message, { extensions: { code } })];

export interface LiveServer {
  /** Subscribers and groups, for tests and the benchmark. */
  stats(): { connections: number; subscriptions: number; groups: number; resolutions: number; slowConsumersClosed: number };
  close(): Promise<void>;
}

/**
 * `graphql-ws` on the gateway's `/graphql`: `Subscription.redemptionRecorded`, authenticated,
 * limited and checked like HTTP requests, each event resolved through the supergraph as the
 * subscriber. Protocol, close codes and cursors: docs/live.md; design: docs/adr/0002.
 */
export function createLiveServer(options: LiveServerOptions): LiveServer {
  const limits = { ...DEFAULT_LIVE_LIMITS, ...options.limits };
  const { logger } = options;
  let apiSchema: GraphQLSchema | null = null;
  options.gateway.onSchemaLoadOrUpdate(({ apiSchema: schema }) => {
    apiSchema = schema;
  });
  const reader = new StreamReader(() => options.vouchersUrl, options.signAssertion);
  const feed = new RedemptionFeed(reader, { databaseUrl: options.databaseUrl, pollMs: options.pollMs, logger, observe: options.observe });
  const feedStarted = feed.start();
  const connections = new Map<WebSocket, Connection>();
  const groups = new Map<string, SubscriberGroup>();
  const perToken = new Map<string, number>();
  let resolutions = 0;
  let slowConsumersClosed = 0;
  let closing = false;

  feed.onBatch((routes) => {
    for (const group of groups.values()) group.offer(routes);
  });

  /**
   * The rewritten queries, by text: a thousand venues subscribed with the same document share one
   * parse, one validation and one hash (and so one cached query plan in the gateway).
   */
  const compiled = new Map<string, CompiledQuery>();
  let compiledFor: GraphQLSchema | null = null;
  const compile = (query: string): CompiledQuery => {
    const schema = apiSchema;
    if (!schema) throw new Error('live: the gateway has no schema yet');
    if (compiledFor !== schema || compiled.size > 10_000) {
      compiled.clear();
      compiledFor = schema;
    }
    let entry = compiled.get(query);
    if (!entry) {
      const document = parse(query);
      // The same rules as a query over HTTP (graphql-js's and the hostile-query limits), once.
      const invalid = validate(schema, document, [...specifiedRules, ...options.validationRules]);
      if (invalid.length > 0) throw new GraphQLError(`live: the event query is not valid: ${invalid[0]!.message}`);
      entry = { document, operation: getOperationAST(document)!, queryHash: createHash('sha256').update(query).digest('hex') };
      compiled.set(query, entry);
    }
    return entry;
  };

  /**
   * Runs the group's rewritten query for these ids through the gateway's executor — query plan
   * from its cache, fetches to the subgraphs as the group's caller — without Apollo Server's
   * request pipeline (parse, validation, hashing and plugins were done once, in `compile`).
   */
  const execute = async (group: SubscriberGroup, query: string, ids: string[]): Promise<ExecutionResult> => {
    const { document, operation, queryHash } = compile(query);
    resolutions += 1;
    const requestContext = {
      request: { query, operationName: 'LiveRedemptions', variables: { ...group.plan.queryVariables, [group.plan.idsVariable]: ids } },
      logger,
      schema: apiSchema!,
      schemaHash: '',
      context: { requestId: randomUUID(), caller: group.caller, assertion: await options.signAssertion(group.caller) },
      queryHash,
      document,
      source: query,
      operationName: 'LiveRedemptions',
      operation,
      metrics: {},
      overallCachePolicy: undefined,
    } as unknown as GatewayRequestContext;
    return options.gateway.executor(requestContext) as Promise<ExecutionResult>;
  };

  /** The events of these routes, shaped as the group asked; null where a redemption did not resolve. */
  const resolveChunk = async (group: SubscriberGroup, chunk: RedemptionRoute[]): Promise<(ExecutionResult | null)[]> => {
    let redemptions: unknown[][] = [];
    if (group.plan.query) {
      const { data, errors } = await execute(group, group.plan.query, chunk.map((r) => r.redemptionId));
      redemptions = group.plan.eventFields.flatMap((f) => (f.kind === 'redemption' ? [(data?.[`r${f.index}`] as unknown[] | null) ?? []] : []));
      // `redemptions(ids:)` is all or nothing: one row the caller may not read fails the whole
      // list. Then each event of the batch is resolved alone, so that one fails alone, as it
      // would have had it come by itself.
      if (chunk.length > 1 && (!data || redemptions.some((list) => list.length !== chunk.length))) {
        const alone: (ExecutionResult | null)[] = [];
        for (const route of chunk) alone.push(...(await resolveChunk(group, [route])));
        return alone;
      }
      if (!data) throw new Error(`live: resolution failed: ${errors?.[0]?.message ?? 'no data'}`);
    }
    return chunk.map((route, i) => {
      const data = eventData(group.plan, route, redemptions, i);
      return data ? { data } : null;
    });
  };

  /** Resolves a batch of events for a group: one federated execution per 100 events. */
  const resolveBatch = async (group: SubscriberGroup, routes: RedemptionRoute[]) => {
    const events: { cursor: string; result: ExecutionResult }[] = [];
    for (let first = 0; first < routes.length; first += RESOLVE_BATCH) {
      const chunk = routes.slice(first, first + RESOLVE_BATCH);
      const results = await resolveChunk(group, chunk);
      chunk.forEach((route, i) => {
        const result = results[i];
        if (result) events.push({ cursor: route.cursor, result });
        else logger.warn({ cursor: route.cursor }, 'live: an event in scope did not resolve for its subscriber; skipped');
      });
    }
    return events;
  };

  /** What happened since `after`, in the group's scope, then the held live events. */
  const replay = async (group: SubscriberGroup, subscription: LiveSubscription) => {
    try {
      for (;;) {
        const routes = await reader.after(subscription.lastCursor, 500, group.scope, group.filter);
        const events = await resolveBatch(group, routes);
        for (const e of events) subscription.pushReplayed(e.cursor, e.result);
        if (routes.length < 500) break;
      }
      subscription.goLive();
    } catch (err) {
      logger.warn({ err }, 'live: replay failed');
      subscription.fail(new Error('the replay failed: resubscribe with your last cursor'));
    }
  };

  const close = (socket: WebSocket, code: LiveCloseCode, reason: string) => {
    if (socket.readyState === socket.OPEN || socket.readyState === socket.CONNECTING) socket.close(code, reason);
  };

  const closeCodeOf = (err: unknown, atConnect: boolean) =>
    err instanceof AuthError && err.reason === 'TOKEN_EXPIRED'
      ? LiveCloseCode.TokenExpired
      : atConnect
        ? LiveCloseCode.Unauthorized
        : LiveCloseCode.TokenRejected;

  /** The same verifier as HTTP, again, every few seconds and at the token's expiry. */
  const recheck = async (connection: Connection) => {
    try {
      await options.verifyToken(connection.token);
    } catch (err) {
      const code = closeCodeOf(err, false);
      close(connection.socket, code, err instanceof AuthError ? err.message : 'the token is no longer accepted');
    }
  };

  const wss = new WebSocketServer({ server: options.httpServer, path: '/graphql' });
  const wsServer = useServer<Record<string, unknown> | undefined, { socket: WebSocket; request: http.IncomingMessage }>(
    {
      connectionInitWaitTimeout: limits.connectionInitWaitMs,
      onConnect: async (ctx) => {
        const socket = ctx.extra.socket;
        if (closing) return close(socket, LiveCloseCode.GoingAway, 'gateway shutting down'), false;
        const header = ctx.connectionParams?.authorization;
        const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
        let caller: Caller;
        try {
          if (!match) throw new AuthError('TOKEN_MISSING', "send connectionParams: { authorization: 'Bearer <token>' }");
          caller = await options.verifyToken(match[1]!);
        } catch (err) {
          close(socket, closeCodeOf(err, true), err instanceof AuthError ? err.message : 'the token is not valid');
          return false;
        }
        if (caller.role === Role.ANALYST) {
          close(socket, LiveCloseCode.Forbidden, 'an analyst sees aggregates only: no live redemptions');
          return false;
        }
        if (connections.size >= limits.maxConnections) {
          close(socket, LiveCloseCode.TryAgainLater, 'this gateway is full: retry later');
          return false;
        }
        const connection: Connection = { socket, token: match[1]!, caller, subscriptions: new Set(), timers: [] };
        connections.set(socket, connection);
        const every = setInterval(() => void recheck(connection), limits.recheckMs);
        every.unref();
        connection.timers.push(every);
        const exp = decodeJwt(connection.token).exp;
        if (exp) {
          const atExpiry = setTimeout(() => void recheck(connection), Math.max(0, exp * 1000 - Date.now() + 50));
          atExpiry.unref();
          connection.timers.push(atExpiry);
        }
        return true;
      },
      onClose: (ctx) => {
        const connection = connections.get(ctx.extra.socket);
        if (!connection) return;
        connections.delete(ctx.extra.socket);
        for (const timer of connection.timers) clearTimeout(timer);
        for (const subscription of connection.subscriptions) subscription.end();
      },
      onSubscribe: async (ctx, _id, payload) => {
        const connection = connections.get(ctx.extra.socket);
        if (!connection) return refusal('connection not acknowledged', 'UNAUTHENTICATED');
        const { caller } = connection;
        // The persisted-operation rule, the token limit and the validation rules of HTTP requests.
        const persisted = checkPersisted(options.operations, options.persistedOnly, caller, payload as Parameters<typeof checkPersisted>[3]);
        if (!persisted.ok) return refusal(persisted.message, persisted.code);
        const text = persisted.query ?? payload.query;
        let document: DocumentNode;
        try {
          document = parse(text, { maxTokens: options.maxTokens });
        } catch (err) {
          return refusal((err as Error).message, 'GRAPHQL_PARSE_FAILED');
        }
        await feedStarted;
        const schema = apiSchema;
        if (!schema) return refusal('the gateway is starting', 'UNAVAILABLE');
        const invalid = validate(schema, document, [...specifiedRules, ...options.validationRules]);
        if (invalid.length > 0) return invalid.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...e.extensions } }));
        let plan: LiveOperation;
        try {
          plan = planLiveOperation(schema, document, payload.operationName, payload.variables);
        } catch (err) {
          if (err instanceof GraphQLError) return [err];
          throw err;
        }
        if (plan.after !== null && !/^\d{1,19}\.\d{1,19}$/.test(plan.after)) return refusal('after is not a cursor of this stream', 'BAD_USER_INPUT');
        if (plan.query) {
          try {
            compile(plan.query);
          } catch (err) {
            if (err instanceof GraphQLError) return refusal(err.message, 'GRAPHQL_VALIDATION_FAILED');
            throw err;
          }
        }
        const open = perToken.get(caller.tokenId) ?? 0;
        if (open >= limits.maxSubscriptionsPerToken) {
          return refusal(`at most ${limits.maxSubscriptionsPerToken} subscriptions per token`, 'TOO_MANY_SUBSCRIPTIONS');
        }
        const filter = { programmeId: plan.programmeId, venueId: plan.venueId };
        let scope: LiveScope;
        try {
          scope = await reader.scopeOf(caller, filter);
        } catch (err) {
          if (err instanceof SubgraphCallError && err.errors[0]) {
            return refusal(err.errors[0].message, err.errors[0].extensions?.code ?? 'FORBIDDEN');
          }
          // The vouchers subgraph is down or slow: an error for this subscription, not a closed socket.
          logger.warn({ err }, 'live: the scope could not be read');
          return refusal('the scope could not be checked now: subscribe again', 'UNAVAILABLE');
        }
        // The feed reads only while someone is subscribed; after a pause it first moves to the head.
        let release: () => void;
        try {
          release = await feed.hold();
        } catch (err) {
          logger.warn({ err }, 'live: the stream head could not be read');
          return refusal('the stream could not be read now: subscribe again', 'UNAVAILABLE');
        }
        const variables = { ...(payload.variables ?? {}) };
        // `after` belongs to the socket, not to the group: it is left out of the key.
        if (plan.afterVariable) delete variables[plan.afterVariable];
        const groupKey = JSON.stringify([caller.role, caller.organisationId, caller.programmeIds ?? [], text, payload.operationName ?? null, variables]);
        let group = groups.get(groupKey);
        if (!group) {
          group = new SubscriberGroup(groupKey, caller, plan, scope, filter, resolveBatch, logger, RESOLVE_BATCH, options.observe);
          groups.set(groupKey, group);
        }
        const theGroup = group;
        perToken.set(caller.tokenId, open + 1);
        const subscription: LiveSubscription = new LiveSubscription(
          plan.after,
          limits.maxQueuedEvents,
          () => {
            if (connection.socket.readyState !== connection.socket.OPEN) return;
            slowConsumersClosed += 1;
            close(connection.socket, LiveCloseCode.SlowConsumer, 'too slow: reconnect and resume from your last cursor');
          },
          () => {
            release();
            theGroup.subscriptions.delete(subscription);
            if (theGroup.subscriptions.size === 0 && groups.get(groupKey) === theGroup) groups.delete(groupKey);
            connection.subscriptions.delete(subscription);
            const left = (perToken.get(caller.tokenId) ?? 1) - 1;
            if (left > 0) perToken.set(caller.tokenId, left);
            else perToken.delete(caller.tokenId);
          },
        );
        theGroup.subscriptions.add(subscription);
        connection.subscriptions.add(subscription);
        if (subscription.replaying) void replay(theGroup, subscription);
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables ?? undefined, contextValue: subscription };
      },
      subscribe: (args) => args.contextValue as LiveSubscription,
      execute: () => ({ errors: [new GraphQLError('only subscriptions are served over WebSocket')] }),
    },
    wss,
    limits.keepAliveMs,
  );

  return {
    stats: () => ({
      connections: connections.size,
      subscriptions: [...connections.values()].reduce((n, c) => n + c.subscriptions.size, 0),
      groups: groups.size,
      resolutions,
      slowConsumersClosed,
    }),
    close: async () => {
      closing = true;
      await feed.stop();
      for (const socket of wss.clients) close(socket, LiveCloseCode.GoingAway, 'gateway shutting down');
      await wsServer.dispose();
    },
  };
}

