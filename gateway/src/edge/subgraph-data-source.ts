import { STATUS_CODES } from 'node:http';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherHeaders, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { Pool } from 'undici';
import { CALLER_HEADER, type Caller } from '@pass/access';

export interface SubgraphCallContext {
  requestId: string;
  caller: Caller;
  /** The caller, signed by the gateway, for the subgraphs. */
  assertion: string;
}

/** Forwards the request id (one request followed through every subgraph's logs) and the caller assertion. */
export class SubgraphDataSource extends RemoteGraphQLDataSource<SubgraphCallContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<SubgraphCallContext>): void {
    if (context?.requestId) request.http?.headers.set('x-request-id', context.requestId);
    if (context?.assertion) request.http?.headers.set(CALLER_HEADER, context.assertion);
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

/**
 * Connections per subgraph: the gateway's fetches in flight to one subgraph seldom exceed the
 * partners' requests in flight; beyond this they queue in the pool rather than open more sockets.
 */
const CONNECTIONS_PER_SUBGRAPH = 64;

export interface SubgraphFetcher {
  fetcher: Fetcher;
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
  return {
    fetcher,
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
