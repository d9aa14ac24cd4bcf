import * as federationOperations from '@apollo/federation-internals/dist/operations';
import type { DocumentNode } from 'graphql';

/*
 * The gateway's own form of an operation, built once per parsed operation instead of per request.
 *
 * Before executing a plan, @apollo/gateway 2.14.4's `executeQueryPlan` rebuilds the operation from
 * its AST (`operationFromDocument(apiSchema, { definitions: [operation, ...fragments] },
 * { validate: false })`) to shape the answer with it: every selection looked up in the schema
 * again, on every request. That was 3.7 % of the gateway process's profile samples on the four
 * partner queries (a `--cpu-prof` of the processes layout, 4 December). The result depends only on the
 * schema and the AST nodes, and both are the same objects from one request of a text to the next:
 * Apollo Server keeps each text's parsed document, and registered-plans.ts keeps each plan's.
 * The operation is read, never changed, by what uses it (the plan's conditions, result shaping).
 *
 * So that call is answered from a WeakMap keyed by the operation's AST node (gone with the
 * document it belongs to), checked against the schema and the definitions after it (the
 * fragments, one by one, as objects). Any other call — with validation, an operation name, a
 * schema or a fragment that differs — goes to Apollo's function as before.
 *
 * `executeQueryPlan` reads the function through the package's re-export getter at each call, so
 * replacing it on the `operations` module is what it sees. The version is pinned exactly; the
 * unit test fails should that export stop being replaceable or the package's re-export stop
 * reading it (it does not watch how executeQueryPlan calls it: read that on an upgrade).
 */

type OperationFromDocument = typeof federationOperations.operationFromDocument;
type Operation = ReturnType<OperationFromDocument>;

interface Remembered {
  schema: Parameters<OperationFromDocument>[0];
  /** The definitions after the operation (its fragments), as they were. */
  rest: readonly unknown[];
  operation: Operation;
}

const original: OperationFromDocument = federationOperations.operationFromDocument;
const remembered = new WeakMap<object, Remembered>();

const sameRest = (kept: readonly unknown[], document: DocumentNode) =>
  kept.length === document.definitions.length - 1 && kept.every((definition, i) => definition === document.definitions[i + 1]);

const rememberingOperationFromDocument: OperationFromDocument = (schema, document, options) => {
  const first = document.definitions[0];
  // Only the call executeQueryPlan makes: no validation, no name to pick an operation by.
  if (!first || options?.validate !== false || options.operationName !== undefined) return original(schema, document, options);
  const kept = remembered.get(first);
  if (kept && kept.schema === schema && sameRest(kept.rest, document)) return kept.operation;
  const operation = original(schema, document, options);
  remembered.set(first, { schema, rest: document.definitions.slice(1), operation });
  return operation;
};

/** Installs the remembering `operationFromDocument` in this process (installing it again changes nothing). */
export function rememberPlannedOperations(): void {
  (federationOperations as { operationFromDocument: OperationFromDocument }).operationFromDocument = rememberingOperationFromDocument;
}
