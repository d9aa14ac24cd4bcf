import { STATUS_CODES } from 'node:http';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherHeaders, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { parse, type DocumentNode } from 'graphql';
import { Pool } from 'undici';
import { CALLER_HEADER, type Caller } from '@pass/access';
import { isEntityFetch, mergeEntityFetches, splitEntityAnswer, type SubgraphAnswer } from './entity-batch';

export interface SubgraphCallContext {
  requestId: string;
  caller: Caller;
  /** The caller, signed by the gateway, for the subgraphs. */
  assertion: string;
  /**
   * The subgraph calls the plan runner made for this request, if it ran it. When it hands the
   * request back to Apollo's executor, a call Apollo makes again with the same URL, query and
   * variables takes this answer (awaited when still in flight) instead of asking the subgraph
   * twice: a read is made, and audited, once (a refused read too).
   */
  runnerCalls?: RunnerCall[];
}

/** A call of the plan runner: what it sent, and its answer as text when it was a 2xx (else undefined). */
export interface RunnerCall {
  url: string;
  request: { query: string; variables: Record<string, unknown>; operationName: string | undefined };
  answer: Promise<string | undefined>;
}

/** The runner's answer to the same call (URL, query, operation name, variables), parsed; undefined when there is none to take. */
async function runnerAnswer(calls: readonly RunnerCall[], url: string, request: GraphQLRequest): Promise<GraphQLResponse | undefined> {
  let variables: string | undefined;
  for (const call of calls) {
    if (call.url !== url || call.request.query !== request.query || (call.request.operationName ?? null) !== (request.operationName ?? null)) continue;
    variables ??= JSON.stringify(request.variables ?? {});
    if (JSON.stringify(call.request.variables) !== variables) continue;
    return parsedAnswer(await call.answer) as GraphQLResponse | undefined;
  }
  return undefined;
}

/**
 * Fetches of a handed-back request that took the runner's answer: their `request.http` (Apollo's
 * data source sets it on the fetch's own request object) or, for fetches merged into one call,
 * their `request`. The runner timed that call already; `answeredByRunner` tells the fetch
 * histogram (observability/subgraph-fetch.ts) not to time it again.
 */
const takenFromRunner = new WeakSet<object>();

/** Whether this fetch took the plan runner's answer instead of calling its subgraph. */
export function answeredByRunner(request: { http?: object }): boolean {
  return takenFromRunner.has(request) || (request.http !== undefined && takenFromRunner.has(request.http));
}

/** A subgraph's answer text as a JSON object; undefined when there is none, or it is not one. */
function parsedAnswer(text: string | undefined): { data?: unknown; errors?: unknown } | undefined {
  if (text === undefined) return undefined;
  try {
    const body: unknown = JSON.parse(text);
    return body !== null && typeof body === 'object' && !Array.isArray(body) ? body : undefined;
  } catch {
    return undefined;
  }
}

type ProcessOptions = GraphQLDataSourceProcessOptions<SubgraphCallContext>;
/** A partner request's fetch (not a health check or a schema load): the only kind merged. */
type OperationOptions = Extract<ProcessOptions, { document?: unknown }>;
const isOperation = (options: ProcessOptions): options is OperationOptions => (options.kind as string) === 'incoming operation';
type ProcessAnswer = Awaited<ReturnType<RemoteGraphQLDataSource<SubgraphCallContext>['process']>>;

/** Entity fetches of one partner request waiting for the end of the synchronous turn. */
interface PendingBatch {
  fetches: { options: OperationOptions; document: DocumentNode; resolve(answer: ProcessAnswer): void; reject(error: unknown): void }[];
}

