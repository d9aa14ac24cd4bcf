import { readFileSync } from 'node:fs';
import { supergraphPath } from './paths';

export { supergraphPath, subgraphSdlPath } from './paths';
export { subgraphModules } from './subgraphs';
export { composeSupergraph, type Composition } from './compose';

export function readSupergraph(): string {
  return readFileSync(supergraphPath, 'utf8');
}
