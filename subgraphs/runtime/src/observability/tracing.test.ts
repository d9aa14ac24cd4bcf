import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { stopTracing, startTracingFromEnv, tracerFor, tracingActive, tracingConfigFromEnv } from './tracing';

describe('tracing is switched on by the standard OTEL_* variables only', () => {
  test.each<[string, NodeJS.ProcessEnv, ReturnType<typeof tracingConfigFromEnv>]>([
    ['nothing set', {}, { enabled: false }],
    ['an OTLP endpoint', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, { enabled: true, exporters: ['otlp'], protocol: 'http/protobuf' }],
    ['a traces endpoint', { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }, { enabled: true, exporters: ['otlp'], protocol: 'http/protobuf' }],
    ['the console exporter', { OTEL_TRACES_EXPORTER: 'console' }, { enabled: true, exporters: ['console'], protocol: 'http/protobuf' }],
    ['two exporters', { OTEL_TRACES_EXPORTER: 'otlp, console' }, { enabled: true, exporters: ['otlp', 'console'], protocol: 'http/protobuf' }],
    ['none, despite an endpoint', { OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, { enabled: false }],
    ['the SDK disabled', { OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' }, { enabled: false }],
    ['OTLP as http/json', { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }, { enabled: true, exporters: ['otlp'], protocol: 'http/json' }],
    ['a protocol for metrics only', { OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, { enabled: false }],
  ])('%s', (_what, env, expected) => {
    expect(tracingConfigFromEnv(env)).toEqual(expected);
  });

  test.each<[NodeJS.ProcessEnv, RegExp]>([
    [{ OTEL_TRACES_EXPORTER: 'zipkin' }, /^OTEL_TRACES_EXPORTER: "zipkin"/],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4317', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, /^OTEL_EXPORTER_OTLP_PROTOCOL: "grpc"/],
    [{ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc' }, /^OTEL_EXPORTER_OTLP_PROTOCOL: "grpc"/],
  ])('a value the hub cannot honour stops start-up naming the variable: %j', (env, message) => {
    expect(() => tracingConfigFromEnv(env)).toThrow(message);
  });
});

describe('the OTLP exporter the variables switch on', () => {
  test('sends the spans to the collector named by OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', async () => {
    const received: { path: string; body: string }[] = [];
    const collector = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ path: req.url ?? '', body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/traces`;
    // The exporter reads its endpoint from the process's environment, as in production.
    const env = { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_SERVICE_NAME: 'pass-otlp-test' };
    Object.assign(process.env, env);
    try {
      expect(startTracingFromEnv('pass-hub')).toBe(true);
      expect(tracingActive()).toBe(true);
      tracerFor('programmes').startActiveSpan('Query.programmes', (span) => span.end());
      await stopTracing();
    } finally {
      for (const key of Object.keys(env)) delete process.env[key];
      await new Promise((resolve) => collector.close(resolve));
    }
    expect(received.map((r) => r.path)).toEqual(['/v1/traces']);
    const body = JSON.parse(received[0]!.body);
    const resourceSpans = body.resourceSpans[0];
    expect(resourceSpans.resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'pass-otlp-test' } });
    expect(resourceSpans.scopeSpans[0].scope.name).toBe('pass-programmes');
    expect(resourceSpans.scopeSpans[0].spans[0].name).toBe('Query.programmes');
  });
});