/**
 * Forwards the request id (one request followed through every subgraph's logs) and the caller
 * assertion; merges a request's entity fetches to this subgraph that the plan runs side by side
 * into one call (entity-batch.ts; `mergeEntityFetches: false` turns it off).
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<SubgraphCallContext> {
  /** Per partner request (its context object), the entity fetches collected in this turn. */
  private readonly pending = new WeakMap<object, PendingBatch>();
  mergeEntityFetches = true;
  /** Told the number of fetches each merged call carried (the gateway's metrics). */
  onMerged: (fetches: number) => void = () => undefined;

  override willSendRequest({ request, context }: ProcessOptions): void {
    if (context?.requestId) request.http?.headers.set('x-request-id', context.requestId);
    if (context?.assertion) request.http?.headers.set(CALLER_HEADER, context.assertion);
  }

  override process(options: ProcessOptions): Promise<ProcessAnswer> {
    const context = options.context as object | undefined;
    if (!this.mergeEntityFetches || !isOperation(options) || !context || options.request.http) return super.process(options);
    const document = options.document ?? this.parsed(options.request.query);
    if (!isEntityFetch(document)) return super.process(options);
    // Apollo's executor starts every fetch of a Parallel node in one synchronous turn: the batch
    // closes on the next microtask, so a lone fetch waits for nothing but that.
    let batch = this.pending.get(context);
    if (!batch) {
      const opened: PendingBatch = { fetches: [] };
      batch = opened;
      this.pending.set(context, opened);
      queueMicrotask(() => {
        this.pending.delete(context);
        void this.send(opened);
      });
    }
    const fetches = batch.fetches;
    return new Promise<ProcessAnswer>((resolve, reject) => fetches.push({ options, document, resolve, reject }));
  }

  /** Parsed fetch documents by query text: the gateway hands the text, not always its AST (a plan has a bounded set of fetches). */
  private readonly documents = new Map<string, DocumentNode | undefined>();
  private parsed(query: string | undefined): DocumentNode | undefined {
    if (!query) return undefined;
    if (this.documents.has(query)) return this.documents.get(query);
    let document: DocumentNode | undefined;
    try {
      document = parse(query);
    } catch {
      document = undefined; // the subgraph says what is wrong with it
    }
    // Oldest first out: Map keeps insertion order.
    if (this.documents.size >= 1000) this.documents.delete(this.documents.keys().next().value!);
    this.documents.set(query, document);
    return document;
  }

  private async send({ fetches }: PendingBatch): Promise<void> {
    const alone = (fetch: PendingBatch['fetches'][number]) => super.process(fetch.options).then(fetch.resolve, fetch.reject);
    if (fetches.length === 1) return alone(fetches[0]!);
    const first = fetches[0]!.options;
    const merged = mergeEntityFetches(
      fetches.map(({ options, document }) => ({ document, variables: options.request.variables ?? {}, operationName: options.request.operationName })),
    );
    const request = { ...first.request, query: merged.query, variables: merged.variables, operationName: merged.operationName };
    let answer: ProcessAnswer;
    try {
      answer = await super.process({ ...first, request, document: merged.document });
    } catch (error) {
      for (const fetch of fetches) fetch.reject(error);
      return;
    }
    if (answeredByRunner(request)) for (const fetch of fetches) takenFromRunner.add(fetch.options.request);
    // A null `data` may come from one fetch's failure only: each is sent again alone, so no fetch
    // loses its data to another's error.
    if (!answer.data) {
      await Promise.all(fetches.map(alone));
      return;
    }
    this.onMerged(fetches.length);
    splitEntityAnswer(answer as SubgraphAnswer, fetches.length).forEach((part, i) => fetches[i]!.resolve(part as ProcessAnswer));
  }
}

/**
 * RemoteGraphQLDataSource.sendRequest (@apollo/gateway 2.14.4, pinned) as it is, but for one
 * thing: it builds a node-fetch `Request` for every subgraph call only to hand it to `parseBody`
 * and `didEncounterError`, which do not read it (neither is overridden here). That object was a
 * quarter of the gateway's time in sendRequest on the mixed partner load (issue 12: 365 of 1,432
 * profile samples). The method is private in Apollo's typings, hence the prototype.
 */
