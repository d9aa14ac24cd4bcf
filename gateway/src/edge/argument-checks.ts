import {
  GraphQLError,
  Kind,
  TypeInfo,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import { DateTimeISOResolver, LocalDateResolver, SafeIntResolver } from 'graphql-scalars';

/**
 * Arguments are checked at the edge, before any subgraph sees them: a value PostgreSQL or a
 * subgraph would choke on (a NUL byte, a year 0, a cursor past bigint, a 30 February) is the
 * caller's mistake and answered as `BAD_USER_INPUT` naming the argument, never as a 500.
 */

/** Control characters other than tab and line breaks: PostgreSQL text refuses NUL outright. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The hub's scalars, parsed here with the same rules the subgraphs apply. */
const SCALARS: Record<string, (value: unknown) => unknown> = {
  DateTimeISO: (v) => DateTimeISOResolver.parseValue(v),
  LocalDate: (v) => LocalDateResolver.parseValue(v),
  SafeInt: (v) => SafeIntResolver.parseValue(v),
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Range rules by argument coordinate: `Type.field(argument:)`. */
const RANGES: Record<string, (value: unknown) => string | null> = {
  // The hub has no month before 2000 and PostgreSQL no year 0. (closeMonth's month travels in its
  // input now; the vouchers subgraph checks the same range there.)
  'Venue.amountDueCents(month:)': month,
};

function month(value: unknown): string | null {
  const match = typeof value === 'string' ? MONTH.exec(value) : null;
  if (!match) return 'must be written YYYY-MM';
  const year = Number(match[1]);
  return year >= 2000 && year <= 2999 ? null : 'must be a month between 2000-01 and 2999-12';
}

export function badArgument(field: string, reason: string): GraphQLError {
  return new GraphQLError(`argument ${field} ${reason}`, { extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } } });
}

/** Walks a value along its input type; returns the first fault as [path, reason]. */
function fault(value: unknown, type: GraphQLInputType, path: string): [string, string] | null {
  if (value === null || value === undefined) return null;
  if (isNonNullType(type)) return fault(value, type.ofType, path);
  if (isListType(type)) {
    if (!Array.isArray(value)) return fault(value, type.ofType, path);
    for (const [i, item] of value.entries()) {
      const found = fault(item, type.ofType, `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value)) return null;
    const fields = type.getFields();
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      const found = field ? fault(item, field.type, `${path}.${name}`) : null;
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'string' && CONTROL.test(value)) return [path, 'contains a control character'];
  if (isScalarType(type) && SCALARS[type.name]) {
    try {
      SCALARS[type.name]!(value);
    } catch {
      return [path, `is not a valid ${type.name}`];
    }
  }
  return null;
}

/** One argument written in an operation: its definition, its range rule if any, and its value as written. */
interface ArgumentSite {
  argument: GraphQLArgument;
  range: ((value: unknown) => string | null) | undefined;
  value: ValueNode;
}

/**
 * The argument sites of each operation, per schema. Apollo Server keeps each query text's parsed
 * document, so a partner's operation is the same node request after request: the typed walk of
 * its document is done once, and each request only reads its values.
 */
const sitesBySchema = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, ArgumentSite[]>>();

function argumentSites(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): ArgumentSite[] {
  let bySchema = sitesBySchema.get(schema);
  if (!bySchema) sitesBySchema.set(schema, (bySchema = new WeakMap()));
  const known = bySchema.get(operation);
  if (known) return known;
  const typeInfo = new TypeInfo(schema);
  const sites: ArgumentSite[] = [];
  const parts = document.definitions.filter((d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION);
  for (const part of parts) {
    visit(
      part,
      visitWithTypeInfo(typeInfo, {
        Argument(node) {
          const argument = typeInfo.getArgument();
          const parent = typeInfo.getParentType();
          const field = typeInfo.getFieldDef();
          if (!argument) return;
          sites.push({ argument, range: parent && field ? RANGES[`${parent.name}.${field.name}(${argument.name}:)`] : undefined, value: node.value });
        },
      }),
    );
  }
  bySchema.set(operation, sites);
  return sites;
}

/**
 * Checks every argument of the operation that will run (and of the fragments it may spread),
 * literal or variable, against the control-character, scalar and range rules above.
 */
export function checkArguments(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): void {
  const vars = variables ?? {};
  for (const site of argumentSites(schema, document, operation)) {
    const value = valueFromASTUntyped(site.value, vars);
    const found = fault(value, site.argument.type, site.argument.name);
    if (found) throw badArgument(found[0], found[1]);
    const reason = site.range && value != null ? site.range(value) : null;
    if (reason) throw badArgument(site.argument.name, reason);
  }
}
