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
import { createGateway } from '@pass/gateway';
import { CALLER_HEADER, mintPartnerToken, Role, signCallerAssertion, type Caller, type KeyPairJwk } from '@pass/kit';
import { readSupergraph } from '@pass/schema';
import { onCleanup, runBench, say, startBenchDatabase, startBenchHub } from './bench-kit';

/*
 * `npm run bench`: the four partner queries (clients/operations) through our gateway at a fixed
 * concurrency, each client with its own token, after a warm-up and for a fixed duration; then
 * "the floor": the same subgraph requests sent straight to the subgraphs with a valid caller
 * assertion, which is what a gateway adding nothing would reach. It prints req/s, p50, p99 and
 * errors per row, the ratio ours/floor, and appends the run as JSON to test/bench/results/.
 *
 * The load is sent from a worker thread, so the hub's event loop (this process's main thread)
 * only serves; both share the machine's cores, as any local driver would.
 *
 * After the four queries one by one, a "mixed" row sends them all at once: client i sends query
 * i mod 4, each client with its own token.
 *
 * BENCH_CONCURRENCY (20), BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (3) change the run;
 * BENCH_ROWS (e.g. `mixed` or `funder-programme,mixed`) runs only those rows.
 * BENCH_LAYOUT=processes runs the hub as `npm start` does, a process per part (default `single`:
 * all in this process), with BENCH_GATEWAY_WORKERS gateway workers (1); the hub's CPU per request
 * is then read from its processes in /proc, and "hub busy" is not measured.
 * BENCH_CPU_PROF=<folder> writes a CPU profile of the hub's thread (gateway and subgraphs) for
 * each gateway row, load driver excluded: open it in Chrome DevTools or speedscope.
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
const ROOT = path.resolve(__dirname, '..', '..', '..');

/** One subgraph request of a query's plan, as the gateway sent it. */
interface SubgraphCall {
  url: string;
  body: string;
}

interface Target {
  name: string;
  /** Per client: what one request is. */
  clients: ClientWork[];
}

type ClientWork =
  | { kind: 'gateway'; url: string; token: string; body: string }
  // Waves of subgraph calls: calls of one wave ran in parallel in the plan, waves one after another.
  | { kind: 'floor'; caller: Caller; waves: SubgraphCall[][] };

interface Row {
  target: string;
  requests: number;
  errors: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
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
}

const operation = (name: string) => readFileSync(path.join(ROOT, 'clients/operations', `${name}.graphql`), 'utf8');

// ---------------------------------------------------------------------------------------------
// The load driver (worker thread).

