import 'reflect-metadata';
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Role, mintPartnerToken } from '@pass/access';
import type { Hub } from '@pass/clients';
import { percentile, runBench, say, startBenchDatabase, startBenchHub } from './bench-kit';
import type { ClientPlan } from './live-clients';
import { prepareRedemptions } from './redeem-setup';

/*
 * `npm run bench:live`: 1,000 graphql-ws sockets on one gateway, shaped like the real audience —
 * 980 venues each subscribed to its own redemptions with its own token, and 20 coordinator
 * dashboards over 5 coordinator tokens — while redemptions go through the API at a steady rate
 * (20/s, the national peak, then higher rates to find where p99 passes 250 ms).
 *
 * BENCH_LAYOUT: `processes` (the default here, as `npm start` runs the hub: the gateway and each
 * subgraph in a process of its own, BENCH_GATEWAY_WORKERS gateway workers, 1 by default) or
 * `single` (gateway and subgraphs in this process, beside the redemption sender).
 *
 * Printed per rate: p50/p99 latency from `redeemedAt` (set just before the redemption's
 * transaction, so slightly more than commit → client) to arrival, events lost and duplicated
 * over every socket, and the hub's CPU per redemption: in the processes layout the CPU of the
 * hub's five processes (from /proc, also per process), in the single layout this process's
 * (gateway + subgraphs + the redemption sender). The sockets run in a forked process of their
 * own either way. BENCH_VENUES (980), BENCH_DASHBOARDS (20),
 * BENCH_RATES (20,50,100,200), BENCH_SECONDS (20 at the first rate, 10 at the others).
 * BENCH_WARMUP_SECONDS (10) of the first rate come first, printed apart and left out of the
 * highest rate. After the last phase it waits until every expected message has arrived, at most
 * BENCH_DRAIN_SECONDS (30); only what is missing then counts as lost.
 * Also per phase, where the time goes: each stage's p50/p99 since redeemedAt — the redemption's
 * HTTP answer (after its commit), then the gateway's `gateway_live_event_delay_seconds` (woken,
 * read, resolved and sent, venue and coordinator groups apart) — the gateway's subgraph fetches
 * per redemption with their mean time, and the vouchers subgraph's connection pool (sampled).
 * BENCH_CPU_PROFILE=<file.cpuprofile> writes a V8 CPU profile of the hub process covering the
 * redemption phases and that wait only (not the preparation), for Chrome DevTools — single
 * layout only (in the processes layout the hub is not in this process; it is ignored there).
 */

process.env.BENCH_LAYOUT ??= 'processes';

const VENUES = Number(process.env.BENCH_VENUES ?? 980);
const DASHBOARDS = Number(process.env.BENCH_DASHBOARDS ?? 20);
const COORDINATORS = 5;
const RATES = (process.env.BENCH_RATES ?? '20,50,100,200').split(',').map(Number);
const SECONDS = (process.env.BENCH_SECONDS ?? '20,10').split(',').map(Number);
const DRAIN_SECONDS = Number(process.env.BENCH_DRAIN_SECONDS ?? 30);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);

const VENUE_SUBSCRIPTION = `subscription Counter($venueId: ID) { redemptionRecorded(venueId: $venueId) { cursor redemption { id redeemedAt amountCents } } }`;
const DASHBOARD_SUBSCRIPTION = `subscription Dashboard($programmeId: ID) {
  redemptionRecorded(programmeId: $programmeId) { cursor redemption { id redeemedAt amountCents venue { name }
    session { workshop { topic axis } } voucher { book { distributor { name } programme { name } } } } }
}`;
const REDEEM = `mutation Redeem($input: RedeemVoucherInput!) { redeemVoucher(input: $input) { redemption { id redeemedAt } error { code message } } }`;

