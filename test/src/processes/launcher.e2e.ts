import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createScratchDatabase, type ScratchDatabase } from '@pass/kit';
import { Role, mintPartnerToken } from '@pass/access';
import { createLogger } from '@pass/runtime';
import { startProcessHub, warningsSink, type ProcessHub } from '@pass/clients';

/*
 * The launcher with two gateway workers (node:cluster) on one port: both serve, one killed is
 * replaced, and `close()` leaves no process and no listening port behind.
 */
describe('the launcher', () => {
  let database: ScratchDatabase;
  let hub: ProcessHub;

  beforeAll(async () => {
    database = await createScratchDatabase(process.env.PASS_TEST_SERVER_URL!);
    hub = await startProcessHub({ databaseUrl: database.url, logger: createLogger('test-launcher'), gatewayWorkers: 2, sink: warningsSink() });
  }, 300_000);
  afterAll(async () => {
    await hub?.close();
    await database?.drop();
  });

  test("each subgraph process runs with the launcher's young-generation size", () => {
    for (const name of ['programmes', 'beneficiaries', 'venues', 'vouchers'] as const) {
      const environ = readFileSync(`/proc/${hub.processes[name].pid!}/environ`, 'utf8').split('\0');
      expect(environ.find((v) => v.startsWith('NODE_OPTIONS='))).toContain('--max-semi-space-size=32');
    }
  });

  test("the gateway is handed each subgraph's Unix socket, in a folder only this user can open, and each subgraph answers there", async () => {
    const gatewayEnviron = readFileSync(`/proc/${hub.processes.gateway.pid!}/environ`, 'utf8').split('\0');
    for (const name of ['programmes', 'beneficiaries', 'venues', 'vouchers'] as const) {
      const socket = hub.subgraphSockets[name]!;
      expect(path.isAbsolute(socket)).toBe(true);
      expect(gatewayEnviron).toContain(`${name.toUpperCase()}_SOCKET=${socket}`);
      expect(statSync(path.dirname(socket)).mode & 0o777).toBe(0o700);
      expect(await getOverSocket(socket, '/healthz')).toEqual({ status: 200, body: { status: 'ok', subgraph: name } });
    }
  });

  test('two gateway workers answer on one port; a killed worker is replaced; close stops every process', async () => {
    const token = await mintPartnerToken(hub.keys.partnerSigning, { organisationId: 'operator', role: Role.OPERATOR, scopes: ['read', 'write'] });
    const ask = async () => {
      const response = await fetch(hub.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ funders { id } }' }),
      });
      return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: unknown } };
    };
    const gatewayPid = hub.processes.gateway.pid!;
    const workers = () => childrenOf(gatewayPid);
    await waitUntil(async () => workers().length === 2, 'two gateway workers');
    for (const answer of await Promise.all(Array.from({ length: 10 }, ask))) expect(answer).toEqual({ status: 200, body: { data: { funders: [] } } });

    const [victim] = workers();
    process.kill(victim!, 'SIGKILL');
    await waitUntil(async () => workers().length === 2 && !workers().includes(victim!), 'a replacement worker');
    expect(hub.processes.gateway.pid).toBe(gatewayPid); // the primary stayed; only the worker was replaced
    // A connection fetch kept alive to the killed worker is reset once (ECONNRESET): a client's
    // retry, not a failure of the replacement; what must hold is that an answer comes.
    await waitUntil(() => ask().then((answer) => answer.status === 200, () => false), 'an answer after the replacement');

    // Both workers up again before the count: one CI run (1 Dec 2026) saw a single worker at this
    // point after the replacement had answered (never in reruns); the launcher restarts any worker
    // that dies, and what this test owns is that close() then leaves none behind.
    await waitUntil(async () => workers().length === 2, 'two gateway workers before close');
    const everyPid = [...Object.values(hub.processes).map((p) => p.pid!), ...workers()];
    expect(everyPid).toHaveLength(7);
    await hub.close();
    for (const pid of everyPid) expect(alive(pid)).toBe(false);
    await expect(fetch(hub.gatewayUrl.replace(/\/graphql$/, '/healthz'))).rejects.toThrow();
    for (const url of Object.values(hub.subgraphUrls)) await expect(fetch(url.replace(/\/graphql$/, '/healthz'))).rejects.toThrow();
    expect(existsSync(path.dirname(hub.subgraphSockets.vouchers!))).toBe(false);
  }, 300_000);
});

/** A GET over a Unix socket, its answer parsed. */
function getOverSocket(socketPath: string, requestPath: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    http
      .get({ socketPath, path: requestPath }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString()) }));
      })
      .on('error', reject);
  });
}

/** Live child processes of a pid, from /proc. */
function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (Number(fields[1]) === parent && fields[0] !== 'Z') children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

function alive(pid: number): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[0];
    return state !== 'Z';
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
