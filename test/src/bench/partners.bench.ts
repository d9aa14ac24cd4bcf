import { BENCH_NODE_ENV } from './as-deployed';
import 'reflect-metadata';
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Session } from 'node:inspector/promises';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { loadDemoData } from '@pass/clients';
import { createGateway, requestCost, TokenLimits } from '@pass/gateway';
import { CALLER_HEADER, memoryTokenBuckets, mintPartnerToken, Role, signCallerAssertion, type Caller, type KeyPairJwk } from '@pass/access';
import { parse } from 'graphql';
import { Pool } from 'undici';
import { readSupergraph } from '@pass/schema';
import { onCleanup, percentile, runBench, say, startBenchDatabase, startBenchHub } from './bench-kit';
import { ensureHiveInstalled, hiveVersions, startHive } from './hive';
import { prepareRedemptions, SEATS } from './redeem-setup';

/*
 * `npm run bench` (a script, never a test; docs/benchmarks.md): one database, one set of
 * subgraphs, and in one run, one after the other, each after a warm-up and for a fixed time:
 *
 * 1. each partner query (clients/operations), CONCURRENCY clients each with its own token,
 *    against four targets: "the floor" (the subgraph requests the query's plan makes, sent straight
 *    to the subgraphs with a valid caller assertion: what a gateway adding nothing would reach),
 *    our gateway, Hive Gateway with its JavaScript planner, and Hive Gateway with its Rust planner
 *    (installed by the bench into test/bench/hive, see hive.ts);
 * 2. the mixed read load: MIXED_CLIENTS clients, each with its own token and ids, the four queries;
 * 3. redemptions (venue-redeem), REDEEM_CLIENTS venues, a fresh voucher per request;
 * 4. fair sharing: a light query's p50/p99 from one token alone, then beside another token sending
 *    the 15-alias analyst query at HEAVY_PER_SECOND, through a gateway of ours with the published
 *    allowance (the hub's own is lifted for rows 1–3, where the load, not the limiter, is measured).
 *
 * It prints req/s, p50, p99 and errors per row and the ratios ours/Hive-Rust, ours/Hive-JS and
 * ours/floor, and appends the run as JSON to test/bench/results/ (date, commit, cores, memory,
 * load average).
 *
 * The load is sent from a worker thread, so the hub's event loop (this process's main thread)
 * only serves; both share the machine's cores, as any local driver would. Ours and Hive both run
 * in that main thread with the subgraphs: the same layout for each.
 *
 * BENCH_CONCURRENCY (20), BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (3), BENCH_ROUNDS (2: step 1's
 * alternated windows, see ROUNDS), BENCH_MIXED_CLIENTS (50),
 * BENCH_REDEEM_CLIENTS (32), BENCH_REDEEM_PER_CLIENT (60), BENCH_FAIR_LIGHT_CLIENTS (2), BENCH_FAIR_ROUNDS (3),
 * BENCH_HEAVY_PER_SECOND (50) change the run (BENCH_MIXED_CLIENTS=0 skips the mixed load; BENCH_QUERIES
 * names the partner queries of step 1, comma-separated, all four by default); BENCH_ONLY=fair runs the fair-sharing rows alone (with
 * the cost model's calibration first; BENCH_CALIBRATE=0 skips it); BENCH_FAIR_WEIGHTS=armor weighs
 * the fair gateway's requests by armor's cost alone, as before the calibration (A/B runs);
 * BENCH_ONLY=ours runs the floor and ours on each query and ours on the mixed load, nothing else (no
 * Hive, so nothing installed; no redemptions, no fair sharing); BENCH_ONLY=redeem runs our
 * redemption row alone (no Hive, no reads, no fair sharing).
 * The hub runs as `npm start` runs it, a process per part (BENCH_LAYOUT=processes, the default
 * here; `single` puts it all in this process), with BENCH_GATEWAY_WORKERS gateway workers (1); its
 * CPU is then read from its processes in /proc, and each row also shows the CPU ms per request of
 * each process (gateway with its workers, then each subgraph).
 * BENCH_CPU_PROF=<folder> writes a CPU profile of the hub's thread (gateway and subgraphs) for
 * each of our rows of step 1, load driver excluded: open it in Chrome DevTools or speedscope.
 */

const CPU_PROF_DIR = process.env.BENCH_CPU_PROF;

