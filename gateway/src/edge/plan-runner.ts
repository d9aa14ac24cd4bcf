import type { Experimental_DidResolveQueryPlanCallback } from '@apollo/gateway';
import { computeResponse } from '@apollo/gateway/dist/resultShaping';
import {
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  isValidLeafValue,
  operationFromDocument,
  typenameFieldName,
  type SelectionSet,
  type Type,
} from '@apollo/federation-internals';
import { Kind, parse, type DocumentNode, type GraphQLError } from 'graphql';
import { isEntityFetch, mergeEntityFetches } from './entity-batch';

/*
 * A registered operation's query plan run by the gateway itself: the fetches, the merge of their
 * answers, and Apollo's own result shaping, with nothing else on the way.
 *
 * @apollo/gateway's `executeQueryPlan` does, per request, work that a registered plan does not
 * need: an OpenTelemetry span per node and per fetch, a usage-reporting trace node per plan node,
 * a node-fetch `Headers` and a request object per subgraph call, RemoteGraphQLDataSource's
 * process (its `willSendRequest`, its response parsing and cache-policy checks), then our data
 * source's merge of a `Parallel` node's entity fetches, which printed a new merged operation on
 * every request. Here a plan is compiled once, the first time its text runs from the plan:
 * - `Sequence`, `Parallel`, `Flatten` and `Fetch` only, each fetch with its subgraph's URL, its
 *   variables, and for an entity fetch the one type and the key fields its representations take;
 * - the entity fetches that a `Parallel` node sends to one subgraph, grouped, their merged
 *   operation printed once per set of fetches that have entities (entity-batch.ts, the same
 *   merge and split as the data source's, so the subgraphs see the same calls);
 * - the operation's form for result shaping (`operationFromDocument`, as executeQueryPlan builds it).
 * A plan with anything else (conditions, `@defer`, rewrites, requires beyond key fields, an
 * interface's representations) is not compiled, and its requests keep executeQueryPlan.
 *
 * Only the happy path runs here: any subgraph answer that is not a 2xx with data and no errors,
 * a call that fails, or entities that do not line up makes `run` give up (undefined), and the
 * caller runs the same request through executeQueryPlan, which reports the error exactly as
 * Apollo does (with its paths, the unavailable subgraph named, partial data). A registered plan
 * here is always a query, so no mutation runs twice; and the calls the runner already made are
 * not made again: Apollo's executor takes their answers (awaited when still in flight) from the
 * request's context (`runnerCalls`, subgraph-data-source.ts), so a subgraph reads, and audits,
 * once. What a hand-back costs is the executor's own work, on an error only. The answer is what
 * executeQueryPlan returns for the same data — the same deepMerge rules, the same
 * `computeResponse` — and the equivalence test
 * (registered-plans.e2e.ts) compares them byte for byte.
 */

type PlanArguments = Parameters<Experimental_DidResolveQueryPlanCallback>[0];
type QueryPlan = PlanArguments['queryPlan'];
type PlanNode = NonNullable<QueryPlan['node']>;
type FetchNode = Extract<PlanNode, { kind: 'Fetch' }>;
type OperationContext = PlanArguments['operationContext'];
type Data = Record<string, unknown>;

/** One fetch, ready to send. */
interface Fetch {
  subgraph: string;
  /** Where the fetch's entities are in the data: field names, and `@` for each element of a list. */
  path: readonly string[];
  query: string;
  operationName: string | undefined;
  document: DocumentNode;
  variableUsages: readonly string[];
  /** For an entity fetch: the entities' type and the key fields of a representation, in order. */
  entity?: { typename: string; fields: readonly string[] };
}

type Step =
  | { kind: 'sequence'; steps: Step[] }
  | { kind: 'parallel'; steps: Step[] }
  | { kind: 'fetch'; fetch: Fetch }
  /** Entity fetches of one `Parallel` node to one subgraph: one call for those that have entities. */
  | { kind: 'batch'; fetches: Fetch[]; merged: Map<string, { query: string; operationName: string | undefined }> };

/** What the runner asks of the gateway for one subgraph call. */
export interface SubgraphRequest {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | undefined;
}
export type SendToSubgraph = (subgraph: string, request: SubgraphRequest, merged: number) => Promise<{ data?: unknown; errors?: unknown } | undefined>;

