import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * One pino logger per process; children carry the subgraph name and the request id. Logs go to
 * standard output, or to standard error for a command whose standard output is its result (the
 * operator CLI: an export piped to a file must not get a "slow sql" line in the middle).
 */
export function createLogger(name: string, options: { toStandardError?: boolean } = {}): Logger {
  const settings = {
    name,
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' || process.env.CI ? 'warn' : 'info'),
    redact: { paths: ['req.headers.authorization', '*.authorization'], remove: true },
  };
  return options.toStandardError ? pino(settings, process.stderr) : pino(settings);
}
