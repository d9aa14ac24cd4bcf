/**
 * Why the gateway closed a live (graphql-ws) connection. graphql-ws's own codes (4400 bad
 * request, 4406 subprotocol, 4408 init timeout, 4409 duplicate id, 4429 repeated init, 4500) are
 * kept; these are the hub's. Written down for clients in docs/live.md.
 */
export enum LiveCloseCode {
  /** The gateway is shutting down: reconnect (to any gateway) with your last cursor. */
  GoingAway = 1001,
  /** This gateway holds as many connections as it allows: retry later or elsewhere. */
  TryAgainLater = 1013,
  /** No token in `connectionParams.authorization`, or one that is malformed, tampered or foreign. */
  Unauthorized = 4401,
  /** The token's role may not subscribe (an analyst sees aggregates only). */
  Forbidden = 4403,
  /** The token expired, at connection or while connected: reconnect with a fresh one and your cursor. */
  TokenExpired = 4410,
  /** The token stopped being accepted while connected (revoked, key withdrawn). */
  TokenRejected = 4411,
  /** The client read too slowly and its buffer filled: reconnect and resume from your last cursor. */
  SlowConsumer = 4412,
}
