import 'reflect-metadata';
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { Worker } from 'node:worker_threads';
import { createScratchDatabase } from '@pass/kit';
import { loadDemoData } from '@pass/clients';
import { onCleanup, percentile, runBench, say, startBenchDatabase, startBenchHub, type BenchDatabase } from './bench-kit';
import type { DriverJob, DriverRequest, DriverResult } from './redeem-driver';
import { prepareRedemptions, SEATS, VOUCHERS_PER_BOOK } from './redeem-setup';

/*
 * `npm run bench:redeem`: redemptions per second through the gateway, and the same PostgreSQL's
 * raw write rate as a yardstick.
 *
 * 1. The hub (startHub) on a fresh scratch database with the demo data, plus a benchmark
 *    programme set up through the managers: its books issued, allocated to a distributor, each
 *    handed to a registered person; VENUES venues qualified for it, each running one session of
 *    100 seats. Each venue calls with a partner token of its own, as its device would.
 * 2. A warm-up, then at each concurrency level a fixed number of `redeemVoucher` mutations POSTed
 *    to the gateway over keep-alive HTTP on 127.0.0.1 by a worker thread, each with a fresh
 *    voucher, its venue's session and a fresh idempotency key. Printed: redemptions/s, latency
 *    p50/p99, and every answer that was not a redemption.
 * 3. pgbench's built-in "simple update" script (-N: per transaction one UPDATE, one SELECT, one
 *    INSERT) on a scratch database of the same server, with the same client counts, for 10 s each.
 *    It is a write transaction with a durable commit like a redemption, so the ratio says how much
 *    of the server's raw write rate the whole stack (HTTP, gateway query plan, subgraph, TypeORM,
 *    the redemption's own reads and writes) turns into redemptions.
 *
 * BENCH_LAYOUT=processes (and BENCH_GATEWAY_WORKERS) runs the hub as `npm start` does, a process per part.
 * Its mutation is the smallest redemption, not a registered operation, so it runs in development mode
 * (NODE_ENV unset, printed): production mode would refuse it to a venue. `npm run bench`'s
 * redemption row sends the registered `venue-redeem` in production mode.
 * BENCH_ORDER=spread redeems the first voucher of every book, then the second…, instead of book by book.
 * BENCH_LEVELS (default 8,32), BENCH_REDEMPTIONS per level (default 1000), BENCH_VENUES (40),
 * BENCH_PGBENCH_SECONDS (10) change the run; PGBENCH names another pgbench binary. BENCH_PROFILE=<file.cpuprofile> writes a CPU profile
 * of the hub's thread (gateway and subgraphs) during the last level, for Chrome DevTools.
 */

const LEVELS = (process.env.BENCH_LEVELS ?? '8,32').split(',').map(Number);
const PER_LEVEL = Number(process.env.BENCH_REDEMPTIONS ?? 1000);
const VENUES = Number(process.env.BENCH_VENUES ?? 40);
const PGBENCH_SECONDS = Number(process.env.BENCH_PGBENCH_SECONDS ?? 10);
const PGBENCH = process.env.PGBENCH ?? 'pgbench';
const WARM_UP = 300;
const ORDER = process.env.BENCH_ORDER === 'spread' ? 'spread' : 'book';

const REDEEM = `mutation Redeem($input: RedeemVoucherInput!) {
  redeemVoucher(input: $input) { redemption { id cursor } error { code message } }
}`;

function runDriver(worker: Worker, job: DriverJob): Promise<DriverResult> {
  return new Promise((resolve, reject) => {
    worker.once('message', (message: { result?: DriverResult; error?: string }) =>
      message.result ? resolve(message.result) : reject(new Error(message.error)),
    );
    worker.once('error', reject);
    worker.postMessage(job);
  });
}

interface LevelFigures {
  concurrency: number;
  perSecond: number;
}

/** pgbench's TPS with `clients` clients, or null (with the reason printed) when it cannot run. */
function pgbench(args: string[], url: URL, timeoutMs: number): Promise<{ code: number | null; out: string; missing: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(PGBENCH, [...args, '-h', '127.0.0.1', '-p', url.port || '5432', '-U', decodeURIComponent(url.username), url.pathname.slice(1)], {
      env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password), PGSSLMODE: 'disable' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ code: null, out: err.message, missing: err.code === 'ENOENT' });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, missing: false });
    });
  });
}

