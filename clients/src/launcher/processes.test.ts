import { subgraphNodeOptions } from './processes';

describe("subgraphs' Node options", () => {
  test('32 MB semi-spaces unless told, kept beside the Node options already given; 0 leaves V8 its default', () => {
    expect(subgraphNodeOptions({})).toEqual({ NODE_OPTIONS: '--max-semi-space-size=32' });
    expect(subgraphNodeOptions({ NODE_OPTIONS: '--enable-source-maps', PASS_SUBGRAPH_SEMI_SPACE_MB: '64' })).toEqual({ NODE_OPTIONS: '--enable-source-maps --max-semi-space-size=64' });
    expect(subgraphNodeOptions({ PASS_SUBGRAPH_SEMI_SPACE_MB: '0' })).toEqual({});
  });

  test('a size that is not a whole number of MB is refused, naming the variable', () => {
    for (const bad of ['-1', '1.5', 'big']) expect(() => subgraphNodeOptions({ PASS_SUBGRAPH_SEMI_SPACE_MB: bad })).toThrow(/PASS_SUBGRAPH_SEMI_SPACE_MB/);
  });
});
