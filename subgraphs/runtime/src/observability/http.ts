import { SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { stdSerializers } from 'pino';
import type { Logger } from '../log';
import type { ServerMetrics } from './metrics';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';
import { tracerFor, tracingActive } from './tracing';

/**
 * Route labels are a closed list so that a scan of random paths cannot blow up the number of
 * series: anything else is `other`.
 */
const KNOWN_ROUTES = /^\/(graphql|graphiql|healthz|readyz|metrics)(?=\/|$|\?)/;
function routeOf(url: string): string {
  const known = KNOWN_ROUTES.exec(url);
  return known ? `/${known[1]}` : 'other';
}

/** Probes and scrapes come every few seconds and say nothing about callers: not access-logged. */
const QUIET_ROUTES = new Set(['/healthz', '/readyz', '/metrics']);

const STATUS_REASONS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,47}$/;

/** The `extensions.code` of the first error of a refusal's GraphQL-shaped body, if it has one. */
function refusalCodeOf(body: unknown): string | undefined {
  let parsed = body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    if (body.length > 65_536) return undefined;
    try {
      parsed = JSON.parse(body.toString());
    } catch {
      return undefined;
    }
  }
  const code = (parsed as { errors?: { extensions?: { code?: unknown } }[] } | null)?.errors?.[0]?.extensions?.code;
  return typeof code === 'string' && ERROR_CODE.test(code) ? code : undefined;
}

/**
 * The access log: one line per request, when its answer is finished or the caller went away, at
 * `info`, or at `error` with an `err` for a 5xx or an error of the response stream. Only what an
 * operator needs: the request's `id`, `method` and `path` (never headers, which carry tokens and
 * caller assertions, nor the query string: a GET query's variables may carry personal data), the
 * response's `statusCode` (null when no header went out), `ms` and `msg` (`request completed`,
 * `request aborted` or `request errored`): the line pino-http wrote before, field for field.
 * Unlike pino-http it builds nothing per request (no child logger, no serialised request) unless
 * the line is written: at level error (the benchmarks', and many deployments') an answered request
 * costs a level check.
 *
 * Returns, per request, the function that writes its line (once; later calls do nothing).
 */
function accessLogger(logger: Logger): (req: Request, res: Response, requestId: string) => (err?: Error) => void {
  // The error serializer pino-http used (pino's default one too, pinned here).
  const log = logger.child({}, { serializers: { err: stdSerializers.err } });
  return (req, res, requestId) => {
    const started = Date.now();
    // pino-http left the id on the request; kept for anything that reads it.
    (req as { id?: unknown }).id ||= requestId;
    let written = false;
    return (err?: Error) => {
      if (written) return;
      written = true;
      const level = err || res.statusCode >= 500 ? 'error' : 'info';
      if (!log.isLevelEnabled(level)) return;
      const ms = Date.now() - started;
      const line = {
        req: { id: (req as { id?: unknown }).id, method: req.method, path: (req.originalUrl || req.url).split('?')[0] },
        res: { statusCode: res.headersSent ? res.statusCode : null },
      };
      const failure = err ?? (res as { err?: Error }).err;
      if (failure || res.statusCode >= 500) {
        log[level]({ ...line, err: failure ?? new Error(`failed with status code ${res.statusCode}`), ms }, 'request errored');
        return;
      }
      log[level]({ ...line, ms }, !req.readableAborted && res.writableEnded ? 'request completed' : 'request aborted');
    };
  };
}

/**
 * The first middleware of every server: gives the request its id (the caller's `x-request-id`
 * when sane, else a new one) and returns it as a header; writes one access-log line per request
 * (see accessLogger); counts and times it, and counts refusals by reason; and, when tracing is on,
 * opens the server span, continuing the caller's W3C `traceparent`.
 *
 * The id is also written back into the request's `x-request-id` header, so code further down
 * (the GraphQL context, the gateway's forwarding to subgraphs) reads the sane value only.
 */
export function observeHttp(options: { logger: Logger; metrics: ServerMetrics; part: string }): RequestHandler {
  const { metrics } = options;
  const accessLog = accessLogger(options.logger);

  return (req: Request, res: Response, next: NextFunction) => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const route = routeOf(req.originalUrl ?? req.url);
    const stopTimer = metrics.httpDuration.startTimer();

    // The reason of a refusal is the error code its body carries, read where every body passes:
    // `end` (Express's `send` and `json` end with the body, and so do Apollo Server's answers and
    // the refusals written on Node's own response, runtime's graphql-over-http.ts).
    let refusalCode: string | null | undefined;
    const end = res.end;
    res.end = function (this: Response, ...args: unknown[]) {
      if (this.statusCode >= 400 && this.statusCode < 500 && refusalCode === undefined) {
        refusalCode = refusalCodeOf(typeof args[0] === 'function' ? undefined : args[0]) ?? null;
      }
      return (end as (...a: unknown[]) => Response).apply(this, args);
    } as Response['end'];

    const span = tracingActive()
      ? tracerFor(options.part).startSpan(
          `${req.method} ${route}`,
          {
            kind: SpanKind.SERVER,
            attributes: { 'http.request.method': req.method, 'http.route': route, 'url.path': req.path ?? (req.url ?? '').split('?')[0], 'pass.request_id': requestId },
          },
          propagation.extract(context.active(), req.headers),
        )
      : undefined;

    const writeAccessLine = accessLog(req, res, requestId);
    // Probes and scrapes are not access-logged, but an error of the response stream always is
    // (and the listener keeps such an error from being an uncaught exception, as pino-http's did).
    const quiet = QUIET_ROUTES.has(routeOf(req.url ?? ''));
    res.once('error', writeAccessLine);

    let recorded = false;
    const record = () => {
      if (recorded) return;
      recorded = true;
      // A request the caller abandoned has no status worth counting as an answer.
      const status = res.writableFinished ? res.statusCode : 499;
      const labels = { method: req.method, route, status_code: String(status) };
      metrics.httpRequests.inc(labels);
      stopTimer(labels);
      if (status >= 400 && status < 500 && status !== 499) {
        metrics.refusedRequests.inc({ status_code: String(status), reason: refusalCode ?? STATUS_REASONS[status] ?? 'OTHER' });
      }
      if (span) {
        span.setAttribute('http.response.status_code', status);
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
      if (!quiet) writeAccessLine();
    };
    res.once('finish', record);
    res.once('close', record);

    if (!span) return next();
    const traced = trace.setSpan(context.active(), span);
    // Body parsers resume in the socket's callbacks, which would lose the active context: bind
    // the request's events to it so GraphQL execution, its SQL and its fetches stay in the trace.
    context.bind(traced, req);
    context.bind(traced, res);
    context.with(traced, next);
  };
}
