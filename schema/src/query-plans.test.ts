import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode, type SubscriptionNode } from '@apollo/query-planner';
import { parse } from 'graphql';
import { operationsDir, supergraphPath } from './paths';

/** The subgraphs a plan fetches from, in plan order. */
function fetchesOf(node: PlanNode | SubscriptionNode | undefined): string[] {
  if (!node) return [];
  switch (node.kind) {
    case 'Fetch':
      return [node.serviceName];
    case 'Sequence':
    case 'Parallel':
      return node.nodes.flatMap(fetchesOf);
    case 'Flatten':
      return fetchesOf(node.node);
    default:
      throw new Error(`a plan node this test does not read: ${node.kind}`);
  }
}

/**
 * Round trips are what a partner's request costs (issue 12): these pin the ones that federation
 * directives remove, so that a schema change which brings one back is seen here.
 */
describe('query plans of partner operations', () => {
  const supergraph = Supergraph.build(readFileSync(supergraphPath, 'utf8'));
  const planner = new QueryPlanner(supergraph);
  const planOfDocument = (source: string) => fetchesOf(planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(source))).node);
  const planOf = (operationName: string) => planOfDocument(readFileSync(path.join(operationsDir, `${operationName}.graphql`), 'utf8'));

  test("a venue's sessions page never asks the programmes subgraph: vouchers provides a redemption's programme name", () => {
    expect(planOf('venue-sessions')).toEqual(['venues', 'vouchers', 'vouchers']);
  });

  test("no partner page asks the venues subgraph for a venue's name under redemptions or venue activity: vouchers provides it", () => {
    expect(planOf('funder-programme')).toEqual(['programmes', 'vouchers']);
    expect(planOf('distributor-books')).toEqual(['beneficiaries', 'vouchers', 'beneficiaries']);
    expect(planOf('coordinator-programme')).toEqual(['programmes', 'venues', 'vouchers', 'beneficiaries']);
  });

  test("a venue's other fields are still the venues subgraph's under a redemption", () => {
    expect(planOfDocument('query ($code: String!) { book(code: $code) { redemptions { venue { name address } } } }')).toEqual(['vouchers', 'venues']);
  });

  test("a programme's name is still the programmes subgraph's wherever vouchers does not provide it", () => {
    expect(planOfDocument('query ($code: String!) { book(code: $code) { programme { name } } }')).toEqual(['vouchers', 'programmes']);
  });
});