type GraphQLRequest = GraphQLDataSourceProcessOptions<SubgraphCallContext>['request'];
type GraphQLResponse = Awaited<ReturnType<SubgraphDataSource['process']>>;

async function sendRequest(this: SubgraphDataSource, request: GraphQLRequest, context: SubgraphCallContext): Promise<GraphQLResponse> {
  if (!request.http) throw new Error("Internal error: Only 'http' requests are supported.");
  const { http, ...requestWithoutHttp } = request;
  if (context?.runnerCalls) {
    const earlier = await runnerAnswer(context.runnerCalls, http.url, request);
    if (earlier) {
      takenFromRunner.add(http);
      return earlier;
    }
  }
  const init: FetcherRequestInit = { method: http.method, headers: Object.fromEntries(http.headers), body: JSON.stringify(requestWithoutHttp) };
  let response: FetcherResponse | undefined;
  try {
    response = await this.fetcher(http.url, init);
    if (!response.ok) throw await this.errorFromResponse(response);
    const body = await this.parseBody(response, undefined, context);
    if (body === null || typeof body !== 'object') throw new Error(`Expected JSON response body, but received: ${body}`);
    return { ...body, http: response } as GraphQLResponse;
  } catch (error) {
    this.didEncounterError(error as Error, undefined as never, response, context, request);
    throw error;
  }
}
Object.defineProperty(SubgraphDataSource.prototype, 'sendRequest', { value: sendRequest, writable: true, configurable: true });

/** A content type Apollo's data source parses as JSON (RemoteGraphQLDataSource.parseBody, 2.14.4). */
function isJsonType(contentType: string | string[] | undefined): boolean {
  const type = Array.isArray(contentType) ? contentType[0] : contentType;
  return type !== undefined && (type.startsWith('application/json') || type.startsWith('application/graphql-response+json'));
}

/**
 * Connections per subgraph: the gateway's fetches in flight to one subgraph seldom exceed the
 * partners' requests in flight; beyond this they queue in the pool rather than open more sockets.
 */
const CONNECTIONS_PER_SUBGRAPH = 64;

export interface SubgraphFetcher {
  fetcher: Fetcher;
  /**
   * A POST of a JSON body, its answer read whole as text: the plan runner's call, without the
   * Fetch API's objects. `json` says whether the answer said it is JSON, as Apollo's data source
   * reads it (its `parseBody`): a body of another type is no GraphQL answer, whatever it holds.
   */
  post(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; json: boolean; text: string }>;
  close(): Promise<void>;
}

/**
 * The gateway's fetcher for its subgraphs: one keep-alive undici Pool per subgraph origin, over
 * the Unix socket given for that origin if any (`sockets`, origin → path), else over TCP.
 * A loopback TCP send runs the receiver's whole TCP path inside the sender's `writev`: it was
 * two thirds of the gateway's socket writes, themselves 22.8 % of its busy time on the mixed load.
 * The URL still gives the path and the Host header; only the connection changes.
 * Apollo's default (make-fetch-happen over node-fetch) builds an HTTP cache policy, an agent
 * lookup and stream plumbing for every subgraph call — a plan makes 3 – 4 per partner request, and
 * that was a large share of the gateway's CPU per request. A subgraph answer is small JSON, so it
 * is read whole and handed over buffered.
 */