export interface CompiledPlan {
  root: Step | undefined;
  /** The operation as executeQueryPlan shapes the answer with it. */
  operation: ReturnType<typeof operationFromDocument>;
  /** The answer's shape, for an operation the shaper below can shape; otherwise Apollo's computeResponse does. */
  shape: ShapeField[] | undefined;
}

/** Thrown inside a run to hand the request back to executeQueryPlan. */
class GiveUp extends Error {}

/** The plan compiled, or undefined when it holds anything this runner does not do. */
export function compilePlan(
  queryPlan: QueryPlan,
  operationContext: OperationContext,
  apiSchema: Parameters<typeof operationFromDocument>[0],
  options: { mergeEntityFetches: boolean },
): CompiledPlan | undefined {
  if (operationContext.operation.operation !== 'query') return undefined;
  let root: Step | undefined;
  try {
    root = queryPlan.node ? compileNode(queryPlan.node, [], options.mergeEntityFetches) : undefined;
  } catch (err) {
    if (err instanceof GiveUp) return undefined;
    throw err;
  }
  const operation = operationFromDocument(
    apiSchema,
    { kind: Kind.DOCUMENT, definitions: [operationContext.operation, ...Object.values(operationContext.fragments)] },
    { validate: false },
  );
  let shape: ShapeField[] | undefined;
  try {
    shape = compileShape(operation.selectionSet, apiSchema);
  } catch (err) {
    if (!(err instanceof GiveUp)) throw err;
  }
  return { root, operation, shape };
}

function compileNode(node: PlanNode, path: readonly string[], merge: boolean): Step {
  switch (node.kind) {
    case 'Sequence':
      return { kind: 'sequence', steps: node.nodes.map((child) => compileNode(child, path, merge)) };
    case 'Parallel': {
      const steps = node.nodes.map((child) => compileNode(child, path, merge));
      if (!merge) return { kind: 'parallel', steps };
      // Entity fetches side by side to one subgraph: one batch, as the data source merges them.
      const bySubgraph = new Map<string, Fetch[]>();
      for (const step of steps) if (step.kind === 'fetch' && step.fetch.entity) bySubgraph.set(step.fetch.subgraph, [...(bySubgraph.get(step.fetch.subgraph) ?? []), step.fetch]);
      const grouped: Step[] = [];
      for (const step of steps) {
        if (step.kind !== 'fetch' || !step.fetch.entity) grouped.push(step);
        else {
          const fetches = bySubgraph.get(step.fetch.subgraph)!;
          if (fetches.length === 1) grouped.push(step);
          else if (fetches[0] === step.fetch) grouped.push({ kind: 'batch', fetches, merged: new Map() });
        }
      }
      return { kind: 'parallel', steps: grouped };
    }
    case 'Flatten':
      return compileNode(node.node, [...path, ...node.path.map((part) => String(part))], merge);
    case 'Fetch':
      return { kind: 'fetch', fetch: compileFetch(node, path) };
    default:
      throw new GiveUp(node.kind);
  }
}

function compileFetch(node: FetchNode, path: readonly string[]): Fetch {
  if (node.inputRewrites?.length || node.outputRewrites?.length || node.contextRewrites?.length || node.hasDefers) throw new GiveUp('rewrites');
  const document = node.operationDocumentNode ?? parse(node.operation);
  const fetch: Fetch = { subgraph: node.serviceName, path, query: node.operation, operationName: node.operationName, document, variableUsages: node.variableUsages ?? [] };
  if (!node.requires) {
    if (path.length > 0) throw new GiveUp('a root fetch below the root');
    return fetch;
  }
  // Only `... on T { __typename key… }` with leaf fields: what a key's representation is here.
  const [fragment, ...others] = node.requires;
  if (others.length > 0 || fragment?.kind !== 'InlineFragment' || !fragment.typeCondition || !isEntityFetch(document)) throw new GiveUp('requires');
  const fields = fragment.selections.map((selection) => {
    if (selection.kind !== 'Field' || selection.selections || selection.alias) throw new GiveUp('requires');
    return selection.name;
  });
  if (fields[0] !== '__typename') throw new GiveUp('requires');
  return { ...fetch, entity: { typename: fragment.typeCondition, fields } };
}

