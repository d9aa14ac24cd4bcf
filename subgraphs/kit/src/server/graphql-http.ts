import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { AuthError, CALLER_HEADER, type Caller } from '@pass/access';

/*
 * A subgraph's `/graphql` on Node's own HTTP server, without Express.
 *
 * The gateway calls a subgraph three or four times per partner request, so whatever a subgraph
 * spends per call before GraphQL starts is paid that often. Through Express (its router, a JSON
 * body parser with content negotiation, then Apollo's Express integration) that was about a fifth
 * of the CPU of a trivial call on the 2-core VM (a `{ __typename }` at 0.85 ms per call; issue 12).
 * This does what those layers did for the one route: checks the caller assertion, reads a JSON
 * body within the subgraph's limit, hands the request to Apollo Server and writes its answer.
 * Health checks and `/metrics` stay on Express.
 */

export interface GraphqlHttpOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** The gateway's signed caller assertion, checked before anything else is read. */
  verifyCaller(assertion: string): Promise<Caller>;
  /** The largest JSON body accepted, in bytes. */
  bodyLimitBytes: number;
  context(request: { requestId: string | undefined; caller: Caller }): Promise<TContext> | TContext;
}

/** '1mb', '30mb', '512kb' or a number of bytes, as the subgraph modules give their body limit. */
export function bodyLimitBytes(limit: string | number): number {
  if (typeof limit === 'number') return limit;
  const match = /^(\d+)\s*(b|kb|mb)?$/i.exec(limit.trim());
  if (!match) throw new Error(`body limit "${limit}" is not a size such as 1mb or 512kb`);
  const unit = { b: 1, kb: 1024, mb: 1024 * 1024 }[(match[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb'];
  return Number(match[1]) * unit;
}

/** A refusal in GraphQL's error shape, with the code the access log and metrics read. */
function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

class TooLarge extends Error {}

/** The body as text, or TooLarge past `limit` bytes (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return Promise.reject(new TooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        reject(new TooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')));
    req.once('error', reject);
  });
}

const isJson = (contentType: string | undefined) => contentType !== undefined && /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType);

/** The request handler for `/graphql`. */
export function graphqlOverHttp<TContext extends BaseContext>(options: GraphqlHttpOptions<TContext>) {
  const { apollo } = options;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      // Only the gateway speaks to a subgraph: a request without its signed caller assertion is
      // refused before its body is read.
      let caller: Caller;
      try {
        const assertion = req.headers[CALLER_HEADER];
        caller = await options.verifyCaller(typeof assertion === 'string' ? assertion : '');
      } catch (err) {
        const reason = err instanceof AuthError ? err.message : 'caller assertion refused';
        refuse(res, 401, 'UNAUTHENTICATED', `only the gateway may call this subgraph: ${reason}`);
        return;
      }

      let body: unknown;
      if (req.method === 'POST' && isJson(req.headers['content-type'])) {
        let text: string;
        try {
          text = await readBody(req, options.bodyLimitBytes);
        } catch (err) {
          // The rest of the body is not read: the connection closes after the answer.
          if (err instanceof TooLarge) res.setHeader('connection', 'close');
          if (err instanceof TooLarge) refuse(res, 413, 'PAYLOAD_TOO_LARGE', `the request body is over this subgraph's limit of ${options.bodyLimitBytes} bytes`);
          else res.destroy();
          return;
        }
        try {
          body = JSON.parse(text);
        } catch {
          refuse(res, 400, 'BAD_REQUEST', 'the request body is not valid JSON');
          return;
        }
      } else {
        // Not JSON (or not a POST): Apollo Server answers it as it answers any such request.
        req.resume();
      }

      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      }
      const url = req.url ?? '';
      const query = url.indexOf('?');
      const requestId = req.headers['x-request-id'];
      const answer = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: query < 0 ? '' : url.slice(query), body },
        context: async () => options.context({ requestId: typeof requestId === 'string' ? requestId : undefined, caller }),
      });
      for (const [name, value] of answer.headers) res.setHeader(name, value);
      res.statusCode = answer.status ?? 200;
      if (answer.body.kind === 'complete') {
        res.end(answer.body.string);
        return;
      }
      for await (const chunk of answer.body.asyncIterator) res.write(chunk);
      res.end();
    } catch {
      // Apollo Server turns a resolver's failure into an answer; only its own failure lands here.
      refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'the subgraph failed to answer');
    }
  };
}
