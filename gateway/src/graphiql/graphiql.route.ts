import path from 'node:path';
import type { Express } from 'express';
import { Kind, parse, type TypeNode } from 'graphql';
import { servePage } from '../pages/serve-page';

/** Where `npm run build` writes the bundle (`build.ts`); the same from `src/` (tests) and `dist/`. */
export const GRAPHIQL_BUNDLE_DIR = path.resolve(__dirname, '..', '..', 'dist', 'graphiql', 'public');

export interface ExampleOperation {
  /** The file's or the operation's name, e.g. `funder-programme`; its first word is the role that sends it. */
  name: string;
  document: string;
}

export interface GraphiqlTab {
  role: string;
  query: string;
  variables: string;
}

/** The first tab: what an analyst can run as it is, and how to find the ids the others need. */
const OVERVIEW = `# As an analyst or an operator: run this as it is (▶ or Ctrl-Enter).
# The other tabs: each partner role's registered operation. Ids:
# { funders { id name } distributors { nodes { id name } } venues { nodes { id name } } }
query ProgrammeFigures {
  programmes {
    id
    name
    validUntil
    budgetCents
    booksIssued
    vouchersRedeemed
    redeemedAmountCents
  }
}
`;

/** `funder-programme.graphql` or an operation named `FunderProgrammes`: the first word is the role. */
const ROLE_OF_NAME = /^(funder|distributor|venue|coordinator|analyst|operator)/i;

/** A variables skeleton from the operation's definitions, so a tab shows what to fill in. */
function variablesSkeleton(document: string): string {
  const placeholder = (type: TypeNode): unknown => {
    if (type.kind === Kind.NON_NULL_TYPE) return placeholder(type.type);
    if (type.kind === Kind.LIST_TYPE) return [];
    return type.name.value === 'Int' || type.name.value === 'Float' ? 0 : type.name.value === 'Boolean' ? false : '';
  };
  const variables: Record<string, unknown> = {};
  for (const definition of parse(document).definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const v of definition.variableDefinitions ?? []) variables[v.variable.name.value] = placeholder(v.type);
  }
  return Object.keys(variables).length > 0 ? JSON.stringify(variables, null, 2) : '';
}

export function graphiqlTabs(operations: readonly ExampleOperation[]): GraphiqlTab[] {
  return [
    { role: 'analyst', query: OVERVIEW, variables: '' },
    ...[...operations]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((o) => ({ role: ROLE_OF_NAME.exec(o.name)?.[1]?.toLowerCase() ?? 'partner', query: o.document, variables: variablesSkeleton(o.document) })),
  ];
}

/**
 * GraphiQL at `/graphiql`, open without a token (the page holds no data), and the example
 * operations it preloads as tabs at `/graphiql/operations.json`.
 */
export function serveGraphiql(app: Express, operations: readonly ExampleOperation[], bundleDir = GRAPHIQL_BUNDLE_DIR): void {
  const tabs = graphiqlTabs(operations);
  app.get('/graphiql/operations.json', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.json(tabs);
  });
  servePage(app, '/graphiql', bundleDir);
}