/** True when the supergraph names `typename` an object type: an interface's representations are left to Apollo. */
export function entitiesAreObjects(plan: CompiledPlan, isObjectType: (typename: string) => boolean): boolean {
  const all = (step: Step | undefined): boolean => {
    if (!step) return true;
    if (step.kind === 'sequence' || step.kind === 'parallel') return step.steps.every(all);
    const fetches = step.kind === 'fetch' ? [step.fetch] : step.fetches;
    return fetches.every((fetch) => !fetch.entity || isObjectType(fetch.entity.typename));
  };
  return all(plan.root);
}

/**
 * Runs the plan; the answer as executeQueryPlan would return it, or undefined to have the request
 * run by executeQueryPlan instead (see above).
 */
export async function runPlan(
  plan: CompiledPlan,
  variables: Record<string, unknown>,
  send: SendToSubgraph,
): Promise<{ data?: unknown; extensions?: { valueCompletion: readonly GraphQLError[] } } | undefined> {
  const data: Data = Object.create(null);
  try {
    if (plan.root) await runStep(plan.root, data, variables, send);
  } catch (err) {
    if (err instanceof GiveUp) return undefined;
    throw err;
  }
  if (plan.shape) {
    try {
      return { data: shapeObject(data, plan.shape) };
    } catch (err) {
      // Anything but a whole, valid answer: Apollo's shaping says what is wrong, as it says it.
      if (!(err instanceof GiveUp)) throw err;
    }
  }
  const shaped = computeResponse({
    operation: plan.operation,
    variables,
    input: data,
    // A registered plan never asks for the schema (registered-plans.ts keeps none that does).
    introspectionHandling: () => {
      throw new Error('introspection is not run from a registered plan');
    },
  });
  return shaped.errors.length > 0 ? { extensions: { valueCompletion: shaped.errors }, data: shaped.data } : { data: shaped.data };
}

async function runStep(step: Step, data: Data, variables: Record<string, unknown>, send: SendToSubgraph): Promise<void> {
  switch (step.kind) {
    case 'sequence':
      for (const child of step.steps) await runStep(child, data, variables, send);
      return;
    case 'parallel':
      await Promise.all(step.steps.map((child) => runStep(child, data, variables, send)));
      return;
    case 'fetch':
      return runFetches([step.fetch], undefined, data, variables, send);
    case 'batch':
      return runFetches(step.fetches, step.merged, data, variables, send);
  }
}

/** What one fetch will send and where its answer goes. */
interface Prepared {
  fetch: Fetch;
  index: number;
  entities: Data[];
  variables: Record<string, unknown>;
}

/** Sends the fetches that have something to fetch, in one call when they are a batch, and merges the answers. */
async function runFetches(
  fetches: readonly Fetch[],
  merged: Map<string, { query: string; operationName: string | undefined }> | undefined,
  data: Data,
  variables: Record<string, unknown>,
  send: SendToSubgraph,
): Promise<void> {
  const prepared: Prepared[] = [];
  fetches.forEach((fetch, index) => {
    const own = Object.create(null) as Record<string, unknown>;
    for (const name of fetch.variableUsages) if (Object.hasOwn(variables, name) && variables[name] !== undefined) own[name] = variables[name];
    if (!fetch.entity) {
      prepared.push({ fetch, index, entities: [data], variables: own });
      return;
    }
    const entities = entitiesAt(data, fetch.path);
    if (entities.length === 0) return;
    const { typename, fields } = fetch.entity;
    const representations: Data[] = [];
    for (const entity of entities) {
      if (entity.__typename !== typename) throw new GiveUp('an entity of another type');
      const representation: Data = Object.create(null);
      for (const field of fields) {
        if (entity[field] === undefined) throw new GiveUp('an entity without its key');
        representation[field] = entity[field];
      }
      representations.push(representation);
    }
    if ('representations' in own) throw new GiveUp('a variable named representations');
    prepared.push({ fetch, index, entities, variables: { ...own, representations } });
  });
  if (prepared.length === 0) return;
  const subgraph = prepared[0]!.fetch.subgraph;
  if (prepared.length === 1 || !merged) {
    await Promise.all(
      prepared.map(async (one) => {
        const answer = await send(one.fetch.subgraph, { query: one.fetch.query, variables: one.variables, operationName: one.fetch.operationName }, 1);
        mergeAnswer(one, ownData(answer));
      }),
    );
    return;
  }
  // Several entity fetches to one subgraph: their merged operation, printed once per set.
  const key = prepared.map((one) => one.index).join(',');
  let operation = merged.get(key);
  if (!operation) {
    const { query, operationName } = mergeEntityFetches(prepared.map((one) => ({ document: one.fetch.document, variables: {}, operationName: one.fetch.operationName })));
    operation = { query, operationName };
    merged.set(key, operation);
  }
  const mergedVariables: Record<string, unknown> = {};
  prepared.forEach((one, i) => {
    for (const [name, value] of Object.entries(one.variables)) mergedVariables[`${name}__${i}`] = value;
  });
  const answer = ownData(await send(subgraph, { query: operation.query, variables: mergedVariables, operationName: operation.operationName }, prepared.length));
  prepared.forEach((one, i) => mergeAnswer(one, { _entities: answer[`_entities_${i}`] }));
}

