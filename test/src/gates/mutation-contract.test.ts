import path from 'node:path';
import { readFileSync } from 'node:fs';
import { buildSchema, getNamedType, isEnumType, isNonNullType, isObjectType, type GraphQLSchema } from 'graphql';

const root = path.resolve(__dirname, '..', '..', '..');

/**
 * The mutation contract (docs/module-recipe.md), checked on the public API: one `input`, a
 * `<Mutation>Payload` with an `error` whose code is an enum. A function of the schema so that the
 * test can show it catches a mutation that breaks it.
 */
export function contractProblems(schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  for (const mutation of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const name = mutation.name;
    const expected = `${name[0]!.toUpperCase()}${name.slice(1)}`;
    if (mutation.args.length !== 1 || mutation.args[0]!.name !== 'input' || !isNonNullType(mutation.args[0]!.type)) {
      problems.push(`${name}: takes one argument, input: ${expected}Input!`);
    }
    const payload = getNamedType(mutation.type);
    // Two mutations that answer the same thing may share a payload (accept/decline a funding share).
    if (!isNonNullType(mutation.type) || !isObjectType(payload) || !payload.name.endsWith('Payload')) {
      problems.push(`${name}: answers a payload (${expected}Payload!)`);
      continue;
    }
    const error = payload.getFields()['error'];
    const errorType = error && getNamedType(error.type);
    if (!error || isNonNullType(error.type) || !isObjectType(errorType)) {
      problems.push(`${name}: its payload has a nullable error field`);
      continue;
    }
    const code = errorType.getFields()['code'];
    if (!code || !isNonNullType(code.type) || !isEnumType(getNamedType(code.type)) || !errorType.getFields()['message']) {
      problems.push(`${name}: its error has code: <enum>! and message`);
    }
  }
  return problems;
}

describe('the mutation contract (docs/module-recipe.md)', () => {
  test('every mutation of the API takes one input and answers a payload with a typed error', () => {
    const schema = buildSchema(readFileSync(path.join(root, 'schema', 'api.graphql'), 'utf8'));
    expect(Object.keys(schema.getMutationType()!.getFields()).length).toBeGreaterThan(20);
    expect(contractProblems(schema)).toEqual([]);
  });

  test('it catches flat arguments, a bare result and an error without an enum code', () => {
    const schema = buildSchema(`
      scalar DateTimeISO
      type Query { x: Int }
      type Order { id: ID! }
      type OrderError { code: String! message: String! }
      type PlaceOrderPayload { order: Order error: OrderError }
      input PayInput { orderId: ID! }
      type Mutation {
        recordOrderPayment(orderId: ID!): Order!
        pay(input: PayInput!): Order!
        placeOrder(input: PayInput!): PlaceOrderPayload!
      }`);
    expect(contractProblems(schema)).toEqual([
      'recordOrderPayment: takes one argument, input: RecordOrderPaymentInput!',
      'recordOrderPayment: answers a payload (RecordOrderPaymentPayload!)',
      'pay: answers a payload (PayPayload!)',
      'placeOrder: its error has code: <enum>! and message',
    ]);
  });
});
