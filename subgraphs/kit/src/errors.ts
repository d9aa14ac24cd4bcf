import { GraphQLError } from 'graphql';

/**
 * Unknown ids and bad arguments are the caller's mistake: they surface as GraphQL errors with a
 * stable code (and HTTP 200 with `errors`), never as an internal error.
 */
export class NotFoundError extends GraphQLError {
  constructor(what: string, id: string) {
    super(`${what} ${JSON.stringify(id)} not found`, { extensions: { code: 'NOT_FOUND', what, id } });
  }
}

export class BadInputError extends GraphQLError {
  constructor(message: string, field?: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
  }
}

/**
 * A replicated fact this subgraph answers from has not arrived yet (the publisher committed it, the
 * replica applies it within moments): said with a stable code, so a client may ask again.
 */
export class ReplicaBehindError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'REPLICA_BEHIND' } });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; checking the shape first keeps a malformed id from reaching PostgreSQL as a cast error. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
