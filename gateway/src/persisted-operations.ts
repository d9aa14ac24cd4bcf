import { createHash } from 'node:crypto';
import { Role, type Caller } from '@pass/kit';

/**
 * Partner frontends' operations are registered by the SHA-256 of their text (the `.graphql`
 * files under `clients/operations`). In production mode a partner may send only those, either by
 * hash (`extensions.persistedQuery.sha256Hash`, no query text) or as the exact registered text;
 * analysts may still explore with ad hoc queries, which the cost limits bound.
 */
export type OperationManifest = Record<string, { name: string; document: string }>;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function buildManifest(documents: { name: string; document: string }[]): OperationManifest {
  return Object.fromEntries(documents.map((d) => [sha256(d.document), d]));
}

/** Roles allowed ad hoc operations even in production mode. */
const AD_HOC_ROLES = new Set<Role>([Role.ANALYST]);

export type PersistedCheck = { ok: true; query: string | undefined } | { ok: false; status: number; code: string; message: string };

export function checkPersisted(
  manifest: OperationManifest,
  productionMode: boolean,
  caller: Caller,
  body: { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } },
): PersistedCheck {
  const hash = body.extensions?.persistedQuery?.sha256Hash;
  if (typeof hash === 'string') {
    const registered = manifest[hash];
    if (!registered) return { ok: false, status: 400, code: 'PERSISTED_QUERY_NOT_FOUND', message: `no registered operation ${hash}` };
    if (typeof body.query === 'string' && sha256(body.query) !== hash) {
      return { ok: false, status: 400, code: 'PERSISTED_QUERY_HASH_MISMATCH', message: 'the query text does not match its hash' };
    }
    return { ok: true, query: registered.document };
  }
  if (!productionMode || AD_HOC_ROLES.has(caller.role)) return { ok: true, query: undefined };
  if (typeof body.query === 'string' && manifest[sha256(body.query)]) return { ok: true, query: undefined };
  return {
    ok: false,
    status: 403,
    code: 'PERSISTED_OPERATION_REQUIRED',
    message: `a ${caller.role} may run only registered operations`,
  };
}