async function drive(target: Target, gatewayKey: KeyPairJwk): Promise<Row> {
  const assertions = new Map<Caller, { value: string; at: number }>();
  const assertionOf = async (caller: Caller) => {
    const cached = assertions.get(caller);
    // Assertions live 60 s; the floor re-signs twice a minute, i.e. almost never.
    if (cached && Date.now() - cached.at < 30_000) return cached.value;
    const value = await signCallerAssertion(gatewayKey, caller);
    assertions.set(caller, { value, at: Date.now() });
    return value;
  };
  const once = async (work: ClientWork): Promise<boolean> => {
    if (work.kind === 'gateway') {
      const res = await fetch(work.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${work.token}` }, body: work.body });
      const body = (await res.json()) as { errors?: unknown };
      return res.status === 200 && !body.errors;
    }
    const assertion = await assertionOf(work.caller);
    let ok = true;
    for (const wave of work.waves) {
      await Promise.all(
        wave.map(async (call) => {
          const res = await fetch(call.url, { method: 'POST', headers: { 'content-type': 'application/json', [CALLER_HEADER]: assertion }, body: call.body });
          const body = (await res.json()) as { errors?: unknown };
          if (res.status !== 200 || body.errors) ok = false;
        }),
      );
    }
    return ok;
  };
  const latencies: number[] = [];
  let errors = 0;
  let done = 0;
  const driverCpu0 = threadCpuSeconds('thread-self');
  let measuring = false;
  let stop = false;
  const loops = target.clients.map(async (work) => {
    while (!stop) {
      const t0 = performance.now();
      const ok = await once(work).catch(() => false);
      done++;
      if (!measuring) continue;
      latencies.push(performance.now() - t0);
      if (!ok) errors++;
    }
  });
  await new Promise((resolve) => setTimeout(resolve, WARMUP_SECONDS * 1000));
  measuring = true;
  const t0 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  measuring = false;
  const elapsed = (performance.now() - t0) / 1000;
  stop = true;
  await Promise.all(loops);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    target: target.name,
    requests: latencies.length,
    errors,
    perSecond: latencies.length / elapsed,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    allRequests: done,
    driverCpuSeconds: threadCpuSeconds('thread-self') - driverCpu0,
  };
}

/** CPU seconds (user + system) of one thread, from /proc (`thread-self` or `self`). */
function threadCpuSeconds(which: 'thread-self' | 'self'): number {
  const fields = readFileSync(`/proc/${which}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

if (!isMainThread) {
  const { gatewayKey } = workerData as { gatewayKey: KeyPairJwk };
  parentPort!.on('message', (target: Target) => {
    drive(target, gatewayKey).then(
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
        calls.push({ url: target, body, start, end: performance.now() });
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

async function main(): Promise<void> {
  const started = new Date();
  say(`bench — the four partner queries, ${CONCURRENCY} clients each with its own token, ${WARMUP_SECONDS} s warm-up, ${SECONDS} s measured`);
  say(`machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const db = await startBenchDatabase('pass_bench_partners');
  // The per-token allowance is not what is measured here: each client's own token stays under it
  // only by luck at high rates, so it is lifted for the run.
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
  ];

  // Each query once through a recording gateway: the subgraph calls its plan makes, in waves.
  const recorder = await startRecorder(hub.subgraphUrls);
  const recording = await createGateway({ supergraphSdl: readSupergraph(), subgraphUrls: recorder.urls, keys: hub.keys, logger: undefined });
  const recordingUrl = await recording.listen(0);
  const plans = new Map<string, SubgraphCall[][]>();
  for (const q of queries) {
    const token = await mintPartnerToken(hub.keys.partnerSigning, q.caller);
    const res = await fetch(recordingUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: operation(q.name), variables: q.variables }),
    });
    const body = (await res.json()) as { errors?: unknown };
    if (res.status !== 200 || body.errors) throw new Error(`${q.name} failed: ${res.status} ${JSON.stringify(body.errors)}`);
    plans.set(q.name, recorder.take());
  }
  await recording.close();
  await recorder.close();

  const worker = new Worker(__filename, { workerData: { gatewayKey: hub.keys.gateway }, env: { ...process.env } });
  onCleanup(async () => void (await worker.terminate()));
  // The hub thread's busy share over the run, per request served: its CPU cost per request.
  const run = async (target: Target) => {
    const before = performance.eventLoopUtilization();
    const cpu0 = process.cpuUsage();
    const children0 = bench.childCpuSeconds();
    const row = await new Promise<Row>((resolve, reject) => {
      worker.once('message', (m: { row?: Row; error?: string }) => (m.row ? resolve(m.row) : reject(new Error(m.error))));
      worker.postMessage(target);
    });
    const { utilization } = performance.eventLoopUtilization(before);
    const cpu = process.cpuUsage(cpu0);
    const children1 = bench.childCpuSeconds();
    // In the process layout the hub is its child processes; this one only drives the load.
    const hubCpuSeconds = children0 !== null && children1 !== null ? children1 - children0 : (cpu.user + cpu.system) / 1e6 - row.driverCpuSeconds;
    return {
      ...row,
      hubBusy: children0 !== null ? NaN : utilization,
      hubMsPerRequest: children0 !== null ? NaN : (utilization * 1000) / row.perSecond,
      hubCpuMsPerRequest: (hubCpuSeconds * 1000) / row.allRequests,
    };
  };

  const rows: (Row & { query: string; kind: 'gateway' | 'floor'; subgraphCalls: number; waves: number })[] = [];
  say('');
  say(`${'query'.padEnd(24)}${'target'.padEnd(9)}${'calls'.padStart(6)}${'req/s'.padStart(8)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}${'errors'.padStart(8)}${'hub busy'.padStart(10)}${'hub CPU ms/req'.padStart(16)}${'ours/floor'.padStart(12)}`);
  const only = process.env.BENCH_ROWS?.split(',').map((r) => r.trim());
  // Each query alone, then all four mixed: client i sends query i mod 4.
  const loads = [...queries.map((q) => ({ name: q.name, mix: [q] })), { name: 'mixed', mix: queries }].filter((l) => !only || only.includes(l.name));
  for (const load of loads) {
    const mixOf = (i: number) => load.mix[i % load.mix.length]!;
    const calls = Math.round((Array.from({ length: CONCURRENCY }, (_, i) => plans.get(mixOf(i).name)!.flat().length).reduce((a, b) => a + b, 0) / CONCURRENCY) * 10) / 10;
    const waveCount = Math.max(...load.mix.map((q) => plans.get(q.name)!.length));
    const tokens = await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => mintPartnerToken(hub.keys.partnerSigning, mixOf(i).caller)));
    const bodyOf = (i: number) => JSON.stringify({ query: operation(mixOf(i).name), variables: mixOf(i).variables });
    const ours = await profiled(load.name, () =>
      run({ name: `${load.name} gateway`, clients: tokens.map((token, i) => ({ kind: 'gateway', url: hub.gatewayUrl, token, body: bodyOf(i) })) }),
    );
    // The floor's callers differ by token id, as the gateway's would.
    const floor = await run({
      name: `${load.name} floor`,
      clients: tokens.map((_, i) => ({ kind: 'floor', caller: { ...mixOf(i).caller, tokenId: `bench-floor-${i}` }, waves: plans.get(mixOf(i).name)! })),
    });
    const q = { name: load.name };
    for (const [kind, row] of [['gateway', ours], ['floor', floor]] as const) {
      rows.push({ ...row, query: q.name, kind, subgraphCalls: calls, waves: waveCount });
      const ratio = kind === 'gateway' ? fixed(ours.perSecond / floor.perSecond, 2) : '';
      say(`${q.name.padEnd(24)}${kind.padEnd(9)}${String(calls).padStart(6)}${fixed(row.perSecond).padStart(8)}${fixed(row.p50Ms, 1).padStart(9)}${fixed(row.p99Ms, 1).padStart(9)}${String(row.errors).padStart(8)}${`${fixed(100 * row.hubBusy!)} %`.padStart(10)}${fixed(row.hubCpuMsPerRequest!, 1).padStart(16)}${ratio.padStart(12)}`);
    }
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
        date: started.toISOString(),
        commit,
        dirty,
        node: process.version,
        cores: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryBytes: os.totalmem(),
        loadAverage: { before: startLoad, after: loadAfter },
        layout: bench.layout,
        concurrency: CONCURRENCY,
        seconds: SECONDS,
        warmupSeconds: WARMUP_SECONDS,
        rows,
      },
      null,
      2,
    ) + '\n',
  );
  say(`appended to ${path.relative(ROOT, file)}`);
}

const startLoad = os.loadavg();
if (isMainThread) runBench('bench', 15 * 60_000, main);
