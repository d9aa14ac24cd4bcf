import { GraphQLError, buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { checkArguments } from './argument-checks';

const schema = buildSchema(`
  scalar LocalDate
  type Venue { id: ID! amountDueCents(month: String!): Int }
  type Query { venue(id: ID!): Venue sessions(from: LocalDate): [ID!] }
`);

const check = (document: ReturnType<typeof parse>, variables?: Record<string, unknown>) =>
  checkArguments(schema, document, document.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode, variables);

const refusal = (run: () => void): GraphQLError | undefined => {
  try {
    run();
    return undefined;
  } catch (err) {
    return err as GraphQLError;
  }
};

describe('checkArguments', () => {
  test('the same parsed operation is checked again with each request’s variables', () => {
    // Apollo Server hands over one parsed document per query text: its walk is kept, its values are not.
    const document = parse('query Q($id: ID!, $month: String!, $from: LocalDate) { venue(id: $id) { amountDueCents(month: $month) } sessions(from: $from) }');
    expect(refusal(() => check(document, { id: 'v1', month: '2026-11', from: '2026-11-30' }))).toBeUndefined();
    expect(refusal(() => check(document, { id: 'v\u0000', month: '2026-11' }))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(refusal(() => check(document, { id: 'v1', month: '1999-12' }))?.message).toBe('argument month must be a month between 2000-01 and 2999-12');
    expect(refusal(() => check(document, { id: 'v1', month: '2026-11', from: '2026-02-30' }))?.message).toBe('argument from is not a valid LocalDate');
    expect(refusal(() => check(document, { id: 'v1', month: '2026-12' }))).toBeUndefined();
  });

  test('literals and fragments are checked too', () => {
    const document = parse('query { venue(id: "v1") { ...Due } } fragment Due on Venue { amountDueCents(month: "0000-01") }');
    expect(refusal(() => check(document))?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
  });
});
