import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildOperationContext, executeQueryPlan, type Experimental_DidResolveQueryPlanCallback, type ServiceMap } from '@apollo/gateway';
import { Supergraph } from '@apollo/federation-internals';
import { parse } from 'graphql';
import { compilePlan, runPlan, type SubgraphRequest } from './plan-runner';

/*
 * The plan runner against Apollo's own executor on the same plan and the same subgraph answers:
 * what one returns the other must return, and whatever the runner does not do whole it hands
 * back (undefined) rather than answering differently. The plans are written here as Apollo's
 * planner writes them for the hub's supergraph (the e2e equivalence test runs the real ones).
 */

type QueryPlan = Parameters<Experimental_DidResolveQueryPlanCallback>[0]['queryPlan'];

const supergraph = Supergraph.build(readFileSync(path.join(__dirname, '../../../schema/supergraph.graphql'), 'utf8'));
const apiSchema = supergraph.apiSchema();
const apiGraphql = apiSchema.toGraphQLJSSchema();
const supergraphGraphql = supergraph.schema.toGraphQLJSSchema();

const operationText = `query FunderVouchers($funderId: ID!) { funder(id: $funderId) { name programmes { name vouchersRedeemed booksIssued } } }`;
const operationContext = buildOperationContext({ schema: apiGraphql, operationDocument: parse(operationText) });

const rootFetch = {
  kind: 'Fetch' as const,
  serviceName: 'programmes',
  variableUsages: ['funderId'],
  operation: 'query FunderVouchers__programmes__0($funderId:ID!){funder(id:$funderId){name programmes{__typename id name}}}',
  operationName: 'FunderVouchers__programmes__0',
  operationKind: 'query' as never,
};
const entityFetch = (field: string, index: number) => ({
  kind: 'Fetch' as const,
  serviceName: 'vouchers',
  requires: [{ kind: 'InlineFragment' as const, typeCondition: 'Programme', selections: [{ kind: 'Field' as const, name: '__typename' }, { kind: 'Field' as const, name: 'id' }] }],
  variableUsages: [],
  operation: `query FunderVouchers__vouchers__${index}($representations:[_Any!]!){_entities(representations:$representations){...on Programme{${field}}}}`,
  operationName: `FunderVouchers__vouchers__${index}`,
  operationKind: 'query' as never,
});
const flatten = (node: object) => ({ kind: 'Flatten' as const, path: ['funder', 'programmes', '@'], node });

/** Root fetch, then the vouchers' two fields in two fetches side by side. */
const plan = {
  kind: 'QueryPlan',
  node: { kind: 'Sequence', nodes: [rootFetch, { kind: 'Parallel', nodes: [flatten(entityFetch('vouchersRedeemed', 1)), flatten(entityFetch('booksIssued', 2))] }] },
} as unknown as QueryPlan;

const programmes = { data: { funder: { name: 'CSO', programmes: [{ __typename: 'Programme', id: 'p1', name: 'One' }, { __typename: 'Programme', id: 'p2', name: 'Two' }] } } };
const variables = { funderId: 'f1' };

/** What a subgraph answers to one fetch (an `_entities` list for each field asked). */
function answerFor(request: SubgraphRequest): { data?: unknown; errors?: unknown } {
  if (request.query.includes('funder(')) return structuredClone(programmes);
  const representations = request.variables.representations as { id: string }[];
  const field = request.query.includes('vouchersRedeemed') ? 'vouchersRedeemed' : 'booksIssued';
  return { data: { _entities: representations.map(({ id }) => ({ [field]: id === 'p1' ? 3 : 5 })) } };
}

/** The same plan through Apollo's executeQueryPlan, each fetch answered by `answer`. */
async function throughApollo(answer: (request: SubgraphRequest) => { data?: unknown; errors?: unknown }) {
  const source = { process: async ({ request }: { request: SubgraphRequest }) => structuredClone(answer(request)) };
  const serviceMap = { programmes: source, vouchers: source } as unknown as ServiceMap;
  const requestContext = { request: { query: operationText, variables }, context: {}, metrics: {}, logger: console };
  return executeQueryPlan(plan, serviceMap, requestContext as never, operationContext, supergraphGraphql, apiSchema, undefined);
}

