import cors from 'cors';
import type { RequestHandler } from 'express';

/**
 * CORS for partner frontends on `/graphql`. It runs before authentication: a browser's preflight
 * (`OPTIONS`) never carries the `Authorization` header, so it must be answered without one.
 * Credentials stay off: partners send bearer tokens, and the hub sets no cookie a browser could
 * attach on its own — which is also why a page of any origin cannot act with someone's session.
 * An origin not in the list gets no `Access-Control-Allow-Origin`, and the browser refuses the
 * answer to its page.
 */
export function corsForGraphql(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return cors({
    origin: (origin, done) => done(null, origin !== undefined && allowed.has(origin)),
    credentials: false,
    methods: ['GET', 'POST'],
    // What GraphQL clients send: their JSON, the token, Apollo's CSRF-prevention header and a request id.
    allowedHeaders: ['authorization', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name', 'x-request-id'],
    // What a client reads on refusals and to quote the request in a support call.
    exposedHeaders: ['retry-after', 'www-authenticate', 'x-request-id'],
    maxAge: 600,
  });
}
