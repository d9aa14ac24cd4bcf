import {
  GraphQLError,
  Kind,
  getOperationAST,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values';
import type { RedemptionRoute } from './redemption-feed';

const ROOT_FIELD = 'redemptionRecorded';
const IDS_VARIABLE = 'hubLiveRedemptionIds';

type EventField = { key: string; kind: 'cursor' | 'typename' } | { key: string; kind: 'redemption'; index: number };

/**
 * A subscription document turned into what the gateway runs per batch of events: the arguments,
 * and the subscriber's `redemption { … }` selection rewritten as a query on `redemptions(ids:)`,
 * which the gateway executes through the supergraph as the subscriber (one alias per selection).
 */
export interface LiveOperation {
  rootKey: string;
  eventFields: EventField[];
  /** The rewritten query, null when the subscriber selects no `redemption`. */
  query: string | null;
  /** The subscriber's variables the query uses, plus the ids slot. */
  queryVariables: Record<string, unknown>;
  idsVariable: string;
  programmeId: string | null;
  venueId: string | null;
  after: string | null;
  /** The variable `after` reads, if any: it is per socket, not part of what subscribers share. */
  afterVariable: string | null;
}

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/** Fields of a selection set, with inline fragments and fragment spreads flattened. */
function fieldsOf(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...fieldsOf(selection.selectionSet, fragments));
    else {
      const fragment = fragments.get(selection.name.value);
      if (fragment) fields.push(...fieldsOf(fragment.selectionSet, fragments));
    }
  }
  return fields;
}

/** The fragments and variables a selection uses, fragments followed transitively. */
function usedBy(selectionSets: SelectionSetNode[], fragments: Map<string, FragmentDefinitionNode>) {
  const fragmentNames = new Set<string>();
  const variableNames = new Set<string>();
  const pending = [...selectionSets];
  while (pending.length > 0) {
    visit(pending.pop()!, {
      FragmentSpread(node) {
        if (fragmentNames.has(node.name.value)) return;
        fragmentNames.add(node.name.value);
        const fragment = fragments.get(node.name.value);
        if (fragment) pending.push(fragment.selectionSet);
      },
      Variable(node) {
        variableNames.add(node.name.value);
      },
    });
  }
  return { fragmentNames, variableNames };
}

/** Plans a validated subscription document. Throws GraphQLErrors the client should see. */
export function planLiveOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Record<string, unknown> | null | undefined,
): LiveOperation {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) throw badInput('no operation of that name in the document');
  if (operation.operation !== 'subscription') {
    throw badInput('only subscriptions are served over WebSocket: send queries and mutations over HTTP');
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  if (coerced.errors) throw coerced.errors[0]!;
  const variables = coerced.coerced;
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const [root, ...others] = fieldsOf(operation.selectionSet, fragments);
  if (!root || others.length > 0 || root.name.value !== ROOT_FIELD) throw badInput(`subscribe to ${ROOT_FIELD} alone`);
  const fieldDef = schema.getSubscriptionType()?.getFields()[ROOT_FIELD];
  if (!fieldDef) throw new Error(`the supergraph has no Subscription.${ROOT_FIELD}`);
  const args = getArgumentValues(fieldDef, root, variables) as { programmeId?: string | null; venueId?: string | null; after?: string | null };

  const afterArgument = root.arguments?.find((a) => a.name.value === 'after');
  const eventFields: EventField[] = [];
  const redemptionSelections: SelectionSetNode[] = [];
  for (const field of fieldsOf(root.selectionSet!, fragments)) {
    const key = field.alias?.value ?? field.name.value;
    if (field.name.value === 'cursor') eventFields.push({ key, kind: 'cursor' });
    else if (field.name.value === '__typename') eventFields.push({ key, kind: 'typename' });
    else if (field.name.value === 'redemption' && field.selectionSet) {
      eventFields.push({ key, kind: 'redemption', index: redemptionSelections.length });
      redemptionSelections.push(field.selectionSet);
    }
  }

  let query: string | null = null;
  const queryVariables: Record<string, unknown> = {};
  if (redemptionSelections.length > 0) {
    const { fragmentNames, variableNames } = usedBy(redemptionSelections, fragments);
    const definitions = (operation.variableDefinitions ?? []).filter((d) => variableNames.has(d.variable.name.value));
    for (const d of definitions) queryVariables[d.variable.name.value] = variables[d.variable.name.value];
    const header = [`$${IDS_VARIABLE}: [ID!]!`, ...definitions.map((d) => print(d))].join(', ');
    const body = redemptionSelections.map((s, i) => `r${i}: redemptions(ids: $${IDS_VARIABLE}) ${print(s)}`).join('\n');
    const fragmentText = [...fragmentNames].map((name) => fragments.get(name)).filter(Boolean).map((f) => print(f!)).join('\n');
    query = `query LiveRedemptions(${header}) {\n${body}\n}\n${fragmentText}`;
  }
  return {
    rootKey: root.alias?.value ?? root.name.value,
    eventFields,
    query,
    queryVariables,
    idsVariable: IDS_VARIABLE,
    programmeId: args.programmeId ?? null,
    venueId: args.venueId ?? null,
    after: args.after ?? null,
    afterVariable: afterArgument?.value.kind === Kind.VARIABLE ? afterArgument.value.name.value : null,
  };
}

/**
 * One event's `data`, shaped as the subscriber asked; null when a `redemption` it selected did
 * not resolve (the row rules said no).
 */
export function eventData(plan: LiveOperation, route: RedemptionRoute, redemptions: unknown[][], index: number): Record<string, unknown> | null {
  const event: Record<string, unknown> = {};
  for (const field of plan.eventFields) {
    if (field.kind === 'cursor') event[field.key] = route.cursor;
    else if (field.kind === 'typename') event[field.key] = 'RedemptionEvent';
    else if (field.kind === 'redemption') {
      const value = redemptions[field.index]?.[index];
      if (value === null || value === undefined) return null;
      event[field.key] = value;
    }
  }
  return { [plan.rootKey]: event };
}
