import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

/*
 * GraphQL over HTTP on Node's own request and response, for the one route every partner request
 * takes (the gateway's POST /graphql, each subgraph's /graphql), without Express.
 *
 * Express (its router, a JSON body parser with content negotiation, then Apollo's Express
 * integration) cost about 0.45 ms of CPU per request on the 2-core VM: a subgraph answered a
 * trivial `{ __typename }` for 0.85 ms through it and 0.39 ms without (issue 12). A partner request
 * crosses the gateway and three or four subgraph calls, so that was paid four or five times.
 * What these helpers keep from those layers: a JSON body read within a limit, refusals in
 * GraphQL's error shape with a code, and Apollo Server's answer written as its integration wrote it.
 */

/** A request refused before GraphQL: its status, the error's code and message, and any headers. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  headers?: Record<string, string>;
  /** More of the error's extensions (a rate limit's figures, an authentication failure's reason). */
  extensions?: Record<string, unknown>;
}

/** '1mb', '30mb', '100kb' or a number of bytes, as the parts write their body limits. */
export function bodyLimitBytes(limit: string | number): number {
  if (typeof limit === 'number') return limit;
  const match = /^(\d+)\s*(b|kb|mb)?$/i.exec(limit.trim());
  if (!match) throw new Error(`body limit "${limit}" is not a size such as 1mb or 512kb`);
  const unit = { b: 1, kb: 1024, mb: 1024 * 1024 }[(match[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb'];
  return Number(match[1]) * unit;
}

/** `/graphql`, with a query string or a subpath: the route a gateway or subgraph serves GraphQL on. */
export const isGraphqlPath = (url: string | undefined): boolean =>
  url !== undefined && url.startsWith('/graphql') && (url.length === 8 || url[8] === '?' || url[8] === '/');

/** `application/json` and its `+json` kinds, with or without parameters. */
export const isJsonContentType = (contentType: string | undefined): boolean =>
  contentType !== undefined && /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType);

/** Writes a refusal as GraphQL's error shape (never after the answer has started: then the socket is cut). */
export function sendRefusal(res: ServerResponse, refusal: Refusal): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const [name, value] of Object.entries(refusal.headers ?? {})) res.setHeader(name, value);
  res.statusCode = refusal.status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code, ...refusal.extensions } }] }));
}

/**
 * Bytes of a body already refused as too large that are still read (and dropped) so that the
 * caller can finish sending and read the 413. Answering and closing while a client still uploads
 * makes its write fail (EPIPE, ECONNRESET) before it ever sees the answer: a 10 MB request to the
 * gateway in its own process did exactly that. Beyond this, the connection is cut after the answer.
 */
export const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * The request's JSON body, read whole within `limit` bytes, or the refusal to answer: 413 past the
 * limit, 400 for text that is not JSON. A body over the limit is not kept: up to DRAIN_LIMIT_BYTES
 * of it are read and dropped, so the caller finishes its upload and reads the 413 on a connection
 * that stays open; a longer one (declared, or seen) gets the 413 with `connection: close`, and the
 * socket is cut at DRAIN_LIMIT_BYTES.
 */
export function readJsonBody(req: IncomingMessage, limit: number): Promise<{ body: unknown } | { refusal: Refusal }> {
  const tooLarge = (close: boolean): { refusal: Refusal } => ({
    refusal: {
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: `request entity too large: ${limit} bytes at most`,
      ...(close ? { headers: { connection: 'close' } } : {}),
    },
  });
  /** Reads and drops the rest of a refused body; past the drain limit, the socket goes. */
  const drain = (alreadyRead: number) => {
    let size = alreadyRead;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_LIMIT_BYTES) req.socket.destroy();
    });
    req.resume();
  };
  const declared = Number(req.headers['content-length']);
  if (declared > limit) {
    if (declared > DRAIN_LIMIT_BYTES) return Promise.resolve(tooLarge(true));
    drain(0);
    return Promise.resolve(tooLarge(false));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        chunks.length = 0;
        drain(size);
        resolve(tooLarge(false));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => {
      if (size > limit) return;
      const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
      try {
        resolve({ body: JSON.parse(text) });
      } catch {
        resolve({ refusal: { status: 400, code: 'BAD_REQUEST', message: 'the request body is not valid JSON' } });
      }
    });
    req.once('error', reject);
  });
}

/** Hands the request to Apollo Server and writes its answer, as Apollo's Express integration did. */
export async function answerWithApollo<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  req: IncomingMessage,
  res: ServerResponse,
  body: unknown,
  context: () => Promise<TContext>,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = req.url ?? '';
  const query = url.indexOf('?');
  const answer = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: query < 0 ? '' : url.slice(query), body },
    context,
  });
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  res.statusCode = answer.status ?? 200;
  if (answer.body.kind === 'complete') {
    res.end(answer.body.string);
    return;
  }
  for await (const chunk of answer.body.asyncIterator) res.write(chunk);
  res.end();
}
