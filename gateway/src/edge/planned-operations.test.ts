import { buildSchema, operationFromDocument } from '@apollo/federation-internals';
import { Kind, parse, type DocumentNode } from 'graphql';
import { rememberPlannedOperations } from './planned-operations';

const sdl = 'type Query { venue(id: ID!): Venue } type Venue { id: ID! name: String! city: String }';
const parsed = parse('query Venue($id: ID!) { venue(id: $id) { ...Named city } } fragment Named on Venue { id name }');
/** The document executeQueryPlan builds per request: a new object around the same AST nodes. */
const asExecuteQueryPlanBuildsIt = (): DocumentNode => ({ kind: Kind.DOCUMENT, definitions: [...parsed.definitions] });

describe('rememberPlannedOperations', () => {
  beforeAll(() => rememberPlannedOperations());

  test("executeQueryPlan's call, seen through the package's export, is answered once per operation and schema", () => {
    const schema = buildSchema(sdl);
    const first = operationFromDocument(schema, asExecuteQueryPlanBuildsIt(), { validate: false });
    expect(operationFromDocument(schema, asExecuteQueryPlanBuildsIt(), { validate: false })).toBe(first);
    expect(first.toString()).toContain('venue(id: $id)');
  });

  test('another schema, another fragment, validation or an operation name build the operation again', () => {
    const schema = buildSchema(sdl);
    const first = operationFromDocument(schema, asExecuteQueryPlanBuildsIt(), { validate: false });
    expect(operationFromDocument(buildSchema(sdl), asExecuteQueryPlanBuildsIt(), { validate: false })).not.toBe(first);
    const otherFragment = parse('fragment Named on Venue { id }').definitions[0]!;
    const changed = operationFromDocument(schema, { kind: Kind.DOCUMENT, definitions: [parsed.definitions[0]!, otherFragment] }, { validate: false });
    expect(changed).not.toBe(first);
    expect(changed.toString()).not.toContain('name');
    expect(operationFromDocument(schema, asExecuteQueryPlanBuildsIt())).not.toBe(first);
    expect(operationFromDocument(schema, asExecuteQueryPlanBuildsIt(), { validate: false, operationName: 'Venue' })).not.toBe(first);
  });
});