const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** The gateway's `gateway_live_event_delay_seconds` buckets by stage: cumulative counts by upper bound. */
type StageBuckets = Map<string, Map<number, number>>;
const STAGES = ['woken', 'read', 'resolved', 'resolved:venue', 'resolved:coordinator', 'sent', 'sent:venue', 'sent:coordinator'] as const;
function stageBuckets(metrics: string): StageBuckets {
  const out: StageBuckets = new Map();
  for (const m of metrics.matchAll(/^gateway_live_event_delay_seconds_bucket\{([^}]*)\} (\S+)$/gm)) {
    const label = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(m[1]!)?.[1];
    const le = label('le')!;
    // By stage, and by stage and subscriber role where the stage has one (resolved, sent).
    for (const key of [label('stage')!, label('role') ? `${label('stage')}:${label('role')}` : null]) {
      if (!key) continue;
      const byLe = out.get(key) ?? new Map<number, number>();
      const bound = le === '+Inf' ? Infinity : Number(le);
      byLe.set(bound, (byLe.get(bound) ?? 0) + Number(m[2]));
      out.set(key, byLe);
    }
  }
  return out;
}
/** Subgraph fetches of the gateway (count and summed seconds by subgraph), from its histogram. */
function subgraphFetches(metrics: string): Map<string, { count: number; sum: number }> {
  const out = new Map<string, { count: number; sum: number }>();
  for (const m of metrics.matchAll(/^gateway_subgraph_fetch_duration_seconds_(count|sum)\{[^}]*subgraph="([^"]+)"[^}]*\} (\S+)$/gm)) {
    const entry = out.get(m[2]!) ?? { count: 0, sum: 0 };
    entry[m[1] as 'count' | 'sum'] += Number(m[3]);
    out.set(m[2]!, entry);
  }
  return out;
}
/** A quantile (ms) of what was observed between two scrapes, interpolated within its bucket. */
function stageQuantile(before: StageBuckets, after: StageBuckets, stage: string, q: number): { ms: number; count: number } {
  const a = after.get(stage);
  if (!a) return { ms: NaN, count: 0 };
  const bounds = [...a.keys()].sort((x, y) => x - y);
  const counts = bounds.map((le) => a.get(le)! - (before.get(stage)?.get(le) ?? 0));
  const total = counts[counts.length - 1]!;
  if (total === 0) return { ms: NaN, count: 0 };
  const rank = q * total;
  for (let i = 0; i < bounds.length; i++) {
    if (counts[i]! >= rank) {
      const lower = i === 0 ? 0 : bounds[i - 1]!;
      const upper = Number.isFinite(bounds[i]!) ? bounds[i]! : lower;
      const below = i === 0 ? 0 : counts[i - 1]!;
      const inBucket = counts[i]! - below;
      return { ms: 1000 * (lower + (inBucket > 0 ? ((rank - below) / inBucket) * (upper - lower) : 0)), count: total };
    }
  }
  return { ms: NaN, count: total };
}

