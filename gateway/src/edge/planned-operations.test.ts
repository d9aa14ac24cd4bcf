import { buildSchema, operationFromDocument } from '@apollo/federation-internals';
import { Kind, parse, type DocumentNode } from 'graphql';
import { rememberPlannedOperations } from './planned-operations';

const sdl = 'type Query { venue(id: ID!): Venue } type Venue { id: ID! name: String! city: String }';
const parsed = parse('query Venue($id: ID!) { venue(id: $id) { ...Named city } } fragment Named on Venue { id name }');
/** The document executeQueryPlan builds per request: a new object around the same AST nodes. */
/** Identity, compared without jest's diff of two operations (cyclic schema graphs: a failure would print for minutes). */
const same = (a: object, b: object): boolean => a === b;
const asExecuteQueryPlanBuildsIt = (): DocumentNode => ({ kind: Kind.DOCUMENT, definitions: [...parsed.definitions] });

describe('rememberPlannedOperations', () => {
  beforeAll(() => rememberPlannedOperations());

  test("executeQueryPlan's call, seen through the package's export, is answered once per operation and schema", () => {
    const schema = buildSchema(sdl);
    const first = operationFromDocument(schema, asExecuteQueryPlanBuildsIt(), { validate: false });
    expect(same(operationFromDocument(schema, asExecuteQueryPlanBuildsIt(), { validate: false }), first)).toBe(true);
    expect(first.toString()).toContain('venue(id: $id)');
  });

  test('another schema, another fragment, validation or an operation name build the operation again', () => {
    const schema = buildSchema(sdl);
    const first = operationFromDocument(schema, asExecuteQueryPlanBuildsIt(), { validate: false });
    expect(same(operationFromDocument(buildSchema(sdl), asExecuteQueryPlanBuildsIt(), { validate: false }), first)).toBe(false);
    const otherFragment = parse('fragment Named on Venue { id }').definitions[0]!;
    const changed = operationFromDocument(schema, { kind: Kind.DOCUMENT, definitions: [parsed.definitions[0]!, otherFragment] }, { validate: false });
    expect(same(changed, first)).toBe(false);
    expect(changed.toString()).not.toContain('name');
    expect(same(operationFromDocument(schema, asExecuteQueryPlanBuildsIt()), first)).toBe(false);
    expect(same(operationFromDocument(schema, asExecuteQueryPlanBuildsIt(), { validate: false, operationName: 'Venue' }), first)).toBe(false);
  });
});
