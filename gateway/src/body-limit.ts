import express from 'express';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { Role, type Caller } from '@pass/access';
import type { OperationManifest } from './persisted-operations';

/** The general body limit of `/graphql`. */
export const BODY_LIMIT = '100kb';
export const BODY_LIMIT_BYTES = 100 * 1024;

/**
 * Operations allowed a larger body, each for one role only: a venue file in the national
 * standard travels as one CSV variable, and a region's file runs to megabytes.
 */
const LARGE_OPERATIONS: { rootField: string; role: Role; limit: string }[] = [{ rootField: 'importVenues', role: Role.OPERATOR, limit: '20mb' }];

/** The root fields of a document that is one mutation, or undefined for anything else. */
function mutationRootFields(query: string): string[] | undefined {
  try {
    const doc = parse(query, { maxTokens: 2000 });
    const operations = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const [operation] = operations;
    if (operations.length !== 1 || doc.definitions.length !== 1 || operation?.operation !== 'mutation') return undefined;
    return operation.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : '…'));
  } catch {
    return undefined;
  }
}

/**
 * JSON body parsing for `/graphql`: 100 kB for every request, except that a caller whose role has
 * a large operation may send up to that operation's limit — and a body past 100 kB is then
 * accepted only if it is exactly that operation (one mutation with that one root field), so the
 * larger limit serves nothing else. Runs after authentication, which sets `res.locals.caller`.
 */
/** Whether this caller's role has an operation allowed a body over BODY_LIMIT (LARGE_OPERATIONS). */
export function maySendLargeBody(caller: Caller): boolean {
  return LARGE_OPERATIONS.some((op) => op.role === caller.role);
}

export function graphqlBodyParser(operations: OperationManifest = {}): express.RequestHandler {
  const small = express.json({ limit: BODY_LIMIT });
  const large = new Map(
    LARGE_OPERATIONS.map((op) => [op.role, express.json({ limit: op.limit, verify: (req, _res, buf) => void ((req as { bodyBytes?: number }).bodyBytes = buf.length) })]),
  );
  return (req, res, next) => {
    const caller = res.locals.caller as Caller | undefined;
    const parser = caller ? large.get(caller.role) : undefined;
    if (!parser) return small(req, res, next);
    parser(req, res, (err?: unknown) => {
      if (err) return next(err);
      const bytes = (req as { bodyBytes?: number }).bodyBytes ?? 0;
      if (bytes <= BODY_LIMIT_BYTES) return next();
      const body = req.body as { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } } | undefined;
      const hash = body?.extensions?.persistedQuery?.sha256Hash;
      const query = typeof body?.query === 'string' ? body.query : typeof hash === 'string' ? operations[hash]?.document : undefined;
      const fields = query === undefined ? undefined : mutationRootFields(query);
      const allowed = fields?.length === 1 && LARGE_OPERATIONS.some((op) => op.role === caller?.role && op.rootField === fields[0]);
      if (allowed) return next();
      res.status(413).json({ errors: [{ message: `request entity too large: ${BODY_LIMIT} at most, except for ${LARGE_OPERATIONS.map((op) => op.rootField).join(', ')}`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    });
  };
}
