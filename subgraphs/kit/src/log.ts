import pino, { type Logger } from 'pino';

export type { Logger };

/** One pino logger per process; children carry the subgraph name and the request id. */
export function createLogger(name: string): Logger {
  return pino({
    name,
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' || process.env.CI ? 'warn' : 'info'),
    redact: { paths: ['req.headers.authorization', '*.authorization'], remove: true },
  });
}
