import { createHash } from 'node:crypto';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { generatedOperationsDir, operationsDir } from './paths';

export interface GeneratedFile {
  /** Absolute path. */
  filename: string;
  content: string;
}

/**
 * GraphQL Code Generator's client preset over `clients/operations/*.graphql`, checked against the
 * API schema: typed documents (`graphql.ts`) and `persisted-documents.json`, the manifest the
 * gateway accepts in production mode.
 *
 * - `__typename` is added to every selection set, as Apollo Client and urql do before sending, so a
 *   cache-backed client prints the very document that was registered.
 * - Hashes are the bare hex SHA-256 of the normalised document, which is what clients put in
 *   `extensions.persistedQuery.sha256Hash` (the preset's own `sha256` prefixes `sha256:`).
 */
export function typedOperationsConfig(apiSdl: string): CodegenConfig {
  return {
    schema: apiSdl,
    documents: [path.join(operationsDir, '*.graphql')],
    silent: true,
    generates: {
      [`${generatedOperationsDir}/`]: {
        preset: 'client',
        presetConfig: {
          fragmentMasking: false,
          persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: (document: string) => createHash('sha256').update(document).digest('hex') },
        },
        documentTransforms: [addTypenameSelectionDocumentTransform],
        config: {
          useTypeImports: true,
          enumsAsTypes: true,
          scalars: { DateTimeISO: 'string', LocalDate: 'string', SafeInt: 'number' },
        },
      },
    },
  };
}

/** Runs the generator; `write` false returns the files without touching the disk (the freshness test). */
export async function generateTypedOperations(apiSdl: string, write: boolean): Promise<GeneratedFile[]> {
  const files: { filename: string; content: string }[] = await generate(typedOperationsConfig(apiSdl), write);
  return files.map((f) => ({ filename: path.resolve(f.filename), content: f.content })).sort((a, b) => a.filename.localeCompare(b.filename));
}

