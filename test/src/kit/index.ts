import 'reflect-metadata';
import { Role, createScratchDatabase, createLogger, mintPartnerToken, type Caller } from '@pass/kit';
import { loadDemoData, startHub, type DemoData, type Hub, type HubOptions } from '@pass/clients';

export interface TestHub extends Hub {
  demo: DemoData | null;
  /** POSTs one GraphQL request to the gateway as the operator; returns the HTTP status and body. */
  graphql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer<T>>;
  /** The same, with the given bearer token (or none). */
  graphqlAs<T = any>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer<T>>;
  /** A partner token signed by this hub's key. */
  tokenFor(caller: Partial<Omit<Caller, 'tokenId'>> & { role: Role }, expiresIn?: string | number): Promise<string>;
}

export interface GraphQLAnswer<T> {
  status: number;
  body: { data?: T; errors?: any[] };
}

/**
 * The whole hub on free ports over a fresh database, optionally with the demo data. Every test
 * file that calls this must `close()` it in `afterAll`.
 */
export async function startTestHub(options: { demo?: boolean; persistedOnly?: boolean; gateway?: HubOptions['gateway'] } = {}): Promise<TestHub> {
  const serverUrl = process.env.PASS_TEST_SERVER_URL;
  if (!serverUrl) throw new Error('PASS_TEST_SERVER_URL is unset: run the tests through jest (its globalSetup starts PostgreSQL)');
  const database = await createScratchDatabase(serverUrl);
  const logger = createLogger('test-hub');
  const hub = await startHub({ databaseUrl: database.url, logger, persistedOnly: options.persistedOnly ?? false, gateway: options.gateway });
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
