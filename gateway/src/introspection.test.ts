import { parse } from 'graphql';
import { asksForSchema } from './introspection';

describe('asksForSchema', () => {
  it.each([
    '{ __schema { types { name } } }',
    '{ __type(name: "Programme") { fields { name } } }',
    '{ programmes { name } meta: __schema { queryType { name } } }',
    'query { ...F } fragment F on Query { __schema { queryType { name } } }',
    'query { ... on Query { __type(name: "Voucher") { name } } }',
    'query A { programmes { name } } query B { __schema { queryType { name } } }',
  ])('sees introspection in %s', (query) => {
    expect(asksForSchema(parse(query))).toBe(true);
  });

  it.each(['{ __typename programmes { __typename name } }', '{ programmes { schema: name type: territory } }'])('lets %s through', (query) => {
    expect(asksForSchema(parse(query))).toBe(false);
  });

  it("keeps each document's own answer when asked again (the walk is remembered per document)", () => {
    const introspecting = parse('{ __schema { queryType { name } } }');
    const plain = parse('{ programmes { name } }');
    expect([asksForSchema(introspecting), asksForSchema(plain), asksForSchema(introspecting), asksForSchema(plain)]).toEqual([true, false, true, false]);
  });
});
