import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createScratchDatabase, startPostgres, type PostgresServer, type ScratchDatabase } from '@pass/kit';
import { BeneficiaryStatus, EducationLevel } from '@pass/contracts';
import { createLogger, loadConfig } from '@pass/runtime';
import { startHub, startProcessHub, type HubHandle, type HubOptions, type ProcessHub } from '@pass/clients';
import { registerBeneficiary } from '@pass/beneficiaries';
import { allocateBooks, handOutBook, issueBooksOfOrder } from '@pass/vouchers';
import { freePort } from '../kit/free-port';

/*
 * What the benchmark scripts share. They are scripts, not tests: they print figures and never
 * assert timings. Everything stays on 127.0.0.1.
 */

// Benchmarks print their own lines; the hub's info logs (and its slow-SQL warnings on purpose-
// built million-row statements) would drown them. LOG_LEVEL=info brings them back.
process.env.LOG_LEVEL ??= 'error';

export interface BenchDatabase {
  postgres: PostgresServer;
  scratch: ScratchDatabase;
  /**
   * CPU seconds (user + system) used so far by the embedded server's processes (postmaster,
   * backends, WAL writer, checkpointer…), read from /proc; null for a DATABASE_URL server or
   * where /proc is missing. Backends that already exited are not counted.
   */
  postgresCpuSeconds(): number | null;
  /** Drops the scratch database, stops an embedded server and removes its cluster folder. */
  close(): Promise<void>;
}

const CLOCK_TICKS = 100;

/** utime + stime of one process, and its parent pid, from /proc/<pid>/stat. */
function procStat(pid: number): { ppid: number; cpu: number } | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return { ppid: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS };
  } catch {
    return null;
  }
}

function clusterCpuSeconds(dataDir: string): number | null {
  try {
    const postmaster = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    let total = procStat(postmaster)?.cpu ?? 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = procStat(Number(entry));
      if (stat?.ppid === postmaster) total += stat.cpu;
    }
    return total;
  } catch {
    return null;
  }
}

/**
 * A fresh scratch database: on the server of DATABASE_URL when set, otherwise on an embedded
 * PostgreSQL in a throw-away cluster under `.data/` on a free loopback port.
 */
export async function startBenchDatabase(prefix: string): Promise<BenchDatabase> {
  const root = path.resolve(__dirname, '..', '..', '..', '.data');
  mkdirSync(root, { recursive: true });
  const dataDir = process.env.DATABASE_URL ? null : mkdtempSync(path.join(root, 'pg-bench-'));
  let postgres: PostgresServer;
  try {
    postgres = await startPostgres({ dataDir: dataDir ?? root, port: await freePort(), logger: createLogger('bench-postgres') });
  } catch (err) {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const stopServer = async () => {
    await postgres.stop();
    if (dataDir && postgres.embedded) rmSync(dataDir, { recursive: true, force: true });
  };
  let scratch: ScratchDatabase;
  try {
    scratch = await createScratchDatabase(postgres.serverUrl, prefix);
  } catch (err) {
    await stopServer();
    throw err;
  }
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await scratch.drop().catch(() => undefined);
    await stopServer();
  };
  onCleanup(close);
  return { postgres, scratch, close, postgresCpuSeconds: () => (dataDir && postgres.embedded ? clusterCpuSeconds(dataDir) : null) };
}

/** CPU seconds of these processes and of every descendant (a gateway's cluster workers), from /proc. */
function processTreeCpuSeconds(pids: number[]): number | null {
  try {
    const stats = new Map<number, { ppid: number; cpu: number }>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = procStat(Number(entry));
      if (stat) stats.set(Number(entry), stat);
    }
    const inTree = new Set(pids);
    let grew = true;
    while (grew) {
      grew = false;
      for (const [pid, stat] of stats) {
        if (!inTree.has(pid) && inTree.has(stat.ppid)) {
          inTree.add(pid);
          grew = true;
        }
      }
    }
    let total = 0;
    for (const pid of inTree) total += stats.get(pid)?.cpu ?? 0;
    return total;
  } catch {
    return null;
  }
}

export interface BenchHub {
  hub: HubHandle;
  /** `single` (BENCH_LAYOUT unset) or `processes`, with BENCH_GATEWAY_WORKERS gateway workers. */
  layout: string;
  /**
   * CPU seconds used so far by the hub's own processes (the gateway, its workers and the four
   * subgraphs) in the `processes` layout; null in the single layout, where the hub shares this
   * process with the load driver (the benchmarks measure it there as before).
   */
  childCpuSeconds(): number | null;
  /** The same, per process (`gateway` with its workers, then each subgraph); null in the single layout. */
  childCpuSecondsByProcess(): Record<string, number | null> | null;
  /**
   * Each subgraph's Unix socket by its URL's origin, which the gateway calls through in the
   * `processes` layout (PASS_SUBGRAPH_SOCKETS=0: none); the floor goes the same way.
   */
  subgraphSockets: Record<string, string>;
}

/**
 * The hub in the layout BENCH_LAYOUT names: `single` (the default: gateway and subgraphs in this
 * process) or `processes` (as `npm start` runs it, with BENCH_GATEWAY_WORKERS gateway workers).
 */
