import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { federatedSchemaOf } from '@pass/kit';
import { apiSchemaOf, printApiSchema } from './api-schema';
import { describeChanges, unacknowledgedBreakingChanges } from './api-check';
import { apiBaselinePath, apiSchemaPath, changelogPath, subgraphSdlPath, supergraphPath } from './paths';
import { subgraphModules } from './subgraphs';

export interface Composition {
  supergraphSdl: string;
  /** The client-facing schema (`schema/api.graphql`). */
  apiSdl: string;
  subgraphs: { name: string; sdl: string }[];
}

export async function composeSupergraph(): Promise<Composition> {
  const subgraphs = await Promise.all(
    subgraphModules.map(async ({ module, port }) => ({
      name: module.name,
      url: `http://127.0.0.1:${port}/graphql`,
      sdl: (await federatedSchemaOf(module)).sdl,
    })),
  );
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return {
    supergraphSdl: result.supergraphSdl,
    apiSdl: printApiSchema(apiSchemaOf(result)),
    subgraphs: subgraphs.map(({ name, sdl }) => ({ name, sdl })),
  };
}

async function main(): Promise<void> {
  const { supergraphSdl, apiSdl, subgraphs } = await composeSupergraph();
  const dir = path.dirname(supergraphPath);
  mkdirSync(path.join(dir, 'subgraphs'), { recursive: true });
  for (const s of subgraphs) writeFileSync(subgraphSdlPath(s.name), s.sdl);
  writeFileSync(supergraphPath, supergraphSdl);
  writeFileSync(apiSchemaPath, apiSdl);
  // Loaded only here: the generator (and its ESM-only dependencies) is a build tool, never needed
  // by the hub, which imports this module for `composeSupergraph`.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, see above
  const { generateTypedOperations } = require('./typed-operations') as typeof import('./typed-operations');
  const generated = await generateTypedOperations(apiSdl, true);
  const rel = (p: string) => path.relative(process.cwd(), p);
  console.log(`wrote ${rel(supergraphPath)}, ${rel(apiSchemaPath)}, ${subgraphs.length} subgraph SDLs and ${generated.length} typed-operation files`);
  const unacknowledged = await unacknowledgedBreakingChanges(readFileSync(apiBaselinePath, 'utf8'), apiSdl, readFileSync(changelogPath, 'utf8'));
  if (unacknowledged.length > 0) {
    console.warn(`breaking changes against schema/api.baseline.graphql that CHANGELOG.md does not acknowledge (npm test fails):\n${describeChanges(unacknowledged)}`);
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