describe('the plan runner', () => {
  const compiled = compilePlan(plan, operationContext, apiSchema, { mergeEntityFetches: true })!;

  test("answers what Apollo's executor answers, the side-by-side entity fetches to one subgraph in one call", async () => {
    const calls: { subgraph: string; merged: number; request: SubgraphRequest }[] = [];
    const result = await runPlan(compiled, variables, async (subgraph, request, merged) => {
      calls.push({ subgraph, merged, request });
      if (merged === 1) return answerFor(request);
      // The merged call: each fetch's `_entities` under its alias, its variables suffixed.
      const parts = [0, 1].map((i) => answerFor({ ...request, query: i === 0 ? 'vouchersRedeemed' : 'booksIssued', variables: { representations: request.variables[`representations__${i}`] } }));
      return { data: { _entities_0: (parts[0]!.data as { _entities: unknown })._entities, _entities_1: (parts[1]!.data as { _entities: unknown })._entities } };
    });
    expect(result).toEqual(await throughApollo(answerFor));
    expect(JSON.stringify(result)).toBe(JSON.stringify({ data: { funder: { name: 'CSO', programmes: [{ name: 'One', vouchersRedeemed: 3, booksIssued: 3 }, { name: 'Two', vouchersRedeemed: 5, booksIssued: 5 }] } } }));
    expect(calls.map(({ subgraph, merged }) => [subgraph, merged])).toEqual([
      ['programmes', 1],
      ['vouchers', 2],
    ]);
    expect(calls[0]!.request.variables).toEqual({ funderId: 'f1' });
    expect(calls[1]!.request.variables).toEqual({ representations__0: [{ __typename: 'Programme', id: 'p1' }, { __typename: 'Programme', id: 'p2' }], representations__1: [{ __typename: 'Programme', id: 'p1' }, { __typename: 'Programme', id: 'p2' }] });
  });

  test('without merging, one call per fetch, the same answer', async () => {
    const unmerged = compilePlan(plan, operationContext, apiSchema, { mergeEntityFetches: false })!;
    const merges: number[] = [];
    const result = await runPlan(unmerged, variables, async (_subgraph, request, merged) => {
      merges.push(merged);
      return answerFor(request);
    });
    expect(merges).toEqual([1, 1, 1]);
    expect(result).toEqual(await throughApollo(answerFor));
  });

  test('a null for a non-null field is shaped as Apollo shapes it (valueCompletion, data nulled up)', async () => {
    const nullName = (request: SubgraphRequest) => {
      const answer = answerFor(request);
      if (request.query.includes('funder(')) (answer.data as typeof programmes.data).funder.programmes[0]!.name = null as never;
      return answer;
    };
    const result = await runPlan(compilePlan(plan, operationContext, apiSchema, { mergeEntityFetches: false })!, variables, async (_s, request) => nullName(request));
    expect(result?.extensions?.valueCompletion.length).toBeGreaterThan(0);
    expect(JSON.stringify(result)).toBe(JSON.stringify(await throughApollo(nullName)));
  });

  test("the answer shaped by the compiled shape where it can, by Apollo's computeResponse where the data is not whole", async () => {
    expect(compiled.shape).toBeDefined();
    // An Int that is not one, and a string where an Int is: Apollo's errors and nulls, the same bytes.
    for (const bad of ['x', 1.5]) {
      const invalid = (request: SubgraphRequest) => {
        const answer = answerFor(request);
        if (request.query.includes('booksIssued')) (answer.data as { _entities: Record<string, unknown>[] })._entities[1]!.booksIssued = bad;
        return answer;
      };
      const result = await runPlan(compilePlan(plan, operationContext, apiSchema, { mergeEntityFetches: false })!, variables, async (_s, request) => invalid(request));
      expect(result?.extensions?.valueCompletion.length).toBe(1);
      expect(JSON.stringify(result)).toBe(JSON.stringify(await throughApollo(invalid)));
    }
  });

  test('an operation with a directive or __typename: shaped as Apollo shapes it', async () => {
    for (const text of [
      `query FunderVouchers($funderId: ID!, $withBooks: Boolean!) { funder(id: $funderId) { name programmes { name vouchersRedeemed booksIssued @include(if: $withBooks) } } }`,
      `query FunderVouchers($funderId: ID!) { funder(id: $funderId) { __typename name kind: __typename programmes { __typename name vouchersRedeemed booksIssued } } }`,
    ]) {
      const context = buildOperationContext({ schema: apiGraphql, operationDocument: parse(text) });
      const withDirective = compilePlan(plan, context, apiSchema, { mergeEntityFetches: false })!;
      expect(withDirective.shape === undefined).toBe(text.includes('@include'));
      for (const withBooks of [true, false]) {
        const given = { ...variables, withBooks };
        const result = await runPlan(withDirective, given, async (_s, request) => answerFor(request));
        const source = { process: async ({ request }: { request: SubgraphRequest }) => structuredClone(answerFor(request)) };
        const apollo = await executeQueryPlan(
          plan,
          { programmes: source, vouchers: source } as unknown as ServiceMap,
          { request: { query: text, variables: given }, context: {}, metrics: {}, logger: console } as never,
          context,
          supergraphGraphql,
          apiSchema,
          undefined,
        );
        expect(JSON.stringify(result)).toBe(JSON.stringify(apollo));
      }
    }
  });

  test('hands the request back on a subgraph error, a failed call, or entities that do not line up', async () => {
    const withErrors = await runPlan(compiled, variables, async (_s, request) => (request.query.includes('funder(') ? { ...answerFor(request), errors: [{ message: 'no' }] } : answerFor(request)));
    expect(withErrors).toBeUndefined();
    expect(await runPlan(compiled, variables, async () => undefined)).toBeUndefined();
    const short = await runPlan(compiled, variables, async (_s, request, merged) =>
      request.query.includes('funder(') ? answerFor(request) : { data: merged > 1 ? { _entities_0: [{ vouchersRedeemed: 1 }], _entities_1: [] } : { _entities: [] } },
    );
    expect(short).toBeUndefined();
  });

  test('no entities, no call: a funder without programmes is one fetch', async () => {
    const subgraphs: string[] = [];
    const result = await runPlan(compiled, variables, async (subgraph) => {
      subgraphs.push(subgraph);
      return { data: { funder: { name: 'CSO', programmes: [] } } };
    });
    expect(subgraphs).toEqual(['programmes']);
    expect(result).toEqual({ data: { funder: { name: 'CSO', programmes: [] } } });
  });

  test('a plan with what it does not run is not compiled: a condition, rewrites, a mutation', () => {
    const condition = { kind: 'QueryPlan', node: { kind: 'Condition', condition: 'x', ifClause: rootFetch } } as unknown as QueryPlan;
    expect(compilePlan(condition, operationContext, apiSchema, { mergeEntityFetches: true })).toBeUndefined();
    const rewrites = { kind: 'QueryPlan', node: { ...rootFetch, outputRewrites: [{ kind: 'KeyRenamer', path: ['a'], renameKeyTo: 'b' }] } } as unknown as QueryPlan;
    expect(compilePlan(rewrites, operationContext, apiSchema, { mergeEntityFetches: true })).toBeUndefined();
    const mutation = buildOperationContext({ schema: apiGraphql, operationDocument: parse('mutation { __typename }') });
    expect(compilePlan(plan, mutation, apiSchema, { mergeEntityFetches: true })).toBeUndefined();
  });
});