runBench('bench:live', 30 * 60_000, async () => {
  const db = await startBenchDatabase('pass_bench_live');
  // A long init wait: on a shared machine the handshakes of 1,000 sockets queue behind each other.
  // The processes layout has no way to pass it and keeps the default 5 s: the client process
  // opens the sockets 20 handshakes at a time (BENCH_OPEN_CONCURRENCY), and the gateway has a
  // process of its own there.
  const bench = await startBenchHub(db.scratch.url, { live: { connectionInitWaitMs: 60_000 } });
  const hub = bench.hub;
  const single = hub.layout === 'single' ? (hub as Hub) : null;
  const metricsUrl = hub.gatewayUrl.replace(/\/graphql$/, '/metrics');
  // The live server's figures: from the gateway object in the single layout, else from the
  // gateway process's /metrics (one worker's when BENCH_GATEWAY_WORKERS is above 1).
  const liveStats = async (): Promise<{ connections: number; subscriptions: number }> => {
    if (single) return single.gateway.live.stats();
    const text = await (await fetch(metricsUrl)).text();
    const gauge = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
    return { connections: gauge('gateway_live_connections'), subscriptions: gauge('gateway_live_subscriptions') };
  };
  const hubCpuSeconds = () => (single ? cpuSeconds() : bench.childCpuSeconds()!);
  const byProcess0 = bench.childCpuSecondsByProcess();
  // A warm-up at the first rate (JIT, connection pools, caches), measured and printed apart.
  const phases = [
    ...(WARMUP_SECONDS > 0 ? [{ rate: RATES[0]!, seconds: WARMUP_SECONDS, warmup: true }] : []),
    ...RATES.map((rate, i) => ({ rate, seconds: SECONDS[Math.min(i, SECONDS.length - 1)]!, warmup: false })),
  ];
  const needed = phases.reduce((n, p) => n + p.rate * p.seconds, 0) + 100;
  say(`bench:live — ${VENUES} venue sockets + ${DASHBOARDS} dashboards over ${COORDINATORS} coordinator tokens; rates ${RATES.join(', ')}/s`);
  say(`layout: ${bench.layout}`);
  say(`load average at the start (1, 5, 15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`);
  const started = Date.now();
  const prepared = await prepareRedemptions(hub, { vouchers: needed, venues: VENUES });
  say(`prepared ${VENUES} venues and ${prepared.voucherCodes.length} vouchers in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const coordinatorTokens = await Promise.all(
    Array.from({ length: COORDINATORS }, (_, i) =>
      mintPartnerToken(hub.keys.partnerSigning, { organisationId: `coordination-${i + 1}`, role: Role.COORDINATOR, scopes: ['read'], programmeIds: [prepared.programmeId] }, { expiresIn: '2h' }),
    ),
  );
  const plan: ClientPlan = {
    url: hub.gatewayUrl.replace(/^http/, 'ws'),
    sockets: [
      ...prepared.venues.map((v) => ({ token: v.token, query: VENUE_SUBSCRIPTION, variables: { venueId: v.venueId }, label: `venue:${v.venueId}` })),
      ...Array.from({ length: DASHBOARDS }, (_, i) => ({
        token: coordinatorTokens[i % COORDINATORS]!,
        query: DASHBOARD_SUBSCRIPTION,
        variables: { programmeId: prepared.programmeId },
        label: 'dashboard',
      })),
    ],
  };
  const clients = fork(path.join(__dirname, 'live-clients.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<{ ready?: number; error?: string }>((resolve) => clients.once('message', resolve as never));
  clients.send({ plan });
  const opened = await new Promise<{ ready?: number; error?: string }>((resolve) => clients.once('message', resolve as never)).catch(() => ready);
  if (opened.error) throw new Error(`clients: ${opened.error}`);
  // Acknowledged is not yet subscribed: the scope of each subscription is read first.
  for (let i = 0; i < 1200 && (await liveStats()).subscriptions < plan.sockets.length; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  say(`${opened.ready} sockets subscribed in ${((Date.now() - started) / 1000).toFixed(1)} s since the start; live stats ${JSON.stringify(await liveStats())}`);
  // Two quiet seconds before the first redemption: the hub's CPU with its sockets open and nothing
  // to send, a floor under the per-redemption figures at low rates.
  const idle0 = { cpu: hubCpuSeconds(), at: Date.now() };
  await new Promise((resolve) => setTimeout(resolve, 2000));
  say(`hub CPU with no redemptions: ${((hubCpuSeconds() - idle0.cpu) / ((Date.now() - idle0.at) / 1000)).toFixed(2)} cores`);

  if (process.env.BENCH_CPU_PROFILE && !single) say('BENCH_CPU_PROFILE is ignored in the processes layout (the hub is not in this process)');
  const profiler = process.env.BENCH_CPU_PROFILE && single ? new Session() : null;
  const byProcessRun0 = bench.childCpuSecondsByProcess();
  if (profiler) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  // Stage timings and subgraph fetches by phase: the gateway's histograms read when each phase
  // starts and after the wait (events of a phase still in flight when the next starts count in the next).
  const stageScrapes: StageBuckets[] = [];
  const fetchScrapes: ReturnType<typeof subgraphFetches>[] = [];
  const scrape = async () => {
    const text = await (await fetch(metricsUrl)).text();
    stageScrapes.push(stageBuckets(text));
    fetchScrapes.push(subgraphFetches(text));
  };
  const answeredIn: number[][] = phases.map(() => []);
  // The vouchers subgraph's connection pool, sampled every 250 ms while each phase runs: every
  // redemption holds a connection for its transaction, and the live reads share the pool.
  const vouchersMetricsUrl = `${hub.subgraphUrls.vouchers.replace(/\/graphql$/, '')}/metrics`;
  const poolSamples: { inUse: number; waiting: number }[][] = phases.map(() => []);
  let samplingPhase = -1;
  const poolSampler = setInterval(() => {
    const phase = samplingPhase;
    if (phase < 0) return;
    fetch(vouchersMetricsUrl)
      .then((r) => r.text())
      .then((text) => {
        const gauge = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
        poolSamples[phase]!.push({ inUse: gauge('db_pool_connections_in_use'), waiting: gauge('db_pool_waiting_requests') });
      })
      .catch(() => undefined);
  }, 250);
  const madeAt = new Map<string, { venueId: string; phase: number; slice: number }>();
  let next = 0;
  const failures: string[] = [];
  const phaseCpu: { hub: number; pg: number | null; made: number }[] = [];
  for (const [index, phase] of phases.entries()) {
    await scrape();
    samplingPhase = index;
    const cpu0 = hubCpuSeconds();
    const pg0 = db.postgresCpuSeconds();
    const total = phase.rate * phase.seconds;
    const inFlight: Promise<void>[] = [];
    const t0 = Date.now();
    for (let i = 0; i < total; i++) {
      const due = t0 + (i * 1000) / phase.rate;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const k = next++;
      const venue = prepared.venues[k % prepared.venues.length]!;
      const body = JSON.stringify({ query: REDEEM, variables: { input: { voucherCode: prepared.voucherCodes[k], sessionId: venue.sessionId, idempotencyKey: `live-bench-${randomUUID()}` } } });
      const send = () =>
        fetch(hub.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${venue.token}` }, body }).then((r) => r.json() as Promise<any>);
      inFlight.push(
        // A reset keep-alive connection on a loaded machine: the same idempotency key makes the retry safe.
        send()
          .catch(() => send())
          .then((answer) => {
            const redemption = answer.data?.redeemVoucher?.redemption;
            if (redemption) {
              madeAt.set(redemption.id, { venueId: venue.venueId, phase: index, slice: Math.floor((due - t0) / 5000) });
              answeredIn[index]!.push(Date.now() - Date.parse(redemption.redeemedAt));
            }
            else failures.push(JSON.stringify(answer.errors ?? answer.data?.redeemVoucher?.error));
          })
          .catch((err) => void failures.push(String(err))),
      );
    }
    await Promise.all(inFlight);
    phaseCpu.push({ hub: hubCpuSeconds() - cpu0, pg: pg0 === null ? null : db.postgresCpuSeconds()! - pg0, made: total });
  }
  // Until every expected message arrived (or BENCH_DRAIN_SECONDS, 30): what is still missing
  // after that is counted as lost, and the time it took is printed.
  const expected = madeAt.size * (1 + DASHBOARDS);
  const drainStarted = Date.now();
  const cpuDrain0 = hubCpuSeconds();
  let arrived = 0;
  while (Date.now() - drainStarted < DRAIN_SECONDS * 1000) {
    clients.send({ count: true });
    arrived = (await new Promise<{ count: number }>((resolve) => clients.once('message', resolve as never))).count;
    if (arrived >= expected) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await scrape();
  clearInterval(poolSampler);
  say(`${arrived} of ${expected} messages arrived ${((Date.now() - drainStarted) / 1000).toFixed(1)} s after the last redemption was answered (hub CPU meanwhile ${(hubCpuSeconds() - cpuDrain0).toFixed(1)} s)`);
  if (profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(process.env.BENCH_CPU_PROFILE!, JSON.stringify(profile));
    profiler.disconnect();
    say(`CPU profile of the redemption phases written to ${process.env.BENCH_CPU_PROFILE}`);
  }
  clients.send({ report: true });
  const report = await new Promise<{ received: { label: string; ids: string[]; delays: number[]; closedWith: number | null }[]; clientCpuSeconds: number }>((resolve) =>
    clients.once('message', resolve as never),
  );

  let lost = 0;
  let duplicated = 0;
  const delays: number[][] = phases.map(() => []);
  // Per 5-second slice of each rate, by when the redemption was sent: a warm-up shows here.
  const slices = new Map<string, number[]>();
  for (const socket of report.received) {
    const expected = [...madeAt.entries()].filter(([, m]) => socket.label === 'dashboard' || socket.label === `venue:${m.venueId}`).map(([id]) => id);
    const got = new Set(socket.ids);
    duplicated += socket.ids.length - got.size;
    lost += expected.filter((id) => !got.has(id)).length;
    socket.ids.forEach((id, i) => {
      const made = madeAt.get(id);
      if (made) {
        delays[made.phase]!.push(socket.delays[i]!);
        const key = `${phases[made.phase]!.warmup ? 'warm-up ' : ''}${phases[made.phase]!.rate}/s, ${made.slice * 5}–${made.slice * 5 + 5} s`;
        slices.set(key, [...(slices.get(key) ?? []), socket.delays[i]!]);
      }
    });
  }
  say('');
  say('rate/s  redemptions  messages   p50 ms   p99 ms   hub CPU ms/redemption   PostgreSQL CPU ms/redemption');
  let best: number | null = null;
  phases.forEach((phase, i) => {
    const sorted = delays[i]!.sort((a, b) => a - b);
    const p99 = percentile(sorted, 99);
    if (p99 < 250 && !phase.warmup) best = Math.max(best ?? 0, phase.rate);
    const cpu = phaseCpu[i]!;
    say(
      `${(phase.warmup ? `(warm-up) ${phase.rate}` : String(phase.rate)).padStart(6)}  ${String(cpu.made).padStart(11)}  ${String(sorted.length).padStart(8)}  ${percentile(sorted, 50).toFixed(0).padStart(7)}  ${p99.toFixed(0).padStart(7)}  ${((cpu.hub * 1000) / cpu.made).toFixed(1).padStart(22)}  ${cpu.pg === null ? 'n/a' : ((cpu.pg * 1000) / cpu.made).toFixed(1).padStart(28)}`,
    );
  });
  say('');
  // Where the time goes: each stage's age since redeemedAt (the gateway's histogram, interpolated
  // within its buckets), and the redemption's answer as the bench received it (after the commit).
  say('per stage, ms since redeemedAt, p50 / p99: answered (HTTP answer, after commit) → woken (the wake-up that read it) → read → resolved (its group; venue and coordinator groups apart) → sent (to each socket)');
  phases.forEach((phase, i) => {
    const answered = answeredIn[i]!.sort((a, b) => a - b);
    const cells = [`answered ${percentile(answered, 50).toFixed(0)} / ${percentile(answered, 99).toFixed(0)}`];
    for (const stage of STAGES) {
      const p50 = stageQuantile(stageScrapes[i]!, stageScrapes[i + 1]!, stage, 0.5);
      const p99 = stageQuantile(stageScrapes[i]!, stageScrapes[i + 1]!, stage, 0.99);
      cells.push(`${stage} ${p50.ms.toFixed(0)} / ${p99.ms.toFixed(0)}`);
    }
    say(`  ${phase.warmup ? `(warm-up) ${phase.rate}` : phase.rate}/s: ${cells.join(' → ')}`);
    const fetches = [...fetchScrapes[i + 1]!].map(([subgraph, end]) => {
      const start = fetchScrapes[i]!.get(subgraph) ?? { count: 0, sum: 0 };
      const count = end.count - start.count;
      return `${subgraph} ${(count / phase.rate / phase.seconds).toFixed(2)} × ${count > 0 ? ((1000 * (end.sum - start.sum)) / count).toFixed(0) : '–'} ms`;
    });
    say(`    subgraph fetches per redemption × mean ms (live resolutions and the redemptions themselves): ${fetches.join(', ')}`);
    const pool = poolSamples[i]!;
    const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
    say(
      `    vouchers connection pool over ${pool.length} samples: in use mean ${mean(pool.map((p) => p.inUse)).toFixed(1)}, max ${Math.max(...pool.map((p) => p.inUse))}; queries waiting for a connection mean ${mean(pool.map((p) => p.waiting)).toFixed(1)}, max ${Math.max(...pool.map((p) => p.waiting))}`,
    );
  });
  say('');
  // Keys were inserted as messages came: print them in phase and slice order.
  const order = (key: string) => phases.findIndex((p) => key.startsWith(`${p.warmup ? 'warm-up ' : ''}${p.rate}/s`)) * 1000 + Number(/, (\d+)–/.exec(key)![1]);
  for (const [key, list] of [...slices].sort(([a], [b]) => order(a) - order(b))) {
    const sorted = list.sort((a, b) => a - b);
    say(`  ${key}: p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms over ${sorted.length} messages`);
  }
  say('');
  say(`events lost: ${lost}, duplicated: ${duplicated} (over ${report.received.length} sockets; refused redemptions: ${failures.length}${failures[0] ? `, first: ${failures[0]}` : ''})`);
  say(`sockets closed during the run: ${report.received.filter((r) => r.closedWith !== null).length}; client process CPU ${report.clientCpuSeconds.toFixed(1)} s`);
  say(`load average at the end (1, 5, 15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(', ')}`);
  say(`highest rate with p99 < 250 ms: ${best === null ? `none of ${RATES.join(', ')}/s` : `${best}/s`}`);
  const byProcessEnd = bench.childCpuSecondsByProcess();
  if (byProcessEnd && byProcessRun0 && byProcess0) {
    const made = phaseCpu.reduce((n, p) => n + p.made, 0);
    say(`hub CPU per process over the redemption phases and the wait (ms/redemption over ${made}), and since the start (s):`);
    for (const [name, end] of Object.entries(byProcessEnd)) {
      const run = end === null || byProcessRun0[name] == null ? NaN : end - byProcessRun0[name]!;
      const all = end === null || byProcess0[name] == null ? NaN : end - byProcess0[name]!;
      say(`  ${name.padEnd(14)} ${((run * 1000) / made).toFixed(1).padStart(7)} ms/redemption   ${all.toFixed(1).padStart(7)} s`);
    }
  }
  say(`live stats at the end ${JSON.stringify(await liveStats())}`);
  await hub.close();
});
