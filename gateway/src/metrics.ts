import type { ApolloServerPlugin } from '@apollo/server';

const BUCKETS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000];

/** Prometheus text exposition of request counts, errors and latency, kept in process. */
export class Metrics {
  private requests = new Map<string, number>();
  private errors = 0;
  private buckets = new Array<number>(BUCKETS_MS.length + 1).fill(0);
  private sumMs = 0;
  private count = 0;

  plugin(): ApolloServerPlugin {
    return {
      requestDidStart: async () => {
        const started = performance.now();
        return {
          willSendResponse: async ({ operation, errors }) => {
            const kind = operation?.operation ?? 'invalid';
            this.requests.set(kind, (this.requests.get(kind) ?? 0) + 1);
            if (errors?.length) this.errors += 1;
            const ms = performance.now() - started;
            this.sumMs += ms;
            this.count += 1;
            const i = BUCKETS_MS.findIndex((b) => ms <= b);
            this.buckets[i === -1 ? BUCKETS_MS.length : i]! += 1;
          },
        };
      },
    };
  }

  render(): string {
    const lines = ['# TYPE hub_graphql_requests_total counter'];
    for (const [kind, n] of this.requests) lines.push(`hub_graphql_requests_total{operation="${kind}"} ${n}`);
    lines.push('# TYPE hub_graphql_requests_with_errors_total counter', `hub_graphql_requests_with_errors_total ${this.errors}`);
    lines.push('# TYPE hub_graphql_request_duration_ms histogram');
    let cumulative = 0;
    BUCKETS_MS.forEach((b, i) => {
      cumulative += this.buckets[i]!;
      lines.push(`hub_graphql_request_duration_ms_bucket{le="${b}"} ${cumulative}`);
    });
    lines.push(`hub_graphql_request_duration_ms_bucket{le="+Inf"} ${this.count}`);
    lines.push(`hub_graphql_request_duration_ms_sum ${this.sumMs.toFixed(3)}`, `hub_graphql_request_duration_ms_count ${this.count}`);
    return `${lines.join('\n')}\n`;
  }
}
