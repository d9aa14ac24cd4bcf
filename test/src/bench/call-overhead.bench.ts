import { BENCH_NODE_ENV } from './as-deployed';
import 'reflect-metadata';
import { Pool } from 'undici';
import { CALLER_HEADER, mintPartnerToken, Role, signCallerAssertion, type Caller } from '@pass/access';
import { onCleanup, runBench, say, startBenchDatabase, startBenchHub } from './bench-kit';

/*
 * `npm run bench:overhead`: what one call costs a hub process before any resolver runs: the CPU
 * of `{ __typename }` sent straight to each subgraph (with a valid caller assertion) and through
 * the gateway (with a partner token), in the `processes` layout (`npm start`'s), read from /proc.
 * A partner request is one gateway call and three or four subgraph calls, so this fixed cost is
 * paid four or five times per request (issue 12; docs/benchmarks.md, "The cost of a call").
 *
 * BENCH_CALLS (4000) calls per target after BENCH_WARM_UP_CALLS (2000) of warm-up, BENCH_CONCURRENCY (8) at once, over
 * keep-alive connections on 127.0.0.1, and to each subgraph also over the Unix socket the gateway
 * calls it through (PASS_SUBGRAPH_SOCKETS=0: TCP only). Each row also gives this driver's own CPU
 * per call: the caller's side of the transport, which the gateway pays for every subgraph call.
 */

const CALLS = Number(process.env.BENCH_CALLS ?? 4000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const WARM_UP = Number(process.env.BENCH_WARM_UP_CALLS ?? 2000);

runBench('bench:overhead', 10 * 60_000, async () => {
  process.env.BENCH_LAYOUT = 'processes';
  const database = await startBenchDatabase('overhead');
  onCleanup(() => database.close());
  const { hub, childCpuSecondsByProcess, subgraphSockets } = await startBenchHub(database.scratch.url, { rateLimit: { perSecond: 1e6, burst: 1e6 } });
  const caller: Caller = { role: Role.ANALYST, organisationId: 'bench-analyst', scopes: ['read'], tokenId: 'bench-overhead' };
  const assertion = await signCallerAssertion(hub.keys.gateway, caller);
  const token = await mintPartnerToken(hub.keys.partnerSigning, caller);
  const body = JSON.stringify({ query: '{ __typename }' });

  say(`bench:overhead — { __typename } ${CALLS} times per target at ${CONCURRENCY} at once, processes layout, NODE_ENV=${BENCH_NODE_ENV}; load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  say('target                     calls/s   CPU ms per call: that process · this driver (the caller)');
  type Target = { name: string; process: string; url: string; headers: Record<string, string>; socketPath?: string };
  const subgraphTargets: Target[] = (['programmes', 'beneficiaries', 'venues', 'vouchers'] as const).flatMap((name) => {
    const direct: Target = { name: `${name} (TCP)`, process: name, url: hub.subgraphUrls[name]!, headers: { [CALLER_HEADER]: assertion } };
    const socketPath = subgraphSockets[new URL(direct.url).origin];
    // Over TCP and over the Unix socket the gateway uses, twice each in the order TCP, socket,
    // socket, TCP: a drift over the four rows (the process still warming up) weighs on both alike.
    const viaSocket: Target = { ...direct, name: `${name} (socket)`, socketPath };
    return socketPath ? [direct, viaSocket, viaSocket, direct] : [direct];
  });
  const targets: Target[] = [...subgraphTargets, { name: 'gateway', process: 'gateway', url: hub.gatewayUrl, headers: { authorization: `Bearer ${token}` } }];
  for (const target of targets) {
    // undici's Pool, as the gateway calls its subgraphs: the lightest driver, so that the hub, not
    // the driver, has the machine (Node's fetch here doubled the driver's CPU and moved the figures).
    const url = new URL(target.url);
    const pool = new Pool(url.origin, { connections: CONCURRENCY, ...(target.socketPath ? { socketPath: target.socketPath } : {}) });
    const call = async () => {
      const answer = await pool.request({ path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', ...target.headers }, body });
      const text = await answer.body.text();
      if (answer.statusCode !== 200 || !text.includes('"__typename":"Query"')) throw new Error(`${target.name}: ${answer.statusCode} ${text}`);
    };
    const run = async (count: number) => {
      let next = 0;
      await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
        while (next++ < count) await call();
      }));
    };
    await run(WARM_UP);
    const before = childCpuSecondsByProcess()![target.process]!;
    const driverBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    await run(CALLS);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = childCpuSecondsByProcess()![target.process]! - before;
    const driver = process.cpuUsage(driverBefore);
    const driverMs = (driver.user + driver.system) / 1000 / CALLS;
    say(`${target.name.padEnd(26)} ${(CALLS / seconds).toFixed(0).padStart(7)}   ${((cpu * 1000) / CALLS).toFixed(3)} · ${driverMs.toFixed(3)}`);
    await pool.close();
  }
});
