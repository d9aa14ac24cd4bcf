import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileClock, SettableClock, createScratchDatabase } from '@pass/kit';
import { Role, mintPartnerToken, type Caller } from '@pass/access';
import { createLogger } from '@pass/runtime';
import { sampleValue, scrape, type Scrape } from './prometheus-text';
import { loadDemoData, startHub, startProcessHub, warningsSink, type DemoData, type Hub, type HubOptions, type ProcessHub } from '@pass/clients';

export interface TestHub extends Hub {
  demo: DemoData | null;
  /** Under PASS_TEST_LAYOUT=processes: the gateway's and each subgraph's process, as the launcher runs them. */
  processes?: ProcessHub['processes'];
  /** POSTs one GraphQL request to the gateway as the operator; returns the HTTP status and body. */
  graphql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer<T>>;
  /** The same, with the given bearer token (or none). */
  graphqlAs<T = any>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer<T>>;
  /** A partner token signed by this hub's key. */
  tokenFor(caller: Partial<Omit<Caller, 'tokenId'>> & { role: Role }, expiresIn?: string | number): Promise<string>;
  /**
   * The time the subgraphs' rules read (a redemption's day, a month that has ended, a programme's
   * last day): `hub.clock.set(date)` moves it for every following request, `hub.clock.reset()`
   * brings back the real time. Tokens, rate limits and the database's own timestamps keep the real
   * time. Under PASS_TEST_LAYOUT=processes the subgraphs, in other processes, read it from a file
   * this clock writes (`PASS_CLOCK_FILE`), so it moves them just the same.
   */
  clock: TestClock;
  /** The gateway's live figures as its `/metrics` gives them: the same in either layout. */
  liveStats(): Promise<{ subscriptions: number; slowConsumersClosed: number }>;
  /** SQL statements each subgraph's requests have sent so far (`db_statements_total` on its `/metrics`), in either layout. */
  sqlStatements(): Promise<Record<string, number>>;
}

/** The subgraphs' clock as a test moves it: in-process (`SettableClock`) or through a file (`FileClock`). */
export type TestClock = Pick<SettableClock, 'now' | 'set' | 'reset'>;

export interface GraphQLAnswer<T> {
  status: number;
  body: { data?: T; errors?: any[] };
}

/** `single` (the default): the hub in the test's process; `processes`: as `npm start` runs it. */
export const testLayout = (): 'single' | 'processes' => (process.env.PASS_TEST_LAYOUT === 'processes' ? 'processes' : 'single');

/**
 * The whole hub on free ports over a fresh database, optionally with the demo data. Every test
 * file that calls this must `close()` it in `afterAll`.
 *
 * With PASS_TEST_LAYOUT=processes (or `layout: 'processes'`) the launcher starts the gateway and
 * each subgraph as processes of their own, as `npm start` does; the test still reaches each
 * subgraph's tables (`hub.subgraphs.<name>.dataSource`, opened from the test's process), and
 * `catchUp` follows the replicas in the database. What only exists inside a process (`hub.gateway`,
 * a subgraph's `events` or `metrics` objects) throws, naming the layout, in that mode.
 */
