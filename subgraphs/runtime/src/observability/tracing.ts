import { SpanKind, SpanStatusCode, context, trace, type Context, type Span, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter as OTLPJsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OTLPProtobufTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { Resource, envDetectorSync } from '@opentelemetry/resources';
import { BatchSpanProcessor, ConsoleSpanExporter, SimpleSpanProcessor, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import pg from 'pg';

/**
 * Traces are off unless the standard OpenTelemetry variables ask for them, and then nothing is
 * even wrapped: no provider, no patched `pg`, no resolver wrappers, one boolean test per request.
 *
 * - `OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none`: off.
 * - `OTEL_TRACES_EXPORTER=otlp` and/or `console` (comma-separated): on with those exporters.
 * - `OTEL_TRACES_EXPORTER` unset: on with `otlp` as soon as `OTEL_EXPORTER_OTLP_ENDPOINT` or
 *   `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` names a collector.
 * OTLP goes over HTTP, as protobuf (`http/protobuf`, the standard's default) or JSON
 * (`OTEL_EXPORTER_OTLP_PROTOCOL=http/json`); gRPC is not bundled. The exporter reads the
 * endpoint, headers, timeout and compression from the `OTEL_EXPORTER_OTLP_*` variables itself, and
 * the sampler comes from `OTEL_TRACES_SAMPLER`/`OTEL_TRACES_SAMPLER_ARG`.
 */
export type TracingConfig =
  | { enabled: false }
  | { enabled: true; exporters: ('otlp' | 'console')[]; protocol: 'http/protobuf' | 'http/json' };

export function tracingConfigFromEnv(env: NodeJS.ProcessEnv = process.env): TracingConfig {
  if ((env.OTEL_SDK_DISABLED ?? '').trim().toLowerCase() === 'true') return { enabled: false };
  const protocol = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL;
  const declared = (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  let exporters: string[];
  if (declared.length > 0) exporters = declared.includes('none') ? [] : declared;
  else exporters = env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ? ['otlp'] : [];
  for (const exporter of exporters) {
    if (exporter !== 'otlp' && exporter !== 'console') {
      throw new Error(`OTEL_TRACES_EXPORTER: "${exporter}" is not supported here; use otlp, console or none`);
    }
  }
  const otlpProtocol = (protocol ?? 'http/protobuf').trim();
  if (exporters.includes('otlp') && otlpProtocol !== 'http/protobuf' && otlpProtocol !== 'http/json') {
    throw new Error(`OTEL_EXPORTER_OTLP_PROTOCOL: "${protocol}" is not supported here; use http/protobuf (the default) or http/json`);
  }
  if (exporters.length === 0) return { enabled: false };
  return { enabled: true, exporters: exporters as ('otlp' | 'console')[], protocol: otlpProtocol as 'http/protobuf' | 'http/json' };
}

let provider: NodeTracerProvider | null = null;

/** True once a tracer provider is registered; everything traced asks this first. */
export function tracingActive(): boolean {
  return provider !== null;
}

/**
 * Registers the process's tracer provider (W3C trace context and baggage propagation, async
 * context through AsyncLocalStorage) with the given span processors, and wraps `pg` so that SQL
 * statements become spans. Tests pass an in-memory exporter; `startTracingFromEnv` passes the
 * exporters the environment asks for.
 */
export function startTracing(options: { serviceName: string; exporter?: SpanExporter; processors?: SpanProcessor[] }): void {
  if (provider) return;
  const processors = options.processors ?? (options.exporter ? [new SimpleSpanProcessor(options.exporter)] : []);
  const resource = new Resource({ 'service.name': options.serviceName }).merge(envDetectorSync.detect());
  provider = new NodeTracerProvider({ resource, spanProcessors: processors });
  provider.register();
  patchPg();
}

/**
 * Starts tracing when the `OTEL_*` variables ask for it (see `tracingConfigFromEnv`); a second
 * call, or a call after `startTracing`, does nothing: one provider per process.
 */
export function startTracingFromEnv(defaultServiceName: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (provider) return true;
  const config = tracingConfigFromEnv(env);
  if (!config.enabled) return false;
  const processors: SpanProcessor[] = config.exporters.map((exporter) =>
    exporter === 'otlp'
      ? new BatchSpanProcessor(config.protocol === 'http/json' ? new OTLPJsonTraceExporter() : new OTLPProtobufTraceExporter())
      : new SimpleSpanProcessor(new ConsoleSpanExporter()),
  );
  startTracing({ serviceName: env.OTEL_SERVICE_NAME || defaultServiceName, processors });
  return true;
}

/** Sends the spans still buffered, then unregisters the provider (at shutdown, and between tests). */
export async function stopTracing(): Promise<void> {
  const stopping = provider;
  if (!stopping) return;
  provider = null;
  unpatchPg();
  await stopping.shutdown();
  trace.disable();
  context.disable();
}

/** The tracer of one part of the hub (`pass-gateway`, `pass-programmes`…): the span's scope names it. */
export function tracerFor(part: string): Tracer {
  return trace.getTracer(`pass-${part}`);
}

/** Ends a span with the error recorded, for the callers that cannot use `startActiveSpan`'s callback. */
export function endSpan(span: Span, error?: unknown): void {
  if (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
  span.end();
}

// SQL spans. `@opentelemetry/instrumentation-pg` does this through require hooks, which neither
// jest's module registry nor an already-loaded `pg` sees; wrapping `Client.prototype.query` is the
// same technique made explicit. Only statements run inside a traced request get a span: the event
// consumers' background polls would otherwise make a root trace every two seconds.
const sqlTracer = () => trace.getTracer('pass-sql');
type Query = (...args: unknown[]) => unknown;
let originalQuery: Query | null = null;

function patchPg(): void {
  if (originalQuery) return;
  const client = pg.Client.prototype as unknown as { query: Query; database?: string };
  const original = client.query;
  originalQuery = original;
  client.query = function tracedQuery(this: { database?: string }, ...args: unknown[]) {
    const parent: Context = context.active();
    if (!trace.getSpan(parent)) return original.apply(this, args);
    const first = args[0] as string | { text?: string } | undefined;
    const text = typeof first === 'string' ? first : (first?.text ?? '');
    const operation = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase() ?? 'QUERY';
    const span = sqlTracer().startSpan(
      `${operation} ${this.database ?? ''}`.trim(),
      {
        kind: SpanKind.CLIENT,
        attributes: { 'db.system': 'postgresql', 'db.name': this.database ?? '', 'db.operation': operation, 'db.statement': text.slice(0, 2000) },
      },
      parent,
    );
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = function (this: unknown, err: unknown, ...rest: unknown[]) {
        endSpan(span, err);
        return (last as Query).call(this, err, ...rest);
      };
      return original.apply(this, args);
    }
    let result: unknown;
    try {
      result = original.apply(this, args);
    } catch (err) {
      endSpan(span, err);
      throw err;
    }
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      (result as Promise<unknown>).then(
        () => endSpan(span),
        (err: unknown) => endSpan(span, err),
      );
    } else {
      // A streamed query (a Submittable) reports its end through events; its start is what we know.
      span.end();
    }
    return result;
  };
}

function unpatchPg(): void {
  if (!originalQuery) return;
  (pg.Client.prototype as unknown as { query: Query }).query = originalQuery;
  originalQuery = null;
}