async function comparePgbench(db: BenchDatabase, levels: LevelFigures[]): Promise<void> {
  say('');
  say(`pgbench — built-in "simple update" (-N), scale 1, ${PGBENCH_SECONDS} s per client count, same server, its own scratch database`);
  const scratch = await createScratchDatabase(db.postgres.serverUrl, 'pass_bench_pgbench');
  onCleanup(() => scratch.drop());
  const url = new URL(scratch.url);
  const init = await pgbench(['-i', '-s', '1', '-q'], url, 60_000);
  if (init.missing) {
    say(`  ${PGBENCH} was not found: install it with \`apt-get install postgresql-client\` (Debian/Ubuntu; it brings pgbench), or set PGBENCH to its path, to get the comparison.`);
    return;
  }
  if (init.code !== 0) {
    say(`  pgbench -i failed (exit ${init.code}): ${init.out.trim().split('\n').slice(-3).join(' | ')}`);
    return;
  }
  for (const level of levels) {
    const threads = Math.min(level.concurrency, os.cpus().length);
    const run = await pgbench(['-N', '-c', String(level.concurrency), '-j', String(threads), '-T', String(PGBENCH_SECONDS)], url, (PGBENCH_SECONDS + 30) * 1000);
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(run.out)?.[1];
    if (run.code !== 0 || !tps) {
      say(`  -c ${level.concurrency}: pgbench failed (exit ${run.code}): ${run.out.trim().split('\n').slice(-3).join(' | ')}`);
      continue;
    }
    const latency = /latency average = ([\d.]+) ms/.exec(run.out)?.[1];
    say(
      `  -c ${String(level.concurrency).padStart(3)} -j ${threads}: ${Number(tps).toFixed(0).padStart(6)} TPS (latency average ${latency ?? '?'} ms)` +
        `   redemptions/s ÷ pgbench TPS = ${(level.perSecond / Number(tps)).toFixed(3)}`,
    );
  }
}

/**
 * The processes layout's CPU per redemption, process by process (ms): where a redemption's cost
 * lies, the gateway's, the vouchers subgraph's, the other subgraphs' (replicas, listeners), the
 * driver's (this process) and PostgreSQL's, read from /proc around one level.
 */
function cpuPerRedemption(before: Record<string, number | null>, after: Record<string, number | null>, driverSeconds: number, pgSeconds: number | null, redemptions: number): string {
  const ms = (seconds: number) => ((seconds * 1000) / redemptions).toFixed(2);
  const used = (name: string) => (after[name] ?? 0) - (before[name] ?? 0);
  const others = Object.keys(after).filter((name) => name !== 'gateway' && name !== 'vouchers').reduce((sum, name) => sum + used(name), 0);
  return (
    `CPU ms per redemption: gateway ${ms(used('gateway'))}, vouchers ${ms(used('vouchers'))}, other subgraphs ${ms(others)}, ` +
    `driver ${ms(driverSeconds)}, PostgreSQL ${pgSeconds === null ? 'n/a' : ms(pgSeconds)}`
  );
}