/** Profiles the hub's thread while `work` runs, when BENCH_CPU_PROF names a folder. */
async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  if (!CPU_PROF_DIR) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(CPU_PROF_DIR, { recursive: true });
    writeFileSync(path.join(CPU_PROF_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
/**
 * Step 1 measures each query's targets in this many alternated windows (floor, ours, Hive JS,
 * Hive Rust, then the reverse order, and so on), each of SECONDS / ROUNDS after its own warm-up,
 * and pools each target's windows into its row. The machine's drift over a query's minute (a
 * neighbour's load, a checkpoint) then falls on every target alike instead of on whichever ran
 * last: in single 10-s rows back to back, one query's ours/floor moved by ±0.15 from run to run.
 * The mixed load alternates its gateways the same way. Redemptions do not (each voucher is
 * redeemed once: a window would need vouchers of its own).
 */
const ROUNDS = Math.max(1, Math.floor(Number(process.env.BENCH_ROUNDS ?? 2)));
const ROOT = path.resolve(__dirname, '..', '..', '..');
const MIXED_CLIENTS = Number(process.env.BENCH_MIXED_CLIENTS ?? 50);
const REDEEM_CLIENTS = Number(process.env.BENCH_REDEEM_CLIENTS ?? 32);
/**
 * Vouchers each redeeming client may use per gateway: it stops early when it runs out. By default
 * enough for the warm-up and the measured seconds at 700 redemptions/s, so that no row ends before
 * its time (60 each, the old default, ran out after about 3 of the 10 s: a thousand answers, with
 * fewer and fewer clients left at the end).
 */
const REDEEM_PER_CLIENT = Number(process.env.BENCH_REDEEM_PER_CLIENT ?? Math.ceil((700 * (WARMUP_SECONDS + SECONDS)) / REDEEM_CLIENTS));
const FAIR_ONLY = process.env.BENCH_ONLY === 'fair';
/** Our gateway against the floor only: the A/B loop of whoever tunes ours, Hive not needed. */
const OURS_ONLY = process.env.BENCH_ONLY === 'ours';
/** Our redemption row alone: the A/B loop of whoever tunes redemptions, Hive not needed. */
const REDEEM_ONLY = process.env.BENCH_ONLY === 'redeem';
if (process.env.BENCH_ONLY && !FAIR_ONLY && !OURS_ONLY && !REDEEM_ONLY) throw new Error(`BENCH_ONLY must be fair, ours or redeem, not ${process.env.BENCH_ONLY}`);
// What partners meet is `npm start`'s layout, and only it shows each process's CPU per request.
process.env.BENCH_LAYOUT ??= 'processes';
/** BENCH_QUERIES=distributor-books,venue-sessions: step 1 on these queries alone (an A/B loop on one query). */
const ONLY_QUERIES = process.env.BENCH_QUERIES?.split(',').map((q) => q.trim());
const FAIR_LIGHT_CLIENTS = Number(process.env.BENCH_FAIR_LIGHT_CLIENTS ?? 2);
const HEAVY_PER_SECOND = Number(process.env.BENCH_HEAVY_PER_SECOND ?? 50);
/** Alone/beside pairs of the fair-sharing rows; their p99s are taken over the pooled latencies. */
const FAIR_ROUNDS = Number(process.env.BENCH_FAIR_ROUNDS ?? 3);
/** 0: skip the cost model's calibration rows (they take about 1.5 min). */
const CALIBRATE = process.env.BENCH_CALIBRATE !== '0';
/**
 * `armor`: the fair gateway weighs by armor's capped cost alone, without the calibrated units
 * of aggregates or the cap on units in flight (the model before them), for A/B runs.
 */
const FAIR_WEIGHTS = process.env.BENCH_FAIR_WEIGHTS === 'armor' ? 'armor' : 'calibrated';
const LIGHT_QUERY = '{ programmes { id name validUntil } }';
/** An analyst's aggregate query with graphql-armor's maximum of 15 aliases. */
const HEAVY_QUERY = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: programmes { id name booksIssued vouchersRedeemed redeemedAmountCents redemptionsByDay { day vouchersRedeemed } redemptionsByPlace(level: COMMUNE) { code vouchersRedeemed } }`).join(' ')} }`;

/** One alias of it, and 15 without the two per-programme breakdowns: what the calibration weighs their parts by. */
const HEAVY_ONE_ALIAS = '{ programmes { id name booksIssued vouchersRedeemed redeemedAmountCents redemptionsByDay { day vouchersRedeemed } redemptionsByPlace(level: COMMUNE) { code vouchersRedeemed } } }';
const HEAVY_WITHOUT_BREAKDOWNS = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: programmes { id name booksIssued vouchersRedeemed redeemedAmountCents }`).join(' ')} }`;

/** One subgraph request of a query's plan, as the gateway sent it. */
interface SubgraphCall {
  url: string;
  body: string;
}

interface Target {
  name: string;
  /** Per client: what one request is. */
  clients: ClientWork[];
  /** Seconds measured after the warm-up (SECONDS unless given: a window of step 1's rounds). */
  seconds?: number;
}

type ClientWork =
  // Bodies sent in turn; with `once`, each at most once and the client stops after the last.
  // With `thinkMs`, the client waits that long after each answer (a person at a screen, not a flood).
  // With `label`, its latencies are also reported apart from the other labels' (the mixed load, by query).
  | { kind: 'gateway'; url: string; token: string; bodies: string[]; once?: boolean; thinkMs?: number; label?: string }
  // Requests sent at a fixed rate whatever the answers (an open loop): a heavy neighbour.
  | { kind: 'paced'; url: string; token: string; body: string; perSecond: number }
  // Waves of subgraph calls: calls of one wave ran in parallel in the plan, waves one after another.
  | { kind: 'floor'; caller: Caller; waves: SubgraphCall[][] };

interface Row {
  target: string;
  requests: number;
  errors: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Per label of the clients (the mixed load's queries): requests measured, p50 and p99. */
  byLabel?: Record<string, { requests: number; p50Ms: number; p99Ms: number }>;
  /** Share of the time the hub's thread (gateway and subgraphs) was busy. */
  hubBusy?: number;
  hubMsPerRequest?: number;
  /** Requests answered, warm-up included, and the load driver's own CPU over them. */
  allRequests: number;
  driverCpuSeconds: number;
  /**
   * CPU of the hub's process (every thread but the load driver's: gateway, subgraphs, libuv's
   * pool where JWTs are signed, GC and JIT threads) per request, warm-up included. PostgreSQL's
   * is left out: its backends' CPU vanishes from /proc when pooled connections close.
   */
  hubCpuMsPerRequest?: number;
  /** The same per hub process (gateway with its workers, each subgraph); processes layout only. */
  processCpuMsPerRequest?: Record<string, number>;
  /** HTTP statuses of every answer in the measured window, paced requests included. */
  statuses?: Record<string, number>;
  /** The same for the open-loop (paced) client: its 200s and 429s. */
  pacedStatuses?: Record<string, number>;
  firstProblem?: string;
  /** The measured window's latencies, sorted (left out of the results file). */
  latencies?: number[];
  /** The same per label, for pooling windows (left out of the results file). */
  labelLatencies?: Record<string, number[]>;
}

const operation = (name: string) => readFileSync(path.join(ROOT, 'clients/operations', `${name}.graphql`), 'utf8');

// ---------------------------------------------------------------------------------------------
// The load driver (worker thread).

/**
 * POSTs over a keep-alive undici pool per origin, connections opened as requests need them (up to
 * 256: the open-loop client of the fair-sharing rows may have many requests in flight). Why
 * not `fetch`: Node's fetch (WHATWG streams, Headers and Response objects per request) cost the
 * driver 1.0 – 1.4 ms of CPU per gateway request and 2.2 – 3.5 ms per floor request (3 – 5
 * subgraph calls) on this 2-core machine, CPU taken from the hub and the gateways it measures
 * (docs/benchmarks.md, "A lighter load driver").
 */
function poster(connections: number, sockets: Record<string, string>) {
  const pools = new Map<string, Pool>();
  const targets = new Map<string, { pool: Pool; path: string }>();
  const targetOf = (url: string) => {
    let found = targets.get(url);
    if (!found) {
      const { origin, pathname, search } = new URL(url);
      let pool = pools.get(origin);
      // The floor reaches a subgraph the way our gateway does: over its Unix socket when it has one.
      if (!pool) pools.set(origin, (pool = new Pool(origin, { connections, pipelining: 1, ...(sockets[origin] ? { socketPath: sockets[origin] } : {}) })));
      targets.set(url, (found = { pool, path: pathname + search }));
    }
    return found;
  };
  return {
    post: async (url: string, headers: Record<string, string>, body: string): Promise<{ status: number; raw: string }> => {
      const { pool, path: requestPath } = targetOf(url);
      const res = await pool.request({ method: 'POST', path: requestPath, headers, body });
      return { status: res.statusCode, raw: await res.body.text() };
    },
    close: () => Promise.all([...pools.values()].map((pool) => pool.close())),
  };
}

async function drive(target: Target, gatewayKey: KeyPairJwk, sockets: Record<string, string>): Promise<Row> {
  const http = poster(256, sockets);
  try {
    return await driveWith(target, gatewayKey, http.post);
  } finally {
    await http.close();
  }
}

async function driveWith(target: Target, gatewayKey: KeyPairJwk, post: ReturnType<typeof poster>['post']): Promise<Row> {
  const assertions = new Map<Caller, { value: string; at: number }>();
  const assertionOf = async (caller: Caller) => {
    const cached = assertions.get(caller);
    // Assertions live 60 s; the floor re-signs twice a minute, i.e. almost never.
    if (cached && Date.now() - cached.at < 30_000) return cached.value;
    const value = await signCallerAssertion(gatewayKey, caller);
    assertions.set(caller, { value, at: Date.now() });
    return value;
  };
  const statuses: Record<string, number> = {};
  const pacedStatuses: Record<string, number> = {};
  let firstProblem: string | undefined;
  const send = async (url: string, token: string, text: string, tally = statuses): Promise<boolean> => {
    const res = await post(url, { 'content-type': 'application/json', authorization: `Bearer ${token}` }, text);
    const raw = res.raw;
    // The open-loop client's refusals are told apart by reason (BUDGET or IN_FLIGHT).
    const reason = tally === pacedStatuses && res.status === 429 ? ` ${(JSON.parse(raw) as { errors?: { extensions?: { reason?: string } }[] }).errors?.[0]?.extensions?.reason ?? ''}` : '';
    if (measuring) tally[`${res.status}${reason}`] = (tally[`${res.status}${reason}`] ?? 0) + 1;
    if (tally === pacedStatuses) return res.status === 200;
    const body = JSON.parse(raw) as { errors?: unknown; data?: { redeemVoucher?: { error?: unknown } } };
    // A refused redemption is an answer, not a success.
    const ok = res.status === 200 && !body.errors && !body.data?.redeemVoucher?.error;
    if (!ok) firstProblem ??= `${res.status} ${raw.slice(0, 300)}`;
    return ok;
  };
  const next = new Map<ClientWork, number>();
  const once = async (work: ClientWork): Promise<boolean> => {
    if (work.kind === 'gateway') {
      const i = next.get(work) ?? 0;
      next.set(work, i + 1);
      return send(work.url, work.token, work.bodies[i % work.bodies.length]!);
    }
    if (work.kind === 'paced') return send(work.url, work.token, work.body, pacedStatuses);
    const assertion = await assertionOf(work.caller);
    let ok = true;
    for (const wave of work.waves) {
      await Promise.all(
        wave.map(async (call) => {
          const res = await post(call.url, { 'content-type': 'application/json', [CALLER_HEADER]: assertion }, call.body);
          const raw = res.raw;
          const body = JSON.parse(raw) as { errors?: unknown };
          if (res.status !== 200 || body.errors) {
            ok = false;
            firstProblem ??= `${res.status} ${raw.slice(0, 300)}`;
          }
        }),
      );
    }
    return ok;
  };
  const latencies: number[] = [];
  const labelled = new Map<string, number[]>();
  let errors = 0;
  let done = 0;
  const driverCpu0 = threadCpuSeconds('thread-self');
  let measuring = false;
  let stop = false;
  const paced: Promise<unknown>[] = [];
  const loops = target.clients.map(async (work) => {
    if (work.kind === 'paced') {
      // Open loop: one request every 1/perSecond s, answered or not; only its answers are counted.
      const every = 1000 / work.perSecond;
      let due = performance.now();
      while (!stop) {
        paced.push(once(work).catch(() => false));
        due += every;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      }
      return;
    }
    while (!stop) {
      if (work.kind === 'gateway' && work.once && (next.get(work) ?? 0) >= work.bodies.length) return;
      const t0 = performance.now();
      const ok = await once(work).catch(() => false);
      done++;
      if (measuring) {
        const latency = performance.now() - t0;
        latencies.push(latency);
        if (work.kind === 'gateway' && work.label) {
          const values = labelled.get(work.label) ?? [];
          if (values.length === 0) labelled.set(work.label, values);
          values.push(latency);
        }
        if (!ok) errors++;
      }
      // In the warm-up too: without its pauses a person's client floods during warm-up, empties its
      // token's bucket and then meets 429s in the measured seconds (seen: 885 requests in 13 s).
      if (work.kind === 'gateway' && work.thinkMs) await new Promise((resolve) => setTimeout(resolve, work.thinkMs));
    }
  });
  const allDone = Promise.all(loops);
  await Promise.race([new Promise((resolve) => setTimeout(resolve, WARMUP_SECONDS * 1000)), allDone]);
  measuring = true;
  firstProblem = undefined;
  const t0 = performance.now();
  // Clients that send each body once may all finish before the time is up: the rate is over their time.
  await Promise.race([new Promise((resolve) => setTimeout(resolve, (target.seconds ?? SECONDS) * 1000)), allDone]);
  measuring = false;
  const elapsed = (performance.now() - t0) / 1000;
  stop = true;
  await allDone;
  await Promise.all(paced);
  const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => quantile(latencies, q);
  const byLabel = Object.fromEntries(
    [...labelled].map(([label, values]) => {
      values.sort((a, b) => a - b);
      return [label, { requests: values.length, p50Ms: quantile(values, 0.5), p99Ms: quantile(values, 0.99) }];
    }),
  );
  return {
    target: target.name,
    requests: latencies.length,
    errors,
    perSecond: latencies.length / elapsed,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    allRequests: done,
    driverCpuSeconds: threadCpuSeconds('thread-self') - driverCpu0,
    statuses,
    pacedStatuses,
    firstProblem,
    latencies,
    ...(labelled.size > 0 ? { byLabel, labelLatencies: Object.fromEntries(labelled) } : {}),
  };
}

/** CPU seconds (user + system) of one thread, from /proc (`thread-self` or `self`). */
function threadCpuSeconds(which: 'thread-self' | 'self'): number {
  const fields = readFileSync(`/proc/${which}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** One target's windows pooled into one row: counts summed, rates over the summed time, percentiles over every latency. */
function pooledRow(windows: Row[]): Row {
  if (windows.length === 1) return windows[0]!;
  const sum = (f: (r: Row) => number) => windows.reduce((total, r) => total + f(r), 0);
  const requests = sum((r) => r.requests);
  const seconds = sum((r) => (r.perSecond > 0 ? r.requests / r.perSecond : 0));
  const allRequests = sum((r) => r.allRequests);
  const quantileOf = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const latencies = windows.flatMap((r) => r.latencies ?? []).sort((a, b) => a - b);
  const quantile = (q: number) => quantileOf(latencies, q);
  const labelLatencies: Record<string, number[]> = {};
  for (const r of windows) for (const [label, values] of Object.entries(r.labelLatencies ?? {})) (labelLatencies[label] ??= []).push(...values);
  const byLabel = Object.fromEntries(
    Object.entries(labelLatencies).map(([label, values]) => {
      values.sort((a, b) => a - b);
      return [label, { requests: values.length, p50Ms: quantileOf(values, 0.5), p99Ms: quantileOf(values, 0.99) }];
    }),
  );
  // Per-request CPU figures are over every request answered, warm-ups included: weighed by those.
  const perRequest = (f: (r: Row) => number | undefined) => (windows.every((r) => f(r) !== undefined) ? sum((r) => f(r)! * r.allRequests) / allRequests : undefined);
  const counts = (f: (r: Row) => Record<string, number> | undefined) => {
    const out: Record<string, number> = {};
    for (const r of windows) for (const [k, v] of Object.entries(f(r) ?? {})) out[k] = (out[k] ?? 0) + v;
    return out;
  };
  const processNames = Object.keys(windows[0]!.processCpuMsPerRequest ?? {});
  const hubBusy = windows.every((r) => r.hubBusy !== undefined) ? sum((r) => r.hubBusy! * (r.perSecond > 0 ? r.requests / r.perSecond : 0)) / seconds : undefined;
  const perSecond = requests / seconds;
  return {
    target: windows[0]!.target,
    requests,
    errors: sum((r) => r.errors),
    perSecond,
    p50Ms: quantile(0.5),
    p99Ms: quantile(0.99),
    allRequests,
    driverCpuSeconds: sum((r) => r.driverCpuSeconds),
    statuses: counts((r) => r.statuses),
    pacedStatuses: counts((r) => r.pacedStatuses),
    firstProblem: windows.find((r) => r.firstProblem)?.firstProblem,
    latencies,
    ...(Object.keys(byLabel).length > 0 ? { byLabel, labelLatencies } : {}),
    hubBusy,
    hubMsPerRequest: hubBusy === undefined ? undefined : (hubBusy * 1000) / perSecond,
    hubCpuMsPerRequest: perRequest((r) => r.hubCpuMsPerRequest),
    ...(windows[0]!.processCpuMsPerRequest
      ? { processCpuMsPerRequest: Object.fromEntries(processNames.map((name) => [name, perRequest((r) => r.processCpuMsPerRequest?.[name]) ?? NaN])) }
      : {}),
  };
}

if (!isMainThread) {
  const { gatewayKey, sockets } = workerData as { gatewayKey: KeyPairJwk; sockets: Record<string, string> };
  parentPort!.on('message', (target: Target) => {
    drive(target, gatewayKey, sockets).then(
      (row) => parentPort!.postMessage({ row }),
      (err) => parentPort!.postMessage({ error: String((err as Error).stack ?? err) }),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// The run (main thread): the hub, the recorded plans, the rows.

/**
 * A pass-through in front of the subgraphs that records what the gateway sends, with when each
 * call started and ended, to rebuild the plan's waves (calls started before any call of the
 * current wave ended ran in parallel with it).
 */
async function startRecorder(subgraphUrls: Record<string, string>) {
  let calls: (SubgraphCall & { start: number; end: number })[] = [];
  const servers: http.Server[] = [];
  const urls: Record<string, string> = {};
  for (const [name, target] of Object.entries(subgraphUrls)) {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const body = Buffer.concat(chunks).toString();
        const start = performance.now();
        const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'content-length', 'connection'].includes(k))) as Record<string, string>;
        const answer = await fetch(target, { method: 'POST', headers, body });
        const text = await answer.text();
        // Only the calls of the recorded queries: the gateway's own (the live feed's poll) are not part of a plan.
        if (String(req.headers['x-request-id'] ?? '').startsWith('bench-record-')) calls.push({ url: target, body, start, end: performance.now() });
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(text);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    urls[name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }
  return {
    urls,
    take(): SubgraphCall[][] {
      const sorted = calls.sort((a, b) => a.start - b.start);
      calls = [];
      const waves: (SubgraphCall & { start: number; end: number })[][] = [];
      for (const call of sorted) {
        const wave = waves.at(-1);
        if (wave && call.start < Math.min(...wave.map((c) => c.end))) wave.push(call);
        else waves.push([call]);
      }
      return waves.map((w) => w.map(({ url, body }) => ({ url, body })));
    },
    close: async () => {
      for (const s of servers) await new Promise<void>((resolve) => s.close(() => resolve()));
    },
  };
}

function fixed(n: number, digits = 0): string {
  return Number.isFinite(n) ? n.toFixed(digits) : '—';
}

/** `gateway 6.1 · programmes 3.0 · …` (CPU ms per request), or nothing in the single layout. */
function perProcess(byProcess: Record<string, number> | undefined): string {
  if (!byProcess) return '';
  const names = ['gateway', ...Object.keys(byProcess).filter((n) => n !== 'gateway').sort()];
  return names.map((n) => `${n} ${fixed(byProcess[n] ?? NaN, 1)}`).join(' · ');
}

async function main(): Promise<void> {
  const started = new Date();
  if (OURS_ONLY) say(`bench (BENCH_ONLY=ours) — ours beside the floor, no Hive: partner queries (${CONCURRENCY} clients), mixed reads (${MIXED_CLIENTS}); each client its own token; ${WARMUP_SECONDS} s warm-up, ${SECONDS} s measured`);
  else if (REDEEM_ONLY) say(`bench (BENCH_ONLY=redeem) — our redemption row alone, no Hive: ${REDEEM_CLIENTS} venues, each its own token; ${WARMUP_SECONDS} s warm-up`);
  else say(`bench — ours beside the floor and Hive Gateway: partner queries (${CONCURRENCY} clients), mixed reads (${MIXED_CLIENTS}), redemptions (${REDEEM_CLIENTS}), fair sharing; each client its own token; ${WARMUP_SECONDS} s warm-up, ${SECONDS} s measured`);
  say(`machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; NODE_ENV=${BENCH_NODE_ENV}`);
  const db = await startBenchDatabase('pass_bench_partners');
  // The per-token allowance is not what is measured here: each client's own token stays under it
  // only by luck at high rates, so it is lifted for the run.
  // BENCH_LAYOUT=processes runs our hub as `npm start` does (a process per part); Hive then
  // still runs in this process, on the same subgraph processes.
  const bench = await startBenchHub(db.scratch.url, { rateLimit: { perSecond: 1e6, burst: 1e6 } });
  const hub = bench.hub;
  say(`layout: ${bench.layout}`);
  const demo = await loadDemoData(hub);
  await hub.catchUp();

  const queries: { name: string; caller: Omit<Caller, 'tokenId'>; variables: Record<string, unknown> }[] = [
    { name: 'funder-programme', caller: { role: Role.FUNDER, organisationId: demo.funders.cso, scopes: ['read'] }, variables: { funderId: demo.funders.cso } },
    { name: 'distributor-books', caller: { role: Role.DISTRIBUTOR, organisationId: demo.distributors.peNogent!, scopes: ['read'] }, variables: { distributorId: demo.distributors.peNogent, first: 100 } },
    { name: 'venue-sessions', caller: { role: Role.VENUE, organisationId: demo.venues.gestUp!, scopes: ['read'] }, variables: { venueId: demo.venues.gestUp } },
    {
      name: 'coordinator-programme',
      caller: { role: Role.COORDINATOR, organisationId: 'coordination-cso', scopes: ['read'], programmeIds: [demo.programmes.cso] },
      variables: { programmeId: demo.programmes.cso },
    },
  ].filter((q) => !REDEEM_ONLY && (!ONLY_QUERIES || ONLY_QUERIES.includes(q.name)));

  // Each query once through a recording gateway: the subgraph calls its plan makes, in waves.
  const recorder = await startRecorder(hub.subgraphUrls);
  const recording = await createGateway({ supergraphSdl: readSupergraph(), subgraphUrls: recorder.urls, keys: hub.keys, logger: undefined });
  const recordingUrl = await recording.listen(0);
  const plans = new Map<string, SubgraphCall[][]>();
  for (const q of queries) {
    const token = await mintPartnerToken(hub.keys.partnerSigning, q.caller);
    const res = await fetch(recordingUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': `bench-record-${q.name}` },
      body: JSON.stringify({ query: operation(q.name), variables: q.variables }),
    });
    const body = (await res.json()) as { errors?: unknown };
    if (res.status !== 200 || body.errors) throw new Error(`${q.name} failed: ${res.status} ${JSON.stringify(body.errors)}`);
    plans.set(q.name, recorder.take());
  }
  await recording.close();
  await recorder.close();

  let versions: Record<string, string> = {};

  const worker = new Worker(__filename, { workerData: { gatewayKey: hub.keys.gateway, sockets: bench.subgraphSockets }, env: { ...process.env } });
  onCleanup(async () => void (await worker.terminate()));
  // The hub thread's busy share over the run, per request served: its CPU cost per request.
  const run = async (target: Target) => {
    const before = performance.eventLoopUtilization();
    const cpu0 = process.cpuUsage();
    const children0 = bench.childCpuSeconds() ?? 0;
    const byProcess0 = bench.childCpuSecondsByProcess();
    const row = await new Promise<Row>((resolve, reject) => {
      worker.once('message', (m: { row?: Row; error?: string }) => (m.row ? resolve(m.row) : reject(new Error(m.error))));
      worker.postMessage(target);
    });
    const { utilization } = performance.eventLoopUtilization(before);
    const cpu = process.cpuUsage(cpu0);
    // This thread's CPU (the single layout's hub, or Hive) less the driver's, plus the hub's own
    // processes in the `processes` layout.
    const hubCpuSeconds = (cpu.user + cpu.system) / 1e6 - row.driverCpuSeconds + ((bench.childCpuSeconds() ?? 0) - children0);
    const byProcess1 = bench.childCpuSecondsByProcess();
    const processCpuMsPerRequest =
      byProcess0 && byProcess1
        ? Object.fromEntries(Object.entries(byProcess1).map(([name, cpu1]) => [name, (((cpu1 ?? NaN) - (byProcess0[name] ?? NaN)) * 1000) / row.allRequests]))
        : undefined;
    return {
      ...row,
      processCpuMsPerRequest,
      hubBusy: utilization,
      hubMsPerRequest: (utilization * 1000) / row.perSecond,
      hubCpuMsPerRequest: (hubCpuSeconds * 1000) / row.allRequests,
    };
  };

  type Kind = 'floor' | 'ours' | 'hive-js' | 'hive-rust';
  const rows: (Row & { workload: string; kind: Kind; clients: number; subgraphCalls?: number; waves?: number })[] = [];
  const header = () =>
    say(`${'workload'.padEnd(24)}${'target'.padEnd(11)}${'clients'.padStart(8)}${'req/s'.padStart(8)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'errors'.padStart(8)}${'hub CPU ms/req'.padStart(16)}   by process`);
  const print = (workload: string, kind: Kind, clients: number, row: Row & { hubCpuMsPerRequest?: number }) => {
    rows.push({ ...row, workload, kind, clients });
    say(`${workload.padEnd(24)}${kind.padEnd(11)}${String(clients).padStart(8)}${fixed(row.perSecond).padStart(8)}${fixed(row.p50Ms, 1).padStart(9)}${fixed(row.p99Ms, 1).padStart(9)}${String(row.errors).padStart(8)}${fixed(row.hubCpuMsPerRequest ?? NaN, 1).padStart(16)}   ${perProcess(row.processCpuMsPerRequest)}`);
    if (row.errors > 0 && row.firstProblem) say(`${''.padEnd(24)}first error: ${row.firstProblem.slice(0, 160)}`);
    if (row.byLabel) {
      const parts = Object.entries(row.byLabel).map(([label, l]) => `${label} ${l.requests} · ${fixed(l.p50Ms)} / ${fixed(l.p99Ms)}`);
      say(`${''.padEnd(24)}by query (requests · p50 / p99 ms): ${parts.join(' · ')}`);
    }
  };
  const ratios: { workload: string; oursPerSecond: number; vsHiveRust?: number; vsHiveJs?: number; vsFloor?: number; vsFloorByWindow?: number[] }[] = [];
  const ratioLine = (workload: string, by: Partial<Record<Kind, Row>>) => {
    const ours = by.ours!.perSecond;
    const r = {
      workload,
      oursPerSecond: ours,
      ...(by['hive-rust'] ? { vsHiveRust: ours / by['hive-rust'].perSecond } : {}),
      ...(by['hive-js'] ? { vsHiveJs: ours / by['hive-js'].perSecond } : {}),
      ...(by.floor ? { vsFloor: ours / by.floor.perSecond } : {}),
    };
    ratios.push(r);
    const parts = [
      r.vsHiveRust !== undefined ? `ours/Hive-Rust ${fixed(r.vsHiveRust, 2)}` : '',
      r.vsHiveJs !== undefined ? `ours/Hive-JS ${fixed(r.vsHiveJs, 2)}` : '',
      r.vsFloor !== undefined ? `ours/floor ${fixed(r.vsFloor, 2)}` : '',
    ];
    say(`${''.padEnd(24)}${parts.filter(Boolean).join('   ')}`);
  };

  // BENCH_ONLY=fair: the fair-sharing rows alone (no Hive).
  if (!FAIR_ONLY) {
  // Hive Gateway, both planners, in this same thread beside ours (the layout ours runs in), on the
  // same subgraphs, verifying tokens and signing assertions with our own functions (see hive.ts).
  // BENCH_ONLY=ours: ours alone (beside the floor), Hive neither installed nor started.
  const gateways: { kind: 'ours' | 'hive-js' | 'hive-rust'; url: string }[] = [{ kind: 'ours', url: hub.gatewayUrl }];
  if (!OURS_ONLY && !REDEEM_ONLY) {
    ensureHiveInstalled();
    versions = hiveVersions();
    say(`Hive Gateway ${versions['@graphql-hive/gateway']} (runtime ${versions['@graphql-hive/gateway-runtime']}), Rust planner: router-runtime ${versions['@graphql-hive/router-runtime']}`);
    const hiveOptions = { supergraphSdl: readSupergraph(), subgraphUrls: hub.subgraphUrls, keys: hub.keys, databaseUrl: db.scratch.url };
    const hiveJs = await startHive({ ...hiveOptions, planner: 'js' });
    onCleanup(() => hiveJs.close());
    const hiveRust = await startHive({ ...hiveOptions, planner: 'rust' });
    onCleanup(() => hiveRust.close());
    gateways.push({ kind: 'hive-js', url: hiveJs.url }, { kind: 'hive-rust', url: hiveRust.url });
  }
  // Every gateway answers the same: a query Hive would answer otherwise stops the run here.
  for (const q of queries) {
    const token = await mintPartnerToken(hub.keys.partnerSigning, q.caller);
    const answers = await Promise.all(
      gateways.map(async (g) => {
        const res = await fetch(g.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: operation(q.name), variables: q.variables }) });
        return { g: g.kind, status: res.status, body: (await res.json()) as { data?: unknown; errors?: unknown } };
      }),
    );
    for (const a of answers) if (a.status !== 200 || a.body.errors) throw new Error(`${q.name} through ${a.g}: ${a.status} ${JSON.stringify(a.body.errors)}`);
    if (new Set(answers.map((a) => JSON.stringify(a.body.data))).size !== 1) say(`note: ${q.name} — the gateways' answers differ (order or shape); compare by hand`);
  }

  // 1. Each partner query alone, CONCURRENCY clients each with its own token.
  say('');
  header();
  for (const q of queries) {
    const waves = plans.get(q.name)!;
    const tokens = await Promise.all(Array.from({ length: CONCURRENCY }, () => mintPartnerToken(hub.keys.partnerSigning, q.caller)));
    const body = JSON.stringify({ query: operation(q.name), variables: q.variables });
    const by: Partial<Record<Kind, Row>> = {};
    const targets: { kind: Kind; target: Target }[] = [
      // The floor's callers differ by token id, as the gateway's would.
      { kind: 'floor', target: { name: `${q.name} floor`, clients: tokens.map((_, i) => ({ kind: 'floor', caller: { ...q.caller, tokenId: `bench-floor-${i}` }, waves })) } },
      ...gateways.map((g) => ({ kind: g.kind, target: { name: `${q.name} ${g.kind}`, clients: tokens.map((token): ClientWork => ({ kind: 'gateway', url: g.url, token, bodies: [body] })) } })),
    ];
    const windows = new Map<Kind, Row[]>(targets.map((t) => [t.kind, []]));
    for (let round = 0; round < ROUNDS; round += 1) {
      // Odd rounds in reverse order: a steady drift then weighs on every target alike.
      for (const { kind, target } of round % 2 === 0 ? targets : [...targets].reverse()) {
        const window = { ...target, seconds: SECONDS / ROUNDS };
        windows.get(kind)!.push(await (kind === 'ours' ? profiled(ROUNDS > 1 ? `${q.name}-${round + 1}` : q.name, () => run(window)) : run(window)));
      }
    }
    for (const { kind } of targets) {
      by[kind] = pooledRow(windows.get(kind)!);
      print(q.name, kind, CONCURRENCY, by[kind]);
      if (kind === 'floor') {
        rows.at(-1)!.subgraphCalls = waves.flat().length;
        rows.at(-1)!.waves = waves.length;
      }
    }
    ratioLine(q.name, by);
    if (ROUNDS > 1) {
      const floors = windows.get('floor')!;
      const byWindow = windows.get('ours')!.map((w, i) => w.perSecond / floors[i]!.perSecond);
      ratios.at(-1)!.vsFloorByWindow = byWindow;
      say(`${''.padEnd(24)}ours/floor window by window: ${byWindow.map((r) => fixed(r, 2)).join(' · ')}`);
    }
  }

  // 2. The mixed read load: MIXED_CLIENTS clients, each with its own token and its own ids where
  // the demo data has enough (funders, distributors, venues, programmes round-robin; `first`
  // differs per client), the four queries in equal shares.
  const funders = Object.values(demo.funders);
  const distributors = Object.values(demo.distributors);
  const venues = Object.values(demo.venues);
  const programmeIds = Object.values(demo.programmes);
  const mixed = await Promise.all(
    Array.from({ length: MIXED_CLIENTS }, async (_, i) => {
      const round = Math.floor(i / 4);
      const [name, caller, variables]: [string, Omit<Caller, 'tokenId'>, Record<string, unknown>] =
        i % 4 === 0
          ? ['funder-programme', { role: Role.FUNDER, organisationId: funders[round % funders.length]!, scopes: ['read'] }, { funderId: funders[round % funders.length] }]
          : i % 4 === 1
            ? ['distributor-books', { role: Role.DISTRIBUTOR, organisationId: distributors[round % distributors.length]!, scopes: ['read'] }, { distributorId: distributors[round % distributors.length], first: 20 + i }]
            : i % 4 === 2
              ? ['venue-sessions', { role: Role.VENUE, organisationId: venues[round % venues.length]!, scopes: ['read'] }, { venueId: venues[round % venues.length] }]
              : [
                  'coordinator-programme',
                  { role: Role.COORDINATOR, organisationId: `coordination-${i}`, scopes: ['read'], programmeIds: [programmeIds[round % programmeIds.length]!] },
                  { programmeId: programmeIds[round % programmeIds.length] },
                ];
      return { name, token: await mintPartnerToken(hub.keys.partnerSigning, caller), body: JSON.stringify({ query: operation(name), variables }) };
    }),
  );
  say('');
  header();
  if (MIXED_CLIENTS > 0 && !REDEEM_ONLY) {
    const by: Partial<Record<Kind, Row>> = {};
    // In alternated windows as in step 1 (ROUNDS), so that ours and Hive meet the same drift.
    const windows = new Map<Kind, Row[]>(gateways.map((g) => [g.kind, []]));
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const g of round % 2 === 0 ? gateways : [...gateways].reverse()) {
        windows.get(g.kind)!.push(await run({ name: `mixed ${g.kind}`, seconds: SECONDS / ROUNDS, clients: mixed.map((c) => ({ kind: 'gateway', url: g.url, token: c.token, bodies: [c.body], label: c.name })) }));
      }
    }
    for (const g of gateways) {
      by[g.kind] = pooledRow(windows.get(g.kind)!);
      print('mixed reads', g.kind, MIXED_CLIENTS, by[g.kind]!);
      // Window by window: the drift of the run (or what the other gateways' windows leave behind) shows here.
      // The gateway's own CPU in the processes layout; in the single layout only the whole hub's is known.
      const ownCpu = windows.get(g.kind)![0]!.processCpuMsPerRequest ? 'gateway' : 'hub';
      const cpuOf = (w: Row) => (ownCpu === 'gateway' ? w.processCpuMsPerRequest?.gateway : w.hubCpuMsPerRequest) ?? NaN;
      if (ROUNDS > 1) say(`${''.padEnd(24)}window by window (req/s · ${ownCpu} CPU ms/req): ${windows.get(g.kind)!.map((w) => `${fixed(w.perSecond)} · ${fixed(cpuOf(w), 2)}`).join('   ')}`);
    }
    ratioLine('mixed reads', by);
  }

  // BENCH_ONLY=ours stops at the reads.
  if (!OURS_ONLY) {
  // 3. Redemptions: REDEEM_CLIENTS venues, each with its own token and one session per gateway,
  // each voucher redeemed once (a fresh code and idempotency key per request).
  const perClient = REDEEM_PER_CLIENT;
  // A session seats SEATS people and one voucher pays one sitting: each venue gets enough sessions per gateway.
  const sessionsPerGateway = Math.ceil(perClient / SEATS);
  const prepared = await prepareRedemptions(hub, { vouchers: REDEEM_CLIENTS * perClient * gateways.length, venues: REDEEM_CLIENTS, sessionsPerVenue: gateways.length * sessionsPerGateway });
  say('');
  say(`redemptions: ${prepared.voucherCodes.length} vouchers handed out, ${REDEEM_CLIENTS} venues with ${sessionsPerGateway} session(s) of ${SEATS} seats per gateway; at most ${perClient} redemptions per venue and gateway`);
  header();
  {
    const by: Partial<Record<Kind, Row>> = {};
    for (const [t, g] of gateways.entries()) {
      const slice = prepared.voucherCodes.slice(t * REDEEM_CLIENTS * perClient, (t + 1) * REDEEM_CLIENTS * perClient);
      // Consecutive codes (one book) go to different venues: one voucher pays one sitting.
      const clients = prepared.venues.map((venue, c) => ({
        kind: 'gateway' as const,
        url: g.url,
        token: venue.token,
        once: true,
        bodies: slice
          .filter((_, k) => k % REDEEM_CLIENTS === c)
          .map((voucherCode, j) =>
            JSON.stringify({ query: operation('venue-redeem'), variables: { input: { voucherCode, sessionId: venue.sessionIds[t * sessionsPerGateway + Math.floor(j / SEATS)], idempotencyKey: `bench-${g.kind}-${voucherCode}` } } }),
          ),
      }));
      by[g.kind] = await run({ name: `redeem ${g.kind}`, clients });
      print('redemptions', g.kind, REDEEM_CLIENTS, by[g.kind]!);
    }
    ratioLine('redemptions', by);
  }
  }

  }

  let fairness: Record<string, unknown> | undefined;
  const calibration: { query: string; cost: number; units: number; hubCpuMsPerRequest: number; postgresCpuMsPerRequest: number; idleHubCpuMsPerSecond: number }[] = [];
  if (!OURS_ONLY && !REDEEM_ONLY) {
  // 4a. The cost model's calibration: each query alone, one client in a closed loop through the
  // hub (allowance lifted), and the hub's CPU per request beside the units the budget charges it.
  // The hub's idle CPU (timers, pools, the other gateways, what the demo data's load left behind)
  // is measured for 3 s before each query and taken off: at one client it would otherwise be a
  // large share of a light request's figure.
  if (CALIBRATE) {
  say('');
  say('calibration: hub CPU per request, one client at a time, idle CPU taken off, beside the units the budget charges (rate-limit.ts)');
  say(`${'query'.padEnd(34)}${'armor cost'.padStart(11)}${'units'.padStart(8)}${'idle ms/s'.padStart(10)}${'hub CPU ms/req'.padStart(16)}${'PG ms'.padStart(9)}${'ms/unit'.padStart(9)}`);
  const unitsOf = new TokenLimits(memoryTokenBuckets());
  const idleMs = 3000;
  const measureIdleCpu = async () => {
    const before = process.cpuUsage();
    const pg0 = db.postgresCpuSeconds() ?? 0;
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    const idle = process.cpuUsage(before);
    return { hub: (idle.user + idle.system) / idleMs, postgres: (((db.postgresCpuSeconds() ?? 0) - pg0) * 1000) / (idleMs / 1000) };
  };
  // After the demo data's load the hub stays busy for a while (catch-up, GC): wait for it to
  // settle, 3-s windows until one uses under 5 % of a core (at most 30 s).
  for (let i = 0; i < 10; i += 1) if ((await measureIdleCpu()).hub < 50) break;
  const calibrate = async (name: string, caller: Omit<Caller, 'tokenId'>, text: string, variables?: Record<string, unknown>) => {
    const { cost, surcharge } = requestCost(parse(text));
    const units = unitsOf.weigh(cost, surcharge);
    const token = await mintPartnerToken(hub.keys.partnerSigning, caller);
    const idle = await measureIdleCpu();
    const pg0 = db.postgresCpuSeconds() ?? 0;
    const row = await run({ name: `calibrate ${name}`, clients: [{ kind: 'gateway', url: hub.gatewayUrl, token, bodies: [JSON.stringify({ query: text, variables })] }] });
    if (row.errors > 0) say(`${''.padEnd(34)}errors: ${row.firstProblem?.slice(0, 160)}`);
    // PostgreSQL's: its backends' CPU over the run (warm-up included), less its idle rate.
    const pgCpuMs = (((db.postgresCpuSeconds() ?? 0) - pg0) * 1000 - idle.postgres * (WARMUP_SECONDS + SECONDS)) / row.allRequests;
    const cpuMs = row.hubCpuMsPerRequest - (idle.hub * (WARMUP_SECONDS + SECONDS)) / row.allRequests;
    calibration.push({ query: name, cost, units, hubCpuMsPerRequest: cpuMs, postgresCpuMsPerRequest: pgCpuMs, idleHubCpuMsPerSecond: idle.hub });
    say(`${name.padEnd(34)}${fixed(cost, 1).padStart(11)}${fixed(units, 1).padStart(8)}${fixed(idle.hub, 1).padStart(10)}${fixed(cpuMs, 1).padStart(16)}${fixed(pgCpuMs, 1).padStart(9)}${fixed((cpuMs + pgCpuMs) / units, 1).padStart(9)}`);
  };
  const analystCaller = { role: Role.ANALYST, organisationId: 'analyst-calibration', scopes: ['read'] };
  await calibrate('light', analystCaller, LIGHT_QUERY);
  for (const q of queries) await calibrate(q.name, q.caller, operation(q.name), q.variables);
  await calibrate('1 alias of the analyst query', analystCaller, HEAVY_ONE_ALIAS);
  await calibrate('15 aliases, no by-day/by-place', analystCaller, HEAVY_WITHOUT_BREAKDOWNS);
  await calibrate('15-alias analyst query', analystCaller, HEAVY_QUERY);
  }

  // 4b. Fair sharing, through a gateway of ours with the published allowance (the hub's is lifted
  // for the rows above): a light query's latency from one token alone, then while another token
  // sends the 15-alias analyst query at 50 requests/s whatever the answers.
  const fairLimits = FAIR_WEIGHTS === 'armor' ? { costlyFields: {}, maxInFlightUnits: Number.POSITIVE_INFINITY } : {};
  const fair = await createGateway({ supergraphSdl: readSupergraph(), subgraphUrls: hub.subgraphUrls, keys: hub.keys, databaseUrl: db.scratch.url, logger: undefined, rateLimit: fairLimits });
  const fairUrl = await fair.listen(0);
  onCleanup(() => fair.close());
  const analyst = (org: string) => mintPartnerToken(hub.keys.partnerSigning, { role: Role.ANALYST, organisationId: org, scopes: ['read'] });
  const lightBody = JSON.stringify({ query: LIGHT_QUERY });
  const heavyBody = JSON.stringify({ query: HEAVY_QUERY });
  // The light token stays well inside its own allowance (each client about 10 requests/s): what is
  // measured is its latency beside the heavy token, not its own refusals.
  const lightClient = async () => ({ kind: 'gateway' as const, url: fairUrl, token: await analyst('analyst-light'), bodies: [lightBody], thinkMs: 100 });
  say('');
  say(`fair sharing (published allowance, ${FAIR_WEIGHTS === 'armor' ? "weighed by armor's cost alone" : 'calibrated weights'}): a light query from one token, ${FAIR_LIGHT_CLIENTS} client(s), alone and beside a token sending the 15-alias analyst query at ${HEAVY_PER_SECOND}/s`);
  header();
  // Alone and beside alternate, FAIR_ROUNDS pairs, after a checkpoint and a vacuum: the rows
  // before this one wrote thousands of redemptions, and a checkpoint or an autovacuum landing in
  // one 10-s window and not the other swung a single pair's ratio from 0.98× to 4.42× on one day.
  // The p99s are over each side's pooled latencies.
  await hub.subgraphs.vouchers.dataSource.query('vacuum analyze');
  await hub.subgraphs.vouchers.dataSource.query('checkpoint');
  const pooled = { alone: [] as number[], beside: [] as number[] };
  let beside: Row | undefined;
  for (let round = 1; round <= FAIR_ROUNDS; round += 1) {
    const alone = await run({ name: 'light alone', clients: await Promise.all(Array.from({ length: FAIR_LIGHT_CLIENTS }, lightClient)) });
    print(`light alone (${round})`, 'ours', FAIR_LIGHT_CLIENTS, alone);
    beside = await run({
      name: 'light beside heavy',
      clients: [...(await Promise.all(Array.from({ length: FAIR_LIGHT_CLIENTS }, lightClient))), { kind: 'paced', url: fairUrl, token: await analyst('analyst-heavy'), body: heavyBody, perSecond: HEAVY_PER_SECOND }],
    });
    print(`light beside heavy (${round})`, 'ours', FAIR_LIGHT_CLIENTS, beside);
    pooled.alone.push(...(alone.latencies ?? []));
    pooled.beside.push(...(beside.latencies ?? []));
  }
  const p99 = (latencies: number[]) => percentile([...latencies].sort((a, b) => a - b), 99);
  const aloneP99 = p99(pooled.alone);
  const besideP99 = p99(pooled.beside);
  fairness = { weights: FAIR_WEIGHTS, rounds: FAIR_ROUNDS, aloneP99Ms: aloneP99, besideP99Ms: besideP99, ratio: besideP99 / aloneP99, aloneRequests: pooled.alone.length, besideRequests: pooled.beside.length, heavyAnswers: beside?.pacedStatuses };
  say(
    `${''.padEnd(24)}light p99 over the ${FAIR_ROUNDS} rounds, beside / alone: ${fixed(besideP99, 1)} / ${fixed(aloneP99, 1)} ms = ${fixed(besideP99 / aloneP99, 2)}× (goal ≤ 2×; ` +
      `${pooled.beside.length} and ${pooled.alone.length} requests); the heavy token's answers per second in the last round: ${Object.entries(beside?.pacedStatuses ?? {}).map(([k, v]) => `${k}: ${fixed(v / SECONDS, 1)}`).join(', ')}`,
  );

  }

  const loadAfter = os.loadavg();
  say(`load average after: ${loadAfter.map((l) => l.toFixed(1)).join(' ')}`);
  let commit = 'unknown';
  let dirty = false;
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim();
    dirty = execSync('git status --porcelain --untracked-files=no', { cwd: ROOT }).toString().trim() !== '';
  } catch {
    // Not a git checkout: the commit stays unknown.
  }
  const folder = path.join(ROOT, 'test/bench/results');
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${started.toISOString().replace(/[:.]/g, '-')}-partners.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        bench: 'partners',
        only: process.env.BENCH_ONLY ?? null,
        layout: bench.layout,
        date: started.toISOString(),
        commit,
        dirty,
        node: process.version,
        nodeEnv: BENCH_NODE_ENV,
        cores: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryBytes: os.totalmem(),
        loadAverage: { before: startLoad, after: loadAfter },
        concurrency: CONCURRENCY,
        mixedClients: MIXED_CLIENTS,
        redeemClients: REDEEM_CLIENTS,
        seconds: SECONDS,
        warmupSeconds: WARMUP_SECONDS,
        hive: versions,
        rows,
        ratios,
        fairness,
        calibration,
      },
      (key, value: unknown) => (key === 'latencies' || key === 'labelLatencies' ? undefined : value),
      2,
    ) + '\n',
  );
  say(`appended to ${path.relative(ROOT, file)}`);
}

const startLoad = os.loadavg();
if (isMainThread) runBench('bench', 30 * 60_000, main);
