import { readFileSync } from 'node:fs';
import { composeSupergraph } from './compose';
import { subgraphSdlPath, supergraphPath } from './paths';

describe('checked-in schema', () => {
  test('schema/supergraph.graphql and the subgraph SDLs match the code (run `npm run compose` when this fails)', async () => {
    const { supergraphSdl, subgraphs } = await composeSupergraph();
    expect(subgraphs.map((s) => s.name)).toEqual(['programmes', 'beneficiaries', 'venues', 'vouchers']);
    for (const s of subgraphs) expect(readFileSync(subgraphSdlPath(s.name), 'utf8')).toBe(s.sdl);
    expect(readFileSync(supergraphPath, 'utf8')).toBe(supergraphSdl);
  });
});
