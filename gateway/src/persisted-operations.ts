import { createHash } from 'node:crypto';
import { Kind, parse, visit, type DocumentNode } from 'graphql';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { Role, type Caller } from '@pass/access';

/**
 * Partner frontends' operations are registered: GraphQL Code Generator turns
 * `clients/operations/*.graphql` into typed documents and `persisted-documents.json`, a map from
 * hash to normalised document. In production mode a partner may send only those, either by hash
 * (`extensions.persistedQuery.sha256Hash`, no query text) or as the text of a registered document
 * however its client library printed it; analysts may still explore with ad hoc queries, which
 * the cost limits bound.
 *
 * A document's hash is the one the generator computes: `__typename` added to every selection
 * set (but a subscription's root), then printed with sorted selections and single spaces
 * (`printExecutableGraphQLDocument`), then SHA-256 in hex. Whitespace, comments, selection order
 * and the `__typename` fields that cache-backed clients add therefore do not change it.
 */
export type OperationManifest = Record<string, { name: string; document: string }>;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The same limit as the gateway's pre-parse: a text longer than any registered one is not parsed further. */
const MAX_TOKENS = 2000;

function addTypename(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet(node, _key, parent) {
      const subscriptionRoot = !Array.isArray(parent) && (parent as { kind?: string } | undefined)?.kind === Kind.OPERATION_DEFINITION && (parent as { operation?: string }).operation === 'subscription';
      if (subscriptionRoot || node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename')) return undefined;
      return { ...node, selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }, ...node.selections] };
    },
  });
}

/** The normalised text of a document, as the manifest stores it; throws a GraphQLError on bad syntax. */
export function normaliseDocument(text: string): string {
  return printExecutableGraphQLDocument(addTypename(parse(text, { noLocation: true, maxTokens: MAX_TOKENS })));
}

/** The registered hash of a document's text, or undefined when it does not parse. */
export function documentHash(text: string): string | undefined {
  try {
    return sha256(normaliseDocument(text));
  } catch {
    return undefined;
  }
}

/**
 * Texts already judged, with their registered hash (or undefined when they do not parse): a
 * partner sends the same few operations all day, and parsing, printing and hashing one costs more
 * than the rest of the check. Least recently used first, at most HASH_CACHE_SIZE texts, so texts a
 * client makes up one after the other cannot grow it.
 */
const HASH_CACHE_SIZE = 1000;
const hashes = new Map<string, { hash: string | undefined }>();

/** `documentHash`, remembered per text (see `hashes`). */
function cachedDocumentHash(text: string): string | undefined {
  const known = hashes.get(text);
  if (known) {
    hashes.delete(text);
    hashes.set(text, known);
    return known.hash;
  }
  const hash = documentHash(text);
  if (hashes.size >= HASH_CACHE_SIZE) hashes.delete(hashes.keys().next().value as string);
  hashes.set(text, { hash });
  return hash;
}

/** The hash of the registered operation the text is a printing of, if it is one. */
export function registeredHashOf(manifest: OperationManifest, text: string): string | undefined {
  const hash = cachedDocumentHash(text);
  return hash !== undefined && manifest[hash] !== undefined ? hash : undefined;
}

function operationName(document: string): string {
  const operation = parse(document, { noLocation: true }).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return operation?.kind === Kind.OPERATION_DEFINITION ? (operation.name?.value ?? 'anonymous') : 'anonymous';
}

/**
 * Registers documents given as text (a `.graphql` file, a printed document), each under its
 * operation's name, as `manifestFromPersistedDocuments` names them: the reports look their
 * operation up by that name, so both ways of loading must agree (the gateway's own process once
 * named them by file, and every CSV report answered 500 in `npm start`'s layout).
 */
export function buildManifest(documents: string[]): OperationManifest {
  return Object.fromEntries(
    documents.map((text) => {
      const document = normaliseDocument(text);
      return [sha256(document), { name: operationName(document), document }];
    }),
  );
}

/**
 * The manifest from the generator's `persisted-documents.json`. Each hash is recomputed: a
 * generator that normalised differently from this gateway would register hashes no client text
 * could match, and that must stop the start, not refuse partners in production.
 */
export function manifestFromPersistedDocuments(persisted: Record<string, string>): OperationManifest {
  return Object.fromEntries(
    Object.entries(persisted).map(([hash, document]) => {
      if (documentHash(document) !== hash) throw new Error(`persisted document ${hash} does not hash to its key: regenerate it with \`npm run compose\``);
      return [hash, { name: operationName(document), document }];
    }),
  );
}

/**
 * Roles allowed ad hoc operations even in production mode: analysts explore aggregates, and the
 * hub's own operators run what the day needs (both may introspect in GraphiQL). Partner roles
 * send only registered operations.
 */
const AD_HOC_ROLES = new Set<Role>([Role.ANALYST, Role.OPERATOR]);

export type PersistedCheck = { ok: true; query: string | undefined } | { ok: false; status: number; code: string; message: string };

/**
 * Decides whether a request's operation may run. `query` in the answer, when set, replaces the
 * request's text (a registered document sent by hash); the caller then drops `extensions` so that
 * Apollo Server's own automatic persisted queries never see the hash.
 */
export function checkPersisted(
  manifest: OperationManifest,
  productionMode: boolean,
  caller: Caller,
  body: { query?: unknown; extensions?: { persistedQuery?: { sha256Hash?: unknown } } },
): PersistedCheck {
  const text = typeof body.query === 'string' ? body.query : undefined;
  const sent = body.extensions?.persistedQuery?.sha256Hash;
  if (typeof sent === 'string') {
    // GraphQL over HTTP's document ids carry the algorithm as a prefix; Apollo's hashes do not.
    const hash = sent.replace(/^sha256:/, '');
    const registered = manifest[hash];
    if (text === undefined) {
      if (!registered) return { ok: false, status: 400, code: 'PERSISTED_QUERY_NOT_FOUND', message: `no registered operation ${hash}` };
      return { ok: true, query: registered.document };
    }
    // Text and hash together: the hash must name that text, as this hub hashes documents or as
    // automatic persisted queries do (SHA-256 of the exact text). The text is then judged alone.
    if (hash !== sha256(text) && hash !== cachedDocumentHash(text)) {
      return { ok: false, status: 400, code: 'PERSISTED_QUERY_HASH_MISMATCH', message: 'the query text does not match its hash' };
    }
    const check = checkText(manifest, productionMode, caller, text);
    return check.ok ? { ok: true, query: text } : check;
  }
  return checkText(manifest, productionMode, caller, text);
}

function checkText(manifest: OperationManifest, productionMode: boolean, caller: Caller, text: string | undefined): PersistedCheck {
  if (!productionMode || AD_HOC_ROLES.has(caller.role)) return { ok: true, query: undefined };
  const hash = text === undefined ? undefined : cachedDocumentHash(text);
  if (hash !== undefined && manifest[hash]) return { ok: true, query: undefined };
  return {
    ok: false,
    status: 403,
    code: 'PERSISTED_OPERATION_REQUIRED',
    message: `a ${caller.role} may run only registered operations`,
  };
}
