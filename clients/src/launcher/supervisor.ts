import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { Logger } from '@pass/runtime';

/** Where a child's output goes, line by line: the launcher prefixes it, tests keep warnings only. */
export type LogSink = (name: string, line: string, stream: 'stdout' | 'stderr') => void;

/** `vouchers     | {...}`: every line of every process, named, on the launcher's own streams. */
export const prefixedSink =
  (width = 13): LogSink =>
  (name, line, stream) =>
    (stream === 'stdout' ? process.stdout : process.stderr).write(`${name.padEnd(width)}| ${line}\n`);

/** Warnings and worse only (pino levels ≥ 40, and anything that is not a log record). */
export const warningsSink =
  (inner: LogSink = prefixedSink()): LogSink =>
  (name, line, stream) => {
    try {
      const record = JSON.parse(line) as { level?: number };
      if (typeof record.level === 'number' && record.level < 40) return;
    } catch {
      // not a log record: a crash trace, always shown
    }
    inner(name, line, stream);
  };

export interface ProcessSpec {
  /** As the logs name it: `gateway`, `vouchers` … */
  name: string;
  /** The built entry point (absolute path). */
  entry: string;
  env: Record<string, string>;
  /** The port it must listen on; 0 the first time picks a free one, which restarts then keep. */
  port: number;
}

export interface RestartPolicy {
  /** First delay after a crash; doubled after each crash that follows a short run. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** A run at least this long counts as healthy: the next crash starts again from the first delay. */
  healthyAfterMs: number;
}

export const DEFAULT_RESTART: RestartPolicy = { initialDelayMs: 200, maxDelayMs: 10_000, healthyAfterMs: 30_000 };

export interface Restart {
  name: string;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** How long the launcher waited before starting it again. */
  delayMs: number;
  /** From the crash to ready again. */
  downMs: number;
}

/**
 * One child process kept alive: started with `fork` (an IPC channel, over which it says `ready`
 * with its URL), its output forwarded through the sink, its /readyz awaited, and restarted on the
 * same port with a growing delay whenever it exits without being asked to.
 */
export class SupervisedProcess extends EventEmitter {
  private child: ChildProcess | null = null;
  private stopping = false;
  private failures = 0;
  private startedAt = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  url = '';
  restarts = 0;

  constructor(
    readonly spec: ProcessSpec,
    private readonly logger: Logger,
    private readonly sink: LogSink,
    private readonly policy: RestartPolicy = DEFAULT_RESTART,
  ) {
    super();
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /**
   * Starts it and resolves with its GraphQL URL once its /readyz answers 200. After `stop()` it
   * starts again on the same port, supervised as before (a test restarting the gateway).
   */
  async start(): Promise<string> {
    this.stopping = false;
    this.url = await this.spawnOnce();
    await waitReady(this.url, this.spec.name);
    return this.url;
  }

  /** Sends a signal to the running child (a test's SIGKILL); the supervisor sees the exit as a crash. */
  kill(signal: NodeJS.Signals): void {
    this.child?.kill(signal);
  }

  /** From now on an exit is expected: no restart (called on every child before any is stopped). */
  markStopping(): void {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
  }

  /** SIGTERM, then SIGKILL after `graceMs`; no restart follows. */
  async stop(graceMs = 10_000): Promise<void> {
    this.markStopping();
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }

  private spawnOnce(): Promise<string> {
    const { name, entry, env, port } = this.spec;
    const child = fork(entry, [], {
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      // Its own process group: a Ctrl-C reaches the launcher alone, which stops the children in
      // order (the gateway first). Should the launcher die, the closed IPC channel stops them.
      detached: true,
    });
    this.child = child;
    this.startedAt = Date.now();
    forwardLines(child.stdout!, (line) => this.sink(name, line, 'stdout'));
    forwardLines(child.stderr!, (line) => this.sink(name, line, 'stderr'));
    return new Promise<string>((resolve, reject) => {
      let ready = false;
      child.on('message', (message: { type?: string; url?: string }) => {
        if (message?.type === 'ready' && message.url && !ready) {
          ready = true;
          // Restarts keep the port the first start got, so the gateway's URL stays right.
          this.spec.port = Number(new URL(message.url).port);
          resolve(message.url);
        }
      });
      child.once('exit', (code, signal) => {
        if (!ready) reject(new Error(`${name} exited with ${signal ?? code} before it was ready`));
        else this.onExit(code, signal);
      });
    });
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopping) return;
    const crashedAt = Date.now();
    if (crashedAt - this.startedAt >= this.policy.healthyAfterMs) this.failures = 0;
    const delayMs = Math.min(this.policy.maxDelayMs, this.policy.initialDelayMs * 2 ** this.failures);
    this.failures += 1;
    this.logger.error({ process: this.spec.name, code, signal, delayMs }, `${this.spec.name} exited (${signal ?? `code ${code}`}); restarting it in ${delayMs} ms`);
    this.emit('exit', { code, signal });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (this.stopping) return;
      this.spawnOnce()
        .then(async (url) => {
          await waitReady(url, this.spec.name);
          this.restarts += 1;
          const restart: Restart = { name: this.spec.name, code, signal, delayMs, downMs: Date.now() - crashedAt };
          this.logger.warn({ process: restart.name, signal, code, delayMs, downMs: restart.downMs }, `${this.spec.name} restarted: ready again ${restart.downMs} ms after it died`);
          this.emit('restarted', restart);
        })
        // It died again before it was ready: the exit handler is not armed yet, so back off here.
        .catch((err) => {
          this.logger.error({ err, process: this.spec.name }, `${this.spec.name} failed to restart`);
          this.onExit(null, null);
        });
    }, delayMs);
  }
}

function forwardLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let buffered = '';
  stream.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      onLine(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
    }
  });
  stream.on('end', () => {
    if (buffered) onLine(buffered);
  });
}

/** Polls `/readyz` beside the GraphQL URL until it answers 200 (the database is reachable). */
export async function waitReady(graphqlUrl: string, name: string, timeoutMs = 60_000): Promise<void> {
  const readyz = graphqlUrl.replace(/\/graphql$/, '/readyz');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const answer = await fetch(readyz, { signal: AbortSignal.timeout(2000) });
      if (answer.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} did not get ready (${readyz})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
