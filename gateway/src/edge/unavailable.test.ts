import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import pino from 'pino';
import { DATA_UNAVAILABLE, reportUnavailable } from './unavailable';

const logger = pino({ level: 'silent' });
const sourceThat = (process: () => Promise<any>) => {
  const source = new RemoteGraphQLDataSource({ url: 'http://127.0.0.1:4004/graphql' });
  source.process = process;
  return reportUnavailable('vouchers', source, logger);
};
const call = (source: RemoteGraphQLDataSource) => source.process({} as never);

describe('reportUnavailable', () => {
  test('a subgraph that cannot be reached becomes an error naming the missing part, never the host', async () => {
    const refused = Object.assign(new Error('request to http://127.0.0.1:4004/graphql failed, reason: connect ECONNREFUSED 127.0.0.1:4004'), { code: 'ECONNREFUSED' });
    const error = await call(sourceThat(() => Promise.reject(refused))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toEqual({ code: DATA_UNAVAILABLE });
    expect((error as GraphQLError).message).toContain('books, vouchers, redemptions and reimbursements are unavailable');
    expect((error as GraphQLError).message).not.toMatch(/127\.0\.0\.1|4004|ECONNREFUSED|vouchers subgraph/);
  });

  test('a 503 from a subgraph that is shutting down is the same', async () => {
    const draining = new GraphQLError('503: Service Unavailable', { extensions: { code: 'INTERNAL_SERVER_ERROR', response: { url: 'http://127.0.0.1:4004/graphql', status: 503 } } });
    const error = await call(sourceThat(() => Promise.reject(draining))).catch((e: unknown) => e);
    expect((error as GraphQLError).extensions).toEqual({ code: DATA_UNAVAILABLE });
  });

  test("a subgraph's own refusal and its answers pass through untouched", async () => {
    const refusal = new GraphQLError('only the gateway may call this subgraph', { extensions: { code: 'UNAUTHENTICATED', response: { status: 401 } } });
    await expect(call(sourceThat(() => Promise.reject(refusal)))).rejects.toBe(refusal);
    const answer = { data: { ok: true } };
    await expect(call(sourceThat(() => Promise.resolve(answer)))).resolves.toBe(answer);
  });
});