export async function startTestHub(
  options: { demo?: boolean; persistedOnly?: boolean; gateway?: HubOptions['gateway']; layout?: 'single' | 'processes' } = {},
): Promise<TestHub> {
  const serverUrl = process.env.PASS_TEST_SERVER_URL;
  if (!serverUrl) throw new Error('PASS_TEST_SERVER_URL is unset: run the tests through jest (its globalSetup starts PostgreSQL)');
  const database = await createScratchDatabase(serverUrl);
  const logger = createLogger('test-hub');
  const layout = options.layout ?? testLayout();
  let hub: Hub & { processes?: ProcessHub['processes'] };
  // In the processes layout the subgraphs read the clock from a file in a private folder (mkdtemp: 0700).
  const clockDir = layout === 'processes' ? mkdtempSync(path.join(tmpdir(), 'pass-clock-')) : null;
  const clock: TestClock = clockDir ? new FileClock(path.join(clockDir, 'now')) : new SettableClock();
  const removeClock = () => clockDir && rmSync(clockDir, { recursive: true, force: true });
  try {
    hub =
      clock instanceof FileClock
        ? asInProcessShape(
            await startProcessHub({
              databaseUrl: database.url,
              logger,
              persistedOnly: options.persistedOnly ?? false,
              gateway: processGatewayOptions(options.gateway),
              sink: warningsSink(),
              clockFile: clock.path,
            }),
          )
        : await startHub({ databaseUrl: database.url, logger, persistedOnly: options.persistedOnly ?? false, gateway: options.gateway, clock: clock as SettableClock });
  } catch (err) {
    removeClock();
    await database.drop().catch(() => undefined);
    throw err;
  }
  const demo = options.demo ? await loadDemoData(hub) : null;
  const tokenFor: TestHub['tokenFor'] = (caller, expiresIn = '1h') =>
    mintPartnerToken(
      hub.keys.partnerSigning,
      { organisationId: caller.organisationId ?? `${caller.role}-test`, role: caller.role, scopes: caller.scopes ?? ['read', 'write'], ...(caller.programmeIds ? { programmeIds: caller.programmeIds } : {}) },
      { expiresIn },
    );
  const operatorToken = await tokenFor({ role: Role.OPERATOR, organisationId: 'operator' });
  const graphqlAs: TestHub['graphqlAs'] = async (token, query, variables) => {
    const response = await fetch(hub.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
  };
  return {
    ...hub,
    demo,
    clock,
    liveStats: async () => {
      const scraped = await scrape(metricsUrlOf(hub.gatewayUrl));
      return { subscriptions: sampleOf(scraped, 'gateway_live_subscriptions'), slowConsumersClosed: sampleOf(scraped, 'gateway_live_slow_consumers_closed_total') };
    },
    sqlStatements: async () =>
      Object.fromEntries(
        await Promise.all(Object.entries(hub.subgraphUrls).map(async ([name, url]) => [name, sampleOf(await scrape(metricsUrlOf(url)), 'db_statements_total')] as const)),
      ),
    tokenFor,
    graphqlAs,
    graphql: (query, variables) => graphqlAs(operatorToken, query, variables),
    close: async () => {
      await hub.close();
      removeClock();
      await database.drop();
    },
  };
}
export { everyNode, type PageOf } from './pages';
export { hubCli, type CliRun } from './cli';
export { accepted } from './accepted';

/** All the subgraphs' SQL statements so far (`hub.sqlStatements()`, summed): a request's cost is the difference. */
export const totalSqlStatements = async (hub: TestHub): Promise<number> => Object.values(await hub.sqlStatements()).reduce((sum, n) => sum + n, 0);

const metricsUrlOf = (graphqlUrl: string) => graphqlUrl.replace(/graphql$/, 'metrics');

/** A sample that must be there: a metric missing from `/metrics` fails the test rather than reading 0. */
function sampleOf(scraped: Scrape, name: string): number {
  if (!scraped.series.has(name)) throw new Error(`/metrics has no ${name}`);
  return sampleValue(scraped, name);
}

/** Options a gateway process takes from its environment (`PASS_LIVE_*` for the live settings it reads). */
function processGatewayOptions(gateway: HubOptions['gateway']): ProcessHubGateway {
  if (!gateway) return undefined;
  const { live, ...rest } = gateway;
  if (!live) return rest;
  const { pollMs, maxSubscriptionsPerToken, maxQueuedEvents, keepAliveMs, ...others } = live;
  const unread = Object.keys(others);
  if (unread.length > 0) throw new Error(`gateway.live.${unread.join(', ')} has no variable a gateway process reads: this suite needs the single layout`);
  return { ...rest, live: { pollMs, maxSubscriptionsPerToken, maxQueuedEvents, keepAliveMs } };
}
type ProcessHubGateway = Parameters<typeof startProcessHub>[0]['gateway'];

/** A process hub in the in-process hub's shape: what lives in another process throws when touched. */
function asInProcessShape(hub: ProcessHub): Hub & { processes: ProcessHub['processes'] } {
  const subgraphs = Object.fromEntries(
    Object.entries(hub.subgraphs).map(([name, data]) => [name, inProcessOnly(`the ${name} subgraph object`, { name, dataSource: data.dataSource })]),
  ) as unknown as Hub['subgraphs'];
  return { ...hub, layout: 'processes', subgraphs, gateway: inProcessOnly('the gateway object') as Hub['gateway'] } as unknown as Hub & { processes: ProcessHub['processes'] };
}

function inProcessOnly(what: string, known: Record<string, unknown> = {}): object {
  return new Proxy(known, {
      get(target, property) {
        if (typeof property === 'string' && property in target) return target[property];
        if (property === 'then' || typeof property === 'symbol') return undefined;
        throw new Error(`${what} (.${String(property)}) lives in another process under PASS_TEST_LAYOUT=processes: this suite needs the single layout`);
      },
  });
}
export { inParisMonth } from './months';
