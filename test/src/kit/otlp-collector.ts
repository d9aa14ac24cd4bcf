import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A span as the tracing suite reads it, whichever way it was exported. */
export interface TracedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  /** As `@opentelemetry/api`'s SpanKind: 0 internal, 1 server, 2 client, 3 producer, 4 consumer. */
  kind: number;
  /** The instrumentation scope (`pass-gateway`, `pass-programmes`…). */
  scope: string;
  attributes: Record<string, unknown>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: number | string;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: OtlpValue[] };
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind?: number;
  attributes?: { key: string; value: OtlpValue }[];
}
interface OtlpTraces {
  resourceSpans?: { scopeSpans?: { scope?: { name?: string }; spans?: OtlpSpan[] }[] }[];
}

const valueOf = (value: OtlpValue): unknown => {
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(valueOf);
  return undefined;
};

/**
 * A minimal OpenTelemetry collector on loopback: it takes OTLP/HTTP JSON (`POST /v1/traces`, what
 * the hub's processes send with `OTEL_EXPORTER_OTLP_PROTOCOL=http/json`) and keeps every span, so
 * a test can read the traces of a hub whose parts run in other processes, through the very
 * exporter set-up production uses.
 */
export async function startOtlpCollector(): Promise<{ endpoint: string; spans(): TracedSpan[]; reset(): void; close(): Promise<void> }> {
  let received: TracedSpan[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/traces' || !String(req.headers['content-type']).startsWith('application/json')) {
        res.writeHead(415).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpTraces;
      for (const resource of body.resourceSpans ?? []) {
        for (const scoped of resource.scopeSpans ?? []) {
          for (const span of scoped.spans ?? []) {
            received.push({
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId || undefined,
              name: span.name,
              // OTLP counts kinds from 1 (0 is "unspecified"); the API from 0.
              kind: (span.kind ?? 1) - 1,
              scope: scoped.scope?.name ?? '',
              attributes: Object.fromEntries((span.attributes ?? []).map((a) => [a.key, valueOf(a.value)])),
            });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    spans: () => received,
    reset: () => {
      received = [];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
