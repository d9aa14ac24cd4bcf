import { STATUS_CODES } from 'node:http';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherHeaders, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { Pool } from 'undici';
import { CALLER_HEADER, type Caller } from '@pass/access';

/** What a subgraph fetch answers, as the gateway reads it. */
type GraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

export interface SubgraphCallContext {
  requestId: string;
  caller: Caller;
  /** The caller, signed by the gateway, for the subgraphs. */
  assertion: string;
}

/**
 * Forwards the request id (one request followed through every subgraph's logs) and the caller
 * assertion, and sends each entity once per fetch (`distinctRepresentations`).
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<SubgraphCallContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<SubgraphCallContext>): void {
    if (context?.requestId) request.http?.headers.set('x-request-id', context.requestId);
    if (context?.assertion) request.http?.headers.set(CALLER_HEADER, context.assertion);
  }

  override async process(options: GraphQLDataSourceProcessOptions<SubgraphCallContext>): Promise<GraphQLResponse> {
    const representations = options.request.variables?.representations;
    const distinct = Array.isArray(representations) ? distinctRepresentations(representations) : undefined;
    if (!distinct) return super.process(options);
    const request = { ...options.request, variables: { ...options.request.variables, representations: distinct.unique } };
    return expandEntities(await super.process({ ...options, request }), distinct.slots);
  }
}

/*
 * Apollo Gateway sends one representation per position in the answer: a distributor's 100 books
 * whose redemptions took place at 4 venues make an `_entities` fetch of every redemption's venue,
 * each resolved (and its row read) again. Apollo Router and Hive Gateway send each distinct entity
 * once; so does this, and copies the answers back to every position they were asked for.
 */

/** The distinct representations in order of first use, and for each position the index of its own; undefined when none repeats. */
export function distinctRepresentations(representations: unknown[]): { unique: unknown[]; slots: number[] } | undefined {
  const indexOf = new Map<string, number>();
  const unique: unknown[] = [];
  const slots: number[] = [];
  for (const representation of representations) {
    // Representations are built by the gateway from one selection set, so equal ones serialise alike.
    const key = JSON.stringify(representation);
    let index = indexOf.get(key);
    if (index === undefined) {
      index = unique.length;
      indexOf.set(key, index);
      unique.push(representation);
    }
    slots.push(index);
  }
  return unique.length < representations.length ? { unique, slots } : undefined;
}

/**
 * The answer to the distinct representations, put back in the shape of the fetch the gateway
 * planned: `_entities[i]` for each position, and each error on an entity repeated at every
 * position that asked for it. A repeated entity is a copy: the gateway merges later fetches into
 * these objects in place, so two positions must never share one.
 */
export function expandEntities(response: GraphQLResponse, slots: number[]): GraphQLResponse {
  const entities = (response.data as { _entities?: unknown } | null | undefined)?._entities;
  const positions = new Map<number, number[]>();
  slots.forEach((slot, position) => {
    const at = positions.get(slot);
    if (at) at.push(position);
    else positions.set(slot, [position]);
  });
  const expanded = { ...response };
  if (Array.isArray(entities)) {
    const used = new Set<number>();
    const _entities = slots.map((slot) => {
      if (!used.has(slot)) {
        used.add(slot);
        return entities[slot];
      }
      return entities[slot] == null ? entities[slot] : structuredClone(entities[slot]);
    });
    expanded.data = { ...response.data, _entities };
  }
  if (response.errors) {
    expanded.errors = response.errors.flatMap((error) => {
      const [head, slot, ...rest] = error.path ?? [];
      if (head !== '_entities' || typeof slot !== 'number' || !positions.has(slot)) return [error];
      return positions.get(slot)!.map((position) => ({ ...error, path: ['_entities', position, ...rest] }) as typeof error);
    });
  }
  return expanded;
}

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
 * The gateway's fetcher for its subgraphs: one keep-alive undici Pool per subgraph origin.
 * Apollo's default (make-fetch-happen over node-fetch) builds an HTTP cache policy, an agent
 * lookup and stream plumbing for every subgraph call — a plan makes 3 – 4 per partner request, and
 * that was a large share of the gateway's CPU per request. A subgraph answer is small JSON, so it
 * is read whole and handed over buffered.
 */
export function subgraphFetcher(): SubgraphFetcher {
  const pools = new Map<string, Pool>();
  let closed = false;
  const poolFor = (origin: string): Pool => {
    let pool = pools.get(origin);
    if (!pool) {
      if (closed) throw new Error('the gateway is closing');
      pool = new Pool(origin, { connections: CONNECTIONS_PER_SUBGRAPH });
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
