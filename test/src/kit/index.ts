import 'reflect-metadata';
import { SettableClock, createScratchDatabase } from '@pass/kit';
import { Role, mintPartnerToken, type Caller } from '@pass/access';
import { createLogger } from '@pass/runtime';
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
   * time. In the single layout only: under PASS_TEST_LAYOUT=processes the subgraphs run in other
   * processes, which take no clock from anyone, and touching it throws.
   */
  clock: SettableClock;
}

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
  const clock = new SettableClock();
  try {
    hub =
      layout === 'processes'
        ? asInProcessShape(await startProcessHub({ databaseUrl: database.url, logger, persistedOnly: options.persistedOnly ?? false, gateway: processGatewayOptions(options.gateway), sink: warningsSink() }))
        : await startHub({ databaseUrl: database.url, logger, persistedOnly: options.persistedOnly ?? false, gateway: options.gateway, clock });
  } catch (err) {
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
    clock: hub.layout === 'processes' ? (inProcessOnly('the subgraphs\' clock') as SettableClock) : clock,
    tokenFor,
    graphqlAs,
    graphql: (query, variables) => graphqlAs(operatorToken, query, variables),
    close: async () => {
      await hub.close();
      await database.drop();
    },
  };
}
export { everyNode, type PageOf } from './pages';
export { hubCli, type CliRun } from './cli';
export { accepted } from './accepted';

/** Options a gateway process takes from its environment; the others need the hub in-process. */
function processGatewayOptions(gateway: HubOptions['gateway']): ProcessHubGateway {
  if (!gateway) return undefined;
  const { live, ...rest } = gateway;
  if (live) throw new Error('gateway.live options need the hub in the test process: this suite cannot run with PASS_TEST_LAYOUT=processes');
  return rest;
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
