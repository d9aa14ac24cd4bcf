import type { Span } from '@opentelemetry/api';
import { defaultFieldResolver, isObjectType, responsePathAsArray, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { endSpan, tracerFor } from '@pass/runtime';

const TRACED = Symbol('pass.traced');
type Resolver = GraphQLFieldResolver<unknown, unknown> & { [TRACED]?: true };
type ReferenceResolver = ((reference: unknown, context: unknown, info: GraphQLResolveInfo) => unknown) & { [TRACED]?: true };

function settle<T>(span: Span, run: () => T): T {
  let result: T;
  try {
    result = run();
  } catch (err) {
    endSpan(span, err);
    throw err;
  }
  const pending = result as unknown as PromiseLike<unknown> | null | undefined;
  if (pending && typeof pending.then === 'function') {
    return pending.then(
      (value) => {
        endSpan(span);
        return value;
      },
      (err: unknown) => {
        endSpan(span, err);
        throw err;
      },
    ) as unknown as T;
  }
  endSpan(span);
  return result;
}

/**
 * `Type.field` of every `@FieldResolver` method of this subgraph's resolver classes. type-graphql
 * gives plain fields a resolver too (it reads the property after the auth check), so the schema
 * alone cannot tell a property from code that loads something; a span per property of a
 * 1,000-item list would drown the trace. Its metadata is global to the process, and two
 * subgraphs may each have a `Programme` (the vouchers one resolves `name` from its replica):
 * only the resolver classes this schema was built from count.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
function fieldResolverNames(resolverClasses: readonly Function[]): Set<string> {
  const storage = getMetadataStorage();
  const names = new Set<string>();
  for (const resolver of storage.fieldResolvers) {
    if (resolver.kind === 'external' && !resolverClasses.includes(resolver.target)) continue;
    const target = resolver.getObjectType?.();
    const type = storage.objectTypes.find((o) => o.target === target);
    if (type) names.add(`${type.name}.${resolver.schemaName}`);
  }
  return names;
}

/**
 * Wraps the resolvers the subgraph wrote (root fields, `@FieldResolver` methods,
 * `__resolveReference`) so that each call is a span, active while it runs: its loaders' SQL nests
 * under it. Called only when tracing is on, so a subgraph without traces runs them unwrapped.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function traceResolvers(schema: GraphQLSchema, part: string, resolverClasses: readonly Function[]): void {
  const tracer = tracerFor(part);
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  const fieldResolvers = fieldResolverNames(resolverClasses);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve as Resolver | undefined;
      if (!resolve || resolve === defaultFieldResolver || resolve[TRACED]) continue;
      if (!roots.has(type) && !fieldResolvers.has(`${type.name}.${field.name}`)) continue;
      const traced: Resolver = function (this: unknown, source, args, context, info) {
        return tracer.startActiveSpan(
          `${info.parentType.name}.${info.fieldName}`,
          { attributes: { 'graphql.field.name': info.fieldName, 'graphql.field.path': responsePathAsArray(info.path).join('.') } },
          (span) => settle(span, () => resolve.call(this, source, args, context, info)),
        );
      };
      traced[TRACED] = true;
      field.resolve = traced;
    }
    const subgraph = (type.extensions as { apollo?: { subgraph?: { resolveReference?: ReferenceResolver } } }).apollo?.subgraph;
    const resolveReference = subgraph?.resolveReference;
    if (subgraph && resolveReference && !resolveReference[TRACED]) {
      const traced: ReferenceResolver = (reference, context, info) =>
        tracer.startActiveSpan(`${type.name}.__resolveReference`, (span) => settle(span, () => resolveReference(reference, context, info)));
      traced[TRACED] = true;
      subgraph.resolveReference = traced;
    }
  }
}
