import 'reflect-metadata';
import { createScratchDatabase, createLogger } from '@pass/kit';
import { loadDemoData, startHub, type DemoData, type Hub } from '@pass/clients';

export interface TestHub extends Hub {
  demo: DemoData | null;
  /** POSTs one GraphQL request to the gateway and returns the HTTP status and parsed body. */
  graphql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: { data?: T; errors?: any[] } }>;
}

/**
 * The whole hub on free ports over a fresh database, optionally with the demo data. Every test
 * file that calls this must `close()` it in `afterAll`.
 */
export async function startTestHub(options: { demo?: boolean } = {}): Promise<TestHub> {
  const serverUrl = process.env.PASS_TEST_SERVER_URL;
  if (!serverUrl) throw new Error('PASS_TEST_SERVER_URL is unset: run the tests through jest (its globalSetup starts PostgreSQL)');
  const database = await createScratchDatabase(serverUrl);
  const logger = createLogger('test-hub');
  const hub = await startHub({ databaseUrl: database.url, logger });
  const demo = options.demo ? await loadDemoData(hub) : null;
  return {
    ...hub,
    demo,
    graphql: async (query, variables) => {
      const response = await fetch(hub.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
    },
    close: async () => {
      await hub.close();
      await database.drop();
    },
  };
}
