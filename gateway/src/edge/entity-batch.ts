import { Kind, print, visit, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode, type VariableDefinitionNode } from 'graphql';

/*
 * One HTTP call where a query plan makes several entity fetches to the same subgraph at once.
 *
 * Apollo's planner sends the fields one subgraph adds to different entity types as separate
 * fetches, run side by side in a `Parallel` node: the venue's page asks vouchers for the venue's
 * amount due and, in another fetch, for each session's redemptions. Each fetch is a whole subgraph
 * request (HTTP, the caller assertion checked, the subgraph's GraphQL pipeline, its answer parsed
 * by the gateway). Here they become one request whose operation holds each fetch's `_entities`
 * field under its own alias, with its variables and fragments renamed apart; the answer is split
 * back so each fetch gets exactly the `data._entities` and errors it would have got alone.
 *
 * Only fetches of one partner request are merged (the same caller, the same assertion): the
 * batch is keyed by the request's context object, and collected in one synchronous turn — Apollo's
 * executor calls every fetch of a `Parallel` node before it awaits any — so nothing waits for it.
 */

/** An entity fetch: one operation whose only root selection is `_entities(representations: …)`. */
export function isEntityFetch(document: DocumentNode | undefined): document is DocumentNode {
  if (!document) return false;
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || operations[0]!.operation !== 'query') return false;
  const [root, ...others] = operations[0]!.selectionSet.selections;
  return others.length === 0 && root?.kind === Kind.FIELD && root.name.value === '_entities' && !root.alias;
}

export interface EntityFetch {
  document: DocumentNode;
  variables: Record<string, unknown>;
  operationName: string | undefined;
}

export interface MergedFetch {
  query: string;
  document: DocumentNode;
  variables: Record<string, unknown>;
  operationName: string | undefined;
}

/** The alias of fetch `i`'s `_entities` field in the merged operation. */
const aliasOf = (i: number) => `_entities_${i}`;

/** Fetch `i`'s variables and fragments get this suffix, so no two fetches' names meet. */
const suffixOf = (i: number) => `__${i}`;

/** One operation holding every fetch's `_entities` under its own alias. The fetches must pass `isEntityFetch`. */
export function mergeEntityFetches(fetches: EntityFetch[]): MergedFetch {
  const variableDefinitions: VariableDefinitionNode[] = [];
  const selections: FieldNode[] = [];
  const fragments: FragmentDefinitionNode[] = [];
  const variables: Record<string, unknown> = {};
  fetches.forEach((fetch, i) => {
    const suffix = suffixOf(i);
    const renamed = visit(fetch.document, {
      Variable: (node) => ({ ...node, name: { ...node.name, value: node.name.value + suffix } }),
      FragmentSpread: (node) => ({ ...node, name: { ...node.name, value: node.name.value + suffix } }),
      FragmentDefinition: (node) => ({ ...node, name: { ...node.name, value: node.name.value + suffix } }),
    });
    for (const definition of renamed.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.push(definition);
      else if (definition.kind === Kind.OPERATION_DEFINITION) {
        variableDefinitions.push(...(definition.variableDefinitions ?? []));
        const root = definition.selectionSet.selections[0] as FieldNode;
        selections.push({ ...root, alias: { kind: Kind.NAME, value: aliasOf(i) } });
      }
    }
    for (const [name, value] of Object.entries(fetch.variables)) variables[name + suffix] = value;
  });
  const names = fetches.map((f) => f.operationName).filter((n): n is string => !!n);
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: 'query' as OperationDefinitionNode['operation'],
    // The subgraph's logs name the first fetch's operation and say how many were merged.
    ...(names.length > 0 ? { name: { kind: Kind.NAME, value: `${names[0]}__merged_${fetches.length}` } } : {}),
    variableDefinitions,
    directives: [],
    selectionSet: { kind: Kind.SELECTION_SET, selections },
  };
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
  return { query: print(document), document, variables, operationName: operation.name?.value };
}

interface SubgraphError {
  message: string;
  path?: readonly (string | number)[];
  [key: string]: unknown;
}

export interface SubgraphAnswer {
  data?: Record<string, unknown> | null;
  errors?: readonly SubgraphError[];
  extensions?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * The merged answer as `count` separate answers: fetch `i` gets `data._entities` from its alias,
 * and the errors whose path starts there, with `_entities` back in its path. An error without such
 * a path (the whole request refused, say) goes to every fetch, as each would have met it alone.
 */
export function splitEntityAnswer(answer: SubgraphAnswer, count: number): SubgraphAnswer[] {
  const { data, errors, ...rest } = answer;
  return Array.from({ length: count }, (_, i) => {
    const alias = aliasOf(i);
    const own = (errors ?? []).flatMap((error) => {
      const head = error.path?.[0];
      if (head === alias) return [{ ...error, path: ['_entities', ...error.path!.slice(1)] }];
      if (typeof head === 'string' && head.startsWith('_entities_')) return [];
      return [error];
    });
    const part: SubgraphAnswer = { ...rest };
    if (data !== undefined) part.data = data === null ? null : { _entities: data[alias] ?? null };
    if (own.length > 0) part.errors = own;
    return part;
  });
}
