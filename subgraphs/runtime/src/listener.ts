import { Client } from 'pg';
import type { Logger } from './log';

export interface ChannelListener {
  /** Resolves once the first LISTEN is in place (or `close` was called). */
  ready: Promise<void>;
  /** The backend process id of the listening connection, null while reconnecting. */
  backendPid(): number | null;
  close(): Promise<void>;
}

export interface ListenOptions {
  url: string;
  channel: string;
  /** Called on every notification, and after every (re)connection: what was sent meanwhile is lost. */
  onWake: () => void;
  logger: Logger;
  /** First retry delay and its ceiling; the delay doubles between them, with jitter. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

const CHANNEL = /^[a-z_][a-z0-9_]*$/;

/**
 * A LISTEN that comes back by itself. NOTIFY only wakes readers, who then read the table, so a
 * wake-up is also sent after each reconnection to cover the notifications sent while it was down.
 */
export function listenWithReconnect(options: ListenOptions): ChannelListener {
  if (!CHANNEL.test(options.channel)) throw new Error(`bad channel name ${options.channel}`);
  const minDelay = options.minDelayMs ?? 100;
  const maxDelay = options.maxDelayMs ?? 5000;
  let client: Client | null = null;
  let stopped = false;
  let failures = 0;
  let retry: NodeJS.Timeout | null = null;
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const schedule = () => {
    if (stopped || retry) return;
    const delay = Math.min(maxDelay, minDelay * 2 ** failures) * (0.5 + Math.random() / 2);
    failures += 1;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, delay);
    retry.unref();
  };

  const connect = async () => {
    const candidate = new Client({ connectionString: options.url });
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      if (client === candidate) client = null;
      candidate.end().catch(() => undefined);
      if (!stopped) {
        options.logger.warn({ reason: err?.message, channel: options.channel, failures }, 'listener connection lost; reconnecting');
        schedule();
      }
    };
    candidate.on('error', onLost);
    candidate.on('end', () => onLost());
    candidate.on('notification', (message) => {
      if (message.channel === options.channel) options.onWake();
    });
    try {
      await candidate.connect();
      await candidate.query(`listen ${options.channel}`);
    } catch (err) {
      onLost(err as Error);
      return;
    }
    if (stopped || lost) {
      await candidate.end().catch(() => undefined);
      return;
    }
    client = candidate;
    failures = 0;
    markReady();
    options.onWake();
  };

  void connect();
  return {
    ready,
    backendPid: () => (client as unknown as { processID?: number } | null)?.processID ?? null,
    close: async () => {
      stopped = true;
      markReady();
      if (retry) clearTimeout(retry);
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}
