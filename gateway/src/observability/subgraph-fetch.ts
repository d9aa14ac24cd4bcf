import type { GraphQLDataSource, GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { context, propagation } from '@opentelemetry/api';
import type { Histogram } from 'prom-client';
import { answeredByRunner } from '../edge/subgraph-data-source';

/**
 * Times every fetch the query plan sends to one subgraph (once: not again when a handed-back
 * request's fetch takes the plan runner's answer, which the runner timed), and passes the trace
 * on: the W3C `traceparent` of the gateway's fetch span goes with the request, so the subgraph's
 * spans join the caller's trace. Wraps the instance rather than subclassing, so the gateway's own data
 * source class stays as it is.
 */
export function observeSubgraphFetches<TSource extends RemoteGraphQLDataSource<any>>(
  subgraph: string,
  source: TSource,
  fetchDuration: Histogram<'subgraph' | 'outcome'>,
): TSource {
  const willSendRequest = source.willSendRequest?.bind(source);
  source.willSendRequest = async (options: GraphQLDataSourceProcessOptions<any>) => {
    await willSendRequest?.(options);
    const headers = options.request.http?.headers;
    // Apollo's fetch span is the active context here; without a tracer provider this injects nothing.
    if (headers) propagation.inject(context.active(), headers, { set: (carrier, key, value) => carrier.set(key, value) });
  };
  const process: GraphQLDataSource['process'] = source.process.bind(source);
  source.process = async (options) => {
    const stopTimer = fetchDuration.startTimer({ subgraph });
    try {
      const response = await process(options);
      // A handed-back request's fetch that took the plan runner's answer was timed by the runner.
      if (!answeredByRunner(options.request)) stopTimer({ outcome: response.errors?.length ? 'error' : 'ok' });
      return response;
    } catch (err) {
      stopTimer({ outcome: 'error' });
      throw err;
    }
  };
  return source;
}
