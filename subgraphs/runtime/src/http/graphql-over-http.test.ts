import { bodyLimitBytes, isGraphqlPath, isJsonContentType } from './graphql-over-http';

describe('GraphQL over HTTP, what the hot route reads of a request', () => {
  test('body limits read as the parts write them', () => {
    expect(bodyLimitBytes('1mb')).toBe(1024 * 1024);
    expect(bodyLimitBytes('30mb')).toBe(30 * 1024 * 1024);
    expect(bodyLimitBytes('512kb')).toBe(512 * 1024);
    expect(bodyLimitBytes(100)).toBe(100);
    expect(() => bodyLimitBytes('lots')).toThrow(/not a size/);
  });

  test('the /graphql route, with a query string or a subpath, and nothing that merely starts alike', () => {
    for (const url of ['/graphql', '/graphql?query=%7B%7D', '/graphql/']) expect(isGraphqlPath(url)).toBe(true);
    for (const url of ['/graphiql', '/graphqlx', '/', '/metrics', undefined]) expect(isGraphqlPath(url)).toBe(false);
  });

  test('JSON and its +json kinds, with parameters; nothing else', () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'application/graphql-response+json']) expect(isJsonContentType(type)).toBe(true);
    for (const type of ['text/plain', 'application/jsonx', 'multipart/form-data', undefined]) expect(isJsonContentType(type)).toBe(false);
  });
});
