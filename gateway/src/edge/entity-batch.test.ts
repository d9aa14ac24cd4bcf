import { parse, print } from 'graphql';
import { isEntityFetch, mergeEntityFetches, splitEntityAnswer } from './entity-batch';

const venueFetch = parse(`query VenueSessions__vouchers__1($representations: [_Any!]!) { _entities(representations: $representations) { ... on Venue { amountDueCents } } }`);
const sessionFetch = parse(
  `query VenueSessions__vouchers__2($representations: [_Any!]!, $first: Int) { _entities(representations: $representations) { ...S } } fragment S on WorkshopSession { redemptions(first: $first) { cursor } }`,
);

describe('entity fetches merged into one subgraph call', () => {
  test('only a query whose one root field is an unaliased _entities is an entity fetch', () => {
    expect(isEntityFetch(venueFetch)).toBe(true);
    expect(isEntityFetch(sessionFetch)).toBe(true);
    expect(isEntityFetch(parse('{ venues { id } }'))).toBe(false);
    expect(isEntityFetch(parse('query($r: [_Any!]!) { e: _entities(representations: $r) { __typename } }'))).toBe(false);
    expect(isEntityFetch(parse('query($r: [_Any!]!) { _entities(representations: $r) { __typename } _service { sdl } }'))).toBe(false);
    expect(isEntityFetch(parse('mutation($r: [_Any!]!) { _entities(representations: $r) { __typename } }'))).toBe(false);
    expect(isEntityFetch(undefined)).toBe(false);
  });

  test('each fetch keeps its own selection, variables and fragments, renamed apart under its own alias', () => {
    const merged = mergeEntityFetches([
      { document: venueFetch, variables: { representations: [{ __typename: 'Venue', id: 'v1' }] }, operationName: 'VenueSessions__vouchers__1' },
      { document: sessionFetch, variables: { representations: [{ __typename: 'WorkshopSession', id: 's1' }], first: 5 }, operationName: 'VenueSessions__vouchers__2' },
    ]);
    expect(merged.operationName).toBe('VenueSessions__vouchers__1__merged_2');
    expect(merged.variables).toEqual({
      representations__0: [{ __typename: 'Venue', id: 'v1' }],
      representations__1: [{ __typename: 'WorkshopSession', id: 's1' }],
      first__1: 5,
    });
    expect(merged.query).toBe(
      print(
        parse(`query VenueSessions__vouchers__1__merged_2($representations__0: [_Any!]!, $representations__1: [_Any!]!, $first__1: Int) {
          _entities_0: _entities(representations: $representations__0) { ... on Venue { amountDueCents } }
          _entities_1: _entities(representations: $representations__1) { ...S__1 }
        }
        fragment S__1 on WorkshopSession { redemptions(first: $first__1) { cursor } }`),
      ),
    );
  });

  test('the answer is split back: each fetch its _entities and its errors, with _entities back in their path', () => {
    const answer = {
      data: { _entities_0: [{ amountDueCents: 1000 }], _entities_1: [null, { redemptions: [] }] },
      errors: [
        { message: 'session s1 is not yours', path: ['_entities_1', 0, 'redemptions'], extensions: { code: 'FORBIDDEN' } },
        { message: 'a warning for the whole call' },
      ],
      extensions: { note: 'kept' },
    };
    expect(splitEntityAnswer(answer, 2)).toEqual([
      { data: { _entities: [{ amountDueCents: 1000 }] }, errors: [{ message: 'a warning for the whole call' }], extensions: { note: 'kept' } },
      {
        data: { _entities: [null, { redemptions: [] }] },
        errors: [{ message: 'session s1 is not yours', path: ['_entities', 0, 'redemptions'], extensions: { code: 'FORBIDDEN' } }, { message: 'a warning for the whole call' }],
        extensions: { note: 'kept' },
      },
    ]);
  });
});
