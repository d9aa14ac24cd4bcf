import { readFileSync } from 'node:fs';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isIntrospectionType, isObjectType, isSpecifiedScalarType, type GraphQLSchema } from 'graphql';
import { apiSchemaPath } from './paths';

/**
 * The root operation types: type-graphql builds them without a decorator to carry a description;
 * each of their fields and arguments is described instead.
 */
const UNDESCRIBABLE = new Set(['Query', 'Mutation', 'Subscription']);

/** Every type, field, argument and enum value of the API without a description. */
export function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (!type.description?.trim() && !UNDESCRIBABLE.has(type.name)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) if (!arg.description?.trim()) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
  }
  return missing.sort();
}

describe('the API schema a partner reads', () => {
  test('describes every type, field, argument and enum value (add `description:` to the type-graphql decorator)', () => {
    expect(undescribed(buildSchema(readFileSync(apiSchemaPath, 'utf8')))).toEqual([]);
  });

  test('says when each error code happens', () => {
    const schema = buildSchema(readFileSync(apiSchemaPath, 'utf8'));
    const codes = Object.values(schema.getTypeMap()).filter((t) => isEnumType(t) && t.name.endsWith('ErrorCode'));
    expect(codes.map((t) => t.name)).toEqual(expect.arrayContaining(['RedemptionErrorCode', 'RecordOutcomeErrorCode', 'ExpireProgrammeErrorCode', 'CloseMonthErrorCode', 'IssueBooksErrorCode', 'AllocateBooksErrorCode', 'HandOutBookErrorCode']));
    for (const code of codes) if (isEnumType(code)) for (const value of code.getValues()) expect(`${code.name}.${value.name}: ${value.description ?? ''}`).toMatch(/: \S.{10,}/);
  });

  test('the check finds what is missing', () => {
    const schema = buildSchema('"""Root"""\ntype Query { """Described""" a(x: Int): E b: Int }\n"""An enum"""\nenum E { """Described""" ONE TWO }\ntype Undescribed { c: Int }\n');
    expect(undescribed(schema)).toEqual(['E.TWO', 'Query.a(x)', 'Query.b', 'Undescribed', 'Undescribed.c']);
  });
});