/** The answer's data, when it came whole: no errors, data an object. */
function ownData(answer: { data?: unknown; errors?: unknown } | undefined): Data {
  if (!answer || answer.errors !== undefined || typeof answer.data !== 'object' || answer.data === null) throw new GiveUp('an answer with errors');
  return answer.data as Data;
}

function mergeAnswer({ fetch, entities }: Prepared, received: Data): void {
  if (!fetch.entity) {
    deepMerge(entities[0]!, received);
    return;
  }
  const list = received._entities;
  if (!Array.isArray(list) || list.length !== entities.length) throw new GiveUp('entities that do not line up');
  list.forEach((one: Data | null, i) => {
    if (one && !one.__typename) one.__typename = entities[i]!.__typename;
    deepMerge(entities[i]!, one);
  });
}

/** The objects at `path` in the data (executeQueryPlan's flattenResultsAtPath, nulls left out). */
function entitiesAt(data: unknown, path: readonly string[]): Data[] {
  const found: Data[] = [];
  const walk = (value: unknown, at: number): void => {
    if (value === undefined || value === null) return;
    if (at === path.length) {
      if (Array.isArray(value)) {
        for (const element of value) if (element !== undefined && element !== null) found.push(element as Data);
      } else found.push(value as Data);
      return;
    }
    const part = path[at]!;
    if (part === '@') {
      if (!Array.isArray(value)) throw new GiveUp('a list expected');
      for (const element of value) walk(element, at + 1);
    } else {
      if (Array.isArray(value)) throw new GiveUp('a list not expected');
      walk(Object.hasOwn(value as object, part) ? (value as Data)[part] : undefined, at + 1);
    }
  };
  walk(data, 0);
  return found;
}

/** @apollo/gateway's deepMerge (utilities/deepMerge.js, 2.14.4), so the merged data is the same. */
function deepMerge(target: Data, source: Data | null | undefined): Data {
  if (source === undefined || source === null) return target;
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === undefined) continue;
    // Apollo's defineOwn: a key the prototype has (`constructor`…) becomes the target's own first.
    if (!Object.hasOwn(target, key) && key in target) Object.defineProperty(target, key, { configurable: true, enumerable: true, value: undefined, writable: true });
    const existing = target[key];
    if (existing && isObject(value)) deepMerge(existing as Data, value);
    else if (Array.isArray(value) && Array.isArray(existing) && value.length === existing.length) {
      for (let i = 0; i < value.length; i++) {
        if (isObject(existing[i]) && isObject(value[i])) deepMerge(existing[i] as Data, value[i] as Data);
        else existing[i] = value[i];
      }
    } else target[key] = value;
  }
  return target;
}

/** @apollo/gateway's isObject (utilities/predicates.js): a non-null, non-array object. */
const isObject = (value: unknown): value is Data => value !== null && typeof value === 'object' && !Array.isArray(value);

/*
 * The answer's shape, compiled once per plan: Apollo's `computeResponse` (resultShaping.js) walks
 * the operation's selections through federation-internals' objects on every request, looking up
 * each field's definition, its directives and its type again — about a tenth of the gateway's
 * time per request once the plan runner had taken the rest (a `--cpu-prof` of the funder query,
 * 5 December). Here the walk is a list of fields per object, each with its response name and the
 * check of its type. Only the happy path: an operation with directives, fragments on another type,
 * an interface or a union, introspection, or a response name selected twice is not compiled; at
 * run time, a null where the type says non-null, an invalid leaf, a `__typename` that is not the
 * field's type or a value of the wrong kind hands the data to computeResponse, which shapes it
 * and reports the errors (valueCompletion) exactly as Apollo does.
 */