export async function startBenchHub(databaseUrl: string, gateway?: HubOptions['gateway']): Promise<BenchHub> {
  const layout = process.env.BENCH_LAYOUT ?? 'single';
  if (layout === 'single') {
    const hub = await startHub({ databaseUrl, gateway });
    onCleanup(() => hub.close());
    return { hub, layout, childCpuSeconds: () => null, childCpuSecondsByProcess: () => null, subgraphSockets: {} };
  }
  if (layout !== 'processes') throw new Error(`BENCH_LAYOUT must be single or processes, not ${layout}`);
  const workers = Number(process.env.BENCH_GATEWAY_WORKERS ?? 1);
  const { live: _live, ...processGateway } = gateway ?? {};
  // Read as `npm start` reads it (`0` or `false` turns it off; a bad value stops the run).
  const sockets = loadConfig(process.env).useSubgraphSockets;
  const hub: ProcessHub = await startProcessHub({ databaseUrl, gateway: processGateway, gatewayWorkers: workers, logLevel: process.env.LOG_LEVEL, subgraphSockets: sockets });
  onCleanup(() => hub.close());
  return {
    hub,
    layout: `processes, ${workers} gateway worker${workers > 1 ? 's' : ''}, subgraphs reached over ${sockets ? 'Unix sockets' : 'loopback TCP'}`,
    childCpuSeconds: () => processTreeCpuSeconds(Object.values(hub.processes).map((p) => p.pid!)),
    childCpuSecondsByProcess: () => Object.fromEntries(Object.entries(hub.processes).map(([name, p]) => [name, processTreeCpuSeconds([p.pid!])])),
    subgraphSockets: Object.fromEntries(
      Object.entries(hub.subgraphSockets).map(([name, socket]) => [new URL(hub.subgraphUrls[name as keyof typeof hub.subgraphUrls]).origin, socket!]),
    ),
  };
}

export interface MemoryPeak {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/** Samples process.memoryUsage() every `everyMs` and keeps each figure's peak. */
export function sampleMemory(everyMs = 50): { peak: MemoryPeak; stop(): MemoryPeak } {
  const peak: MemoryPeak = { rss: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    peak.external = Math.max(peak.external, m.external);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    peak,
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

export function say(line = ''): void {
  process.stdout.write(line + '\n');
}

const cleanups: (() => Promise<void>)[] = [];

/** Registers what must run even when the benchmark fails or overruns (stopping PostgreSQL). */
export function onCleanup(cleanup: () => Promise<void>): void {
  cleanups.unshift(cleanup);
}

async function cleanUp(): Promise<void> {
  for (const cleanup of cleanups.splice(0)) await cleanup().catch(() => undefined);
}

/**
 * Runs a benchmark's main and exits: 0 when it finished, 1 on failure, 2 when it overran
 * `limitMs` (each benchmark must stay bounded in time). Cleanups run in every case.
 */
export function runBench(name: string, limitMs: number, main: () => Promise<void>): void {
  const finish = async (code: number) => {
    const cleanupGuard = setTimeout(() => process.exit(code), 30_000);
    cleanupGuard.unref();
    await cleanUp();
    process.exit(code);
  };
  const guard = setTimeout(() => {
    process.stderr.write(`${name}: gave up after ${limitMs / 1000} s\n`);
    void finish(2);
  }, limitMs);
  guard.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void finish(130));
  main().then(
    () => finish(0),
    (err) => {
      process.stderr.write(`${name} failed: ${(err as Error).stack ?? String(err)}\n`);
      return finish(1);
    },
  );
}

/** The p-th percentile (nearest rank) of ascending values; NaN when there are none. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Runs `each` over the items `size` at a time, so set-up never floods the hub. */
export async function inBatches<T>(items: T[], size: number, each: (item: T, index: number) => Promise<void>): Promise<void> {
  for (let first = 0; first < items.length; first += size) {
    await Promise.all(items.slice(first, first + size).map((item, i) => each(item, first + i)));
  }
}

/**
 * Issues a paid order, allocates its books to one distributor, registers one person per book and
 * hands each book out; answers the codes of the vouchers now redeemable, book by book.
 */
export async function handOutEveryBook(
  hub: HubHandle,
  input: { programmeId: string; orderId: string; distributorId: string; books: number; now: Date },
): Promise<string[]> {
  const beneficiaries = hub.subgraphs.beneficiaries.dataSource;
  const vouchers = hub.subgraphs.vouchers.dataSource;
  await issueBooksOfOrder(vouchers, input.orderId);
  const answer = await allocateBooks(vouchers, { programmeId: input.programmeId, distributorId: input.distributorId, quantity: input.books });
  if (!answer.books) throw new Error(`benchmark allocation refused: ${answer.error?.message}`);
  const allocated = answer.books;
  const people: string[] = [];
  await inBatches(allocated, 8, async (_, i) => {
    const answer = await registerBeneficiary(beneficiaries, {
      distributorId: input.distributorId,
      programmeId: input.programmeId,
      birthYear: input.now.getUTCFullYear() - 40,
      inseeCode: '21231',
      educationLevel: EducationLevel.BAC,
      statuses: [BeneficiaryStatus.OTHER],
      consentAt: new Date(input.now.getTime() - 60_000),
    });
    if (!answer.beneficiary) throw new Error(`benchmark beneficiary refused: ${answer.error?.message}`);
    people[i] = answer.beneficiary.id;
  });
  await hub.catchUp();
  await inBatches(allocated, 8, async (book, i) => {
    const handed = await handOutBook(vouchers, { bookCode: book.code, beneficiaryId: people[i]!, distributorId: input.distributorId });
    if (!handed.book) throw new Error(`benchmark hand-out refused: ${handed.error.message}`);
  });
  const rows: { code: string }[] = await vouchers.query(
    `select v.code from voucher v join book b on b.id = v.book_id
      where v.programme_id = $1 and v.state = 'AVAILABLE' and b.beneficiary_id is not null order by v.book_id, v.id`,
    [input.programmeId],
  );
  return rows.map((r) => r.code);
}