async function main(): Promise<void> {
  const total = WARM_UP + LEVELS.length * PER_LEVEL;
  say(`bench:redeem — ${PER_LEVEL} redemptions per level at concurrency ${LEVELS.join(', ')}, through the gateway over HTTP on 127.0.0.1`);
  const db = await startBenchDatabase('pass_bench_redeem');
  say(`PostgreSQL: ${db.postgres.embedded ? 'embedded' : 'from DATABASE_URL'}; ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}; NODE_ENV=${process.env.NODE_ENV ?? '(unset)'}`);
  const bench = await startBenchHub(db.scratch.url);
  const hub = bench.hub;
  say(`layout: ${bench.layout}; order: ${ORDER}`);
  const t0 = performance.now();
  const demo = await loadDemoData(hub);
  const prepared = await prepareRedemptions(hub, { vouchers: total, venues: VENUES });
  if (prepared.voucherCodes.length < total) throw new Error(`only ${prepared.voucherCodes.length} usable vouchers prepared, ${total} needed`);
  say(
    `prepared in ${((performance.now() - t0) / 1000).toFixed(1)} s: demo data (${demo.redemptions} redemptions) + ${prepared.voucherCodes.length} handed-out vouchers, ` +
      `${prepared.venues.length} venues with a ${SEATS}-seat session each, one venue token each`,
  );

  // One voucher pays one sitting: the codes come book by book (ids in issue order), and a book's
  // vouchers go to as many different sessions. BENCH_ORDER=book (the default) redeems them in
  // that order, so the clients in flight share a few books and queue on each book's row (its
  // redeemed count); BENCH_ORDER=spread takes the first voucher of every book, then the second…,
  // as people do, a book's vouchers weeks apart.
  if (prepared.venues.length < VOUCHERS_PER_BOOK) throw new Error(`BENCH_VENUES must be at least ${VOUCHERS_PER_BOOK}: one voucher of a book per session`);
  const books = Math.ceil(prepared.voucherCodes.length / VOUCHERS_PER_BOOK);
  const step = Math.floor(prepared.venues.length / VOUCHERS_PER_BOOK);
  const sittings = prepared.voucherCodes.map((voucherCode, i) => {
    const book = Math.floor(i / VOUCHERS_PER_BOOK);
    const nth = i % VOUCHERS_PER_BOOK;
    return { voucherCode, venue: prepared.venues[ORDER === 'spread' ? (book + nth * step) % prepared.venues.length : i % prepared.venues.length]!, rank: ORDER === 'spread' ? nth * books + book : i };
  });
  sittings.sort((a, b) => a.rank - b.rank);
  let nextVoucher = 0;
  const requestsFor = (count: number, tag: string): DriverRequest[] =>
    Array.from({ length: count }, (_, i) => {
      const { voucherCode, venue } = sittings[nextVoucher++]!;
      const input = { voucherCode, sessionId: venue.sessionId, idempotencyKey: `bench-${tag}-${i}-${voucherCode}` };
      return { token: venue.token, body: JSON.stringify({ query: REDEEM, variables: { input } }) };
    });

  const worker = new Worker(path.join(__dirname, 'redeem-driver.js'));
  onCleanup(() => worker.terminate().then(() => undefined));
  const warm = await runDriver(worker, { url: hub.gatewayUrl, concurrency: 4, requests: requestsFor(WARM_UP, 'warm') });
  if ((warm.outcomes.redeemed ?? 0) !== WARM_UP) throw new Error(`warm-up failed: ${JSON.stringify(warm.outcomes)}; first problem: ${warm.firstProblem}`);

  say('');
  say('concurrency  redemptions/s   p50 ms   p99 ms   max ms   CPU s: hub+driver / PostgreSQL   load avg   answers');
  const figures: LevelFigures[] = [];
  let redeemed = warm.outcomes.redeemed ?? 0;
  for (const concurrency of LEVELS) {
    const profile = process.env.BENCH_PROFILE && concurrency === LEVELS.at(-1) ? new Session() : null;
    if (profile) {
      profile.connect();
      await profile.post('Profiler.enable');
      await profile.post('Profiler.start');
    }
    const requests = requestsFor(PER_LEVEL, `c${concurrency}`);
    const load = os.loadavg()[0]!;
    const cpu0 = process.cpuUsage();
    const children0 = bench.childCpuSeconds();
    const byProcess0 = bench.childCpuSecondsByProcess();
    const pg0 = db.postgresCpuSeconds();
    const result = await runDriver(worker, { url: hub.gatewayUrl, concurrency, requests });
    const cpu = process.cpuUsage(cpu0);
    const children1 = bench.childCpuSeconds();
    const byProcess1 = bench.childCpuSecondsByProcess();
    const pg1 = db.postgresCpuSeconds();
    if (profile) {
      const { profile: taken } = await profile.post('Profiler.stop');
      writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(taken));
      profile.disconnect();
    }
    const ok = result.outcomes.redeemed ?? 0;
    redeemed += ok;
    const perSecond = ok / result.seconds;
    figures.push({ concurrency, perSecond });
    const sorted = [...result.latencies].sort((a, b) => a - b);
    // In the process layout the hub's CPU is its children's, added to this process's (the driver).
    const hubAndDriver = (cpu.user + cpu.system) / 1e6 + (children0 !== null && children1 !== null ? children1 - children0 : 0);
    const cpuText = `${hubAndDriver.toFixed(1)} / ${pg0 !== null && pg1 !== null ? (pg1 - pg0).toFixed(1) : 'n/a'}`;
    say(
      `${String(concurrency).padStart(11)}  ${perSecond.toFixed(0).padStart(13)}  ${percentile(sorted, 50).toFixed(1).padStart(7)}  ${percentile(sorted, 99)
        .toFixed(1)
        .padStart(7)}  ${sorted.at(-1)!.toFixed(1).padStart(7)}   ${cpuText.padStart(28)}   ${load.toFixed(1).padStart(8)}   ${Object.entries(result.outcomes)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    if (byProcess0 && byProcess1 && ok > 0) say(`             ${cpuPerRedemption(byProcess0, byProcess1, (cpu.user + cpu.system) / 1e6, pg0 !== null && pg1 !== null ? pg1 - pg0 : null, ok)}`);
    if (result.firstProblem) say(`             first answer that was not a redemption: ${result.firstProblem}`);
  }
  const [{ n }] = await hub.subgraphs.vouchers.dataSource.query(`select count(*)::int as n from redemption where programme_id = $1`, [prepared.programmeId]);
  say(`redemptions stored for the benchmark programme: ${n} (answers said ${redeemed})`);
  if (n !== redeemed) throw new Error(`stored redemptions (${n}) differ from redemptions answered (${redeemed})`);

  await comparePgbench(db, figures);
}

runBench('bench:redeem', 175_000, main);