/** One field of the answer. */
interface ShapeField {
  responseName: string;
  /** `__typename`: the object's type name, written as is. */
  typename?: string;
  type: ShapeType;
}

type ShapeType =
  | { kind: 'nonNull'; of: ShapeType }
  | { kind: 'list'; of: ShapeType }
  | { kind: 'object'; typename: string; fields: ShapeField[] }
  | { kind: 'leaf'; valid(value: unknown): boolean };

type ApiSchema = Parameters<typeof operationFromDocument>[0];

function compileShape(selectionSet: SelectionSet, schema: ApiSchema): ShapeField[] {
  const parent = selectionSet.parentType;
  if (!isObjectType(parent)) throw new GiveUp('an abstract type');
  const fields: ShapeField[] = [];
  const names = new Set<string>();
  const add = (set: SelectionSet) => {
    for (const selection of set.selections()) {
      if (selection.element.appliedDirectives.length > 0) throw new GiveUp('a directive');
      if (selection.kind !== 'FieldSelection') {
        const condition = selection.element.typeCondition;
        if (condition && condition.name !== parent.name) throw new GiveUp('a fragment on another type');
        add(selection.selectionSet);
        continue;
      }
      const field = selection.element;
      const responseName = field.responseName();
      if (names.has(responseName)) throw new GiveUp('a response name selected twice');
      names.add(responseName);
      if (field.definition.isSchemaIntrospectionField()) throw new GiveUp('introspection');
      if (field.name === typenameFieldName) {
        fields.push({ responseName, typename: parent.name, type: { kind: 'leaf', valid: () => true } });
        continue;
      }
      fields.push({ responseName, type: compileType(field.definition.type!, selection.selectionSet, schema) });
    }
  };
  add(selectionSet);
  return fields;
}

function compileType(type: Type, selectionSet: SelectionSet | undefined, schema: ApiSchema): ShapeType {
  if (isNonNullType(type)) return { kind: 'nonNull', of: compileType(type.ofType, selectionSet, schema) };
  if (isListType(type)) return { kind: 'list', of: compileType(type.ofType, selectionSet, schema) };
  if (isCompositeType(type)) {
    if (!selectionSet || !isObjectType(type)) throw new GiveUp('an abstract type');
    return { kind: 'object', typename: type.name, fields: compileShape(selectionSet, schema) };
  }
  // An output type: a scalar or an enum here (isValidLeafValue's own parameter type).
  const leaf = type as Parameters<typeof isValidLeafValue>[2];
  return { kind: 'leaf', valid: (value) => isValidLeafValue(schema, value, leaf) };
}

/** The object's answer, in the operation's order; throws GiveUp where computeResponse would report something. */
function shapeObject(input: Data, fields: readonly ShapeField[]): Data {
  const output: Data = Object.create(null);
  for (const field of fields) {
    if (field.typename !== undefined) {
      const given = Object.hasOwn(input, field.responseName) ? input[field.responseName] : undefined;
      if (given !== undefined && given !== null && given !== field.typename) throw new GiveUp('another __typename');
      output[field.responseName] = field.typename;
      continue;
    }
    const value = Object.hasOwn(input, field.responseName) ? input[field.responseName] : undefined;
    output[field.responseName] = shapeValue(value ?? null, field.type);
  }
  return output;
}

function shapeValue(value: unknown, type: ShapeType): unknown {
  switch (type.kind) {
    case 'nonNull': {
      const shaped = shapeValue(value, type.of);
      if (shaped === null) throw new GiveUp('a null for a non-null type');
      return shaped;
    }
    case 'list':
      if (value === null) return null;
      if (!Array.isArray(value)) throw new GiveUp('a list expected');
      return value.map((element) => {
        if (element === undefined) throw new GiveUp('a hole in a list');
        return shapeValue(element, type.of);
      });
    case 'object': {
      if (value === null) return null;
      if (typeof value !== 'object' || Array.isArray(value)) throw new GiveUp('an object expected');
      const typename = (value as Data).__typename;
      if (typename !== undefined && typename !== type.typename) throw new GiveUp('another __typename');
      return shapeObject(value as Data, type.fields);
    }
    case 'leaf':
      if (value === null) return null;
      if (!type.valid(value)) throw new GiveUp('an invalid leaf');
      return value;
  }
}
