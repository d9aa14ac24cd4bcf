import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The partner frontends' operations: every `.graphql` file under `clients/operations`. */
export const operationsDir = path.resolve(__dirname, '..', '..', 'operations');

/**
 * Generated from them by `npm run compose` (GraphQL Code Generator, client preset): typed
 * documents in `graphql.ts` and the manifest of registered operations. Read from `src/` in both
 * the compiled and the test builds, since the manifest is JSON that `tsc` does not copy.
 */
export const generatedOperationsDir = path.resolve(__dirname, '..', '..', 'src', 'generated');

export function partnerOperations(): { name: string; document: string }[] {
  return readdirSync(operationsDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => ({ name: f.replace(/\.graphql$/, ''), document: readFileSync(path.join(operationsDir, f), 'utf8') }));
}

/** The registered operations: hash (hex SHA-256 of the normalised document) → document. */
export function persistedDocuments(): Record<string, string> {
  return JSON.parse(readFileSync(path.join(generatedOperationsDir, 'persisted-documents.json'), 'utf8')) as Record<string, string>;
}
