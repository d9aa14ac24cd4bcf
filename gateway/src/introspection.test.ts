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
});
