import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { AuthError, CALLER_HEADER, type Caller } from '@pass/access';
import { answerWithApollo, isJsonContentType, readJsonBody, sendRefusal } from '@pass/runtime';

/*
 * A subgraph's `/graphql` on Node's own HTTP server, without Express (runtime's
 * graphql-over-http.ts says why): checks the gateway's caller assertion, reads a JSON body within
 * the subgraph's limit, hands the request to Apollo Server and writes its answer. Health checks
 * and `/metrics` stay on Express.
 */

export interface GraphqlHttpOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** The gateway's signed caller assertion, checked before anything else is read. */
  verifyCaller(assertion: string): Promise<Caller>;
  /** The largest JSON body accepted, in bytes. */
  bodyLimitBytes: number;
  context(request: { requestId: string | undefined; caller: Caller }): Promise<TContext> | TContext;
  /**
   * Answers a text validated before without Apollo Server (validated-operations.ts), or returns
   * false, having written nothing, for Apollo Server to answer.
   */
  answerValidated?(body: unknown, req: IncomingMessage, res: ServerResponse, context: () => Promise<TContext>): Promise<boolean>;
}

/** The request handler for `/graphql`. */
export function graphqlOverHttp<TContext extends BaseContext>(options: GraphqlHttpOptions<TContext>) {
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
        sendRefusal(res, { status: 401, code: 'UNAUTHENTICATED', message: `only the gateway may call this subgraph: ${reason}` });
        return;
      }
      let body: unknown;
      if (req.method === 'POST' && isJsonContentType(req.headers['content-type'])) {
        const read = await readJsonBody(req, options.bodyLimitBytes);
        if ('refusal' in read) return sendRefusal(res, read.refusal);
        body = read.body;
      } else {
        // Not JSON (or not a POST): Apollo Server answers it as it answers any such request.
        req.resume();
      }
      const requestId = req.headers['x-request-id'];
      const context = async () => options.context({ requestId: typeof requestId === 'string' ? requestId : undefined, caller });
      if (body !== undefined && options.answerValidated && (await options.answerValidated(body, req, res, context))) return;
      await answerWithApollo(options.apollo, req, res, body, context);
    } catch {
      // Apollo Server turns a resolver's failure into an answer; only its own failure lands here.
      sendRefusal(res, { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'the subgraph failed to answer' });
    }
  };
}
