import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The partner frontends' operations: every `.graphql` file under `clients/operations`. */
export const operationsDir = path.resolve(__dirname, '..', '..', 'operations');

export function partnerOperations(): { name: string; document: string }[] {
  return readdirSync(operationsDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => ({ name: f.replace(/\.graphql$/, ''), document: readFileSync(path.join(operationsDir, f), 'utf8') }));
}