export function subgraphFetcher(sockets: Readonly<Record<string, string>> = {}): SubgraphFetcher {
  const pools = new Map<string, Pool>();
  /** The subgraphs' few URLs, parsed once. */
  const parsedUrls = new Map<string, URL>();
  let closed = false;
  const poolFor = (origin: string): Pool => {
    let pool = pools.get(origin);
    if (!pool) {
      if (closed) throw new Error('the gateway is closing');
      const socketPath = sockets[origin];
      pool = new Pool(origin, { connections: CONNECTIONS_PER_SUBGRAPH, ...(socketPath ? { socketPath } : {}) });
      pools.set(origin, pool);
    }
    return pool;
  };
  const fetcher: Fetcher = async (url: string, init: FetcherRequestInit = {}) => {
    const target = new URL(url);
    const answer = await poolFor(target.origin).request({
      path: target.pathname + target.search,
      method: (init.method ?? 'GET') as 'GET' | 'POST',
      headers: init.headers,
      body: init.body,
      signal: init.signal,
    });
    const body = Buffer.from(await answer.body.arrayBuffer());
    const headers = new Headers();
    for (const [name, value] of Object.entries(answer.headers)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
    }
    return new BufferedResponse(url, answer.statusCode, headers, body);
  };
  const post = async (url: string, headers: Record<string, string>, body: string) => {
    const target = parsedUrls.get(url) ?? new URL(url);
    if (parsedUrls.size < 100) parsedUrls.set(url, target);
    const answer = await poolFor(target.origin).request({ path: target.pathname + target.search, method: 'POST', headers, body });
    return { status: answer.statusCode, json: isJsonType(answer.headers['content-type']), text: await answer.body.text() };
  };
  return {
    fetcher,
    post,
    close: async () => {
      closed = true;
      await Promise.all([...pools.values()].map((pool) => pool.close()));
      pools.clear();
    },
  };
}

/** A subgraph's answer, read whole: what RemoteGraphQLDataSource reads of a fetch response. */
class BufferedResponse implements FetcherResponse {
  bodyUsed = false;
  readonly redirected = false;
  readonly ok: boolean;
  readonly statusText: string;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly headers: FetcherHeaders,
    private readonly body: Buffer,
  ) {
    this.ok = status >= 200 && status < 300;
    this.statusText = STATUS_CODES[status] ?? '';
  }

  private use(): Buffer {
    if (this.bodyUsed) throw new TypeError('the body of this subgraph answer was already read');
    this.bodyUsed = true;
    return this.body;
  }

  async text(): Promise<string> {
    return this.use().toString('utf8');
  }

  async json(): Promise<any> {
    return JSON.parse(this.use().toString('utf8'));
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const body = this.use();
    return body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer;
  }

  clone(): FetcherResponse {
    return new BufferedResponse(this.url, this.status, new Headers(this.headers as Headers), this.body);
  }
}

/**
 * The plan runner's subgraph call (plan-runner.ts): the request a RemoteGraphQLDataSource sends
 * (the same JSON body, `content-type`, request id and caller assertion), timed in the same
 * histogram, once per fetch it carries. Any failure — unreachable, a non-2xx, an answer not typed
 * as JSON or not parsed as a JSON object — is undefined: the runner then hands the request to
 * executeQueryPlan, which reports it.
 * Each call is kept in the request's context (`runnerCalls`) for that executor to take its answer
 * rather than call again (sendRequest above).
 */
export function directSubgraphCalls(options: {
  post: SubgraphFetcher['post'];
  urls: Readonly<Record<string, string>>;
  /** Starts timing one fetch; the returned function ends it with its outcome. */
  startTimer(subgraph: string): (outcome: 'ok' | 'error') => void;
  onMerged(subgraph: string, fetches: number): void;
}) {
  return async (subgraph: string, request: { query: string; variables: Record<string, unknown>; operationName: string | undefined }, context: SubgraphCallContext, merged: number) => {
    const url = options.urls[subgraph];
    if (!url) return undefined;
    const timers = Array.from({ length: merged }, () => options.startTimer(subgraph));
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': context.requestId, [CALLER_HEADER]: context.assertion };
    const sent = options.post(url, headers, JSON.stringify(request)).then(
      ({ status, json, text }) => (status >= 200 && status < 300 && json ? text : undefined),
      () => undefined,
    );
    (context.runnerCalls ??= []).push({ url, request, answer: sent });
    const answer = parsedAnswer(await sent);
    const outcome = answer && answer.errors === undefined ? 'ok' : 'error';
    for (const stop of timers) stop(outcome);
    if (merged > 1 && outcome === 'ok') options.onMerged(subgraph, merged);
    return answer;
  };
}
