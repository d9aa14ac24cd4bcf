import type { ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { execute, GraphQLError, parse, type GraphQLFormattedError } from 'graphql';
import { contentTypeFor, operationKey, writeApolloAnswer } from './apollo-answer';

/*
 * The answer writer of the paths that run an operation outside Apollo Server's pipeline must write
 * what Apollo Server 5 itself writes for the same execution: here both run the same operations on
 * one schema, Apollo Server through `executeHTTPGraphQLRequest`, the writer on graphql-js's result,
 * and status, content type and body are compared byte for byte.
 */

const typeDefs = `
  type Query {
    hello: String
    broken: String
    forbidden: String
    required: String!
    nested: Nested
  }
  type Nested { required: String! }
`;
const resolvers = {
  Query: {
    hello: () => 'world',
    broken: () => {
      throw new Error('the database went away');
    },
    forbidden: () => {
      throw new GraphQLError('not yours', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
    },
    required: () => null,
    nested: () => ({ required: null }),
  },
};
/** A formatter like the hub's: an internal error's message is hidden. */
const formatError = (formatted: GraphQLFormattedError): GraphQLFormattedError =>
  formatted.extensions?.code === 'INTERNAL_SERVER_ERROR' ? { ...formatted, message: 'Internal server error' } : formatted;

/** What the writer puts on a response. */
function captured() {
  const headers: Record<string, string> = {};
  const out = { status: 0, headers, body: '' };
  const res = {
    set statusCode(value: number) {
      out.status = value;
    },
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = value),
    end: (body: string) => void (out.body = body),
  } as unknown as ServerResponse;
  return { res, out };
}

describe('the answer writer writes what Apollo Server writes', () => {
  const apollo = new ApolloServer({ typeDefs, resolvers, includeStacktraceInErrorResponses: false, formatError, plugins: [ApolloServerPluginCacheControlDisabled()] });
  beforeAll(() => apollo.start());
  afterAll(() => apollo.stop());

  async function viaApollo(query: string, accept?: string) {
    const headers = new HeaderMap([['content-type', 'application/json']]);
    if (accept) headers.set('accept', accept);
    const answer = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: 'POST', headers, search: '', body: { query } }, context: async () => ({}) });
    if (answer.body.kind !== 'complete') throw new Error('expected a complete body');
    return { status: answer.status ?? 200, contentType: answer.headers.get('content-type'), body: answer.body.string };
  }

  async function viaWriter(query: string, accept?: string) {
    const schema = (apollo as unknown as { internals: { state: { schemaManager: { getSchemaDerivedData(): { schema: never } } } } }).internals.state.schemaManager.getSchemaDerivedData().schema;
    const result = await execute({ schema, document: parse(query), contextValue: {} });
    const { res, out } = captured();
    const contentType = contentTypeFor(accept);
    if (contentType === null) throw new Error('refused accept');
    writeApolloAnswer(res, { result }, contentType, { formatError: (formatted) => formatError(formatted) });
    return { status: out.status, contentType: out.headers['content-type'], body: out.body };
  }

  test.each([
    ['data alone', '{ hello }'],
    ['a resolver that throws: its code and the formatter', '{ hello broken }'],
    ['an error that carries an HTTP status', '{ hello forbidden }'],
    ['a null in a non-null field: data null', '{ hello required }'],
    ['a null that stops at its nullable parent', '{ hello nested { required } }'],
  ])('%s', async (_, query) => {
    expect(await viaWriter(query)).toEqual(await viaApollo(query));
  });

  test('the content type, negotiated from the same accept headers', async () => {
    for (const accept of ['application/graphql-response+json', 'application/json', 'application/graphql-response+json, application/json;q=0.9', '*/*']) {
      expect([accept, await viaWriter('{ hello }', accept)]).toEqual([accept, await viaApollo('{ hello }', accept)]);
    }
    // Where Apollo Server answers 406, the writer is not used.
    expect(contentTypeFor('text/html')).toBeNull();
  });

  test('a text and an operation name make one key that no other pair spells', () => {
    expect(operationKey('query A { a }', 'A')).not.toBe(operationKey('A { a }', 'query A'));
    expect(operationKey('{ a }', '')).not.toBe(operationKey('{ a }', 'A'));
  });
});
