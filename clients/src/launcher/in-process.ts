import path from 'node:path';
import { createSubgraph, type Clock, type Subgraph } from '@pass/kit';
import { createLogger, type Logger } from '@pass/runtime';
import { generateHubKeys, type HubKeys } from '@pass/access';
import { createGateway, manifestFromPersistedDocuments, type Gateway, type GatewayOptions } from '@pass/gateway';
import { partnerOperations, persistedDocuments } from '../operations/operations';
import { readSupergraph, subgraphModules } from '@pass/schema';
import { HUB_PORTS, type SubgraphName } from '@pass/contracts';
import type { SubgraphData } from './hub-data';

/** The dashboard and venue pages as the build bundles them (from src/launcher or dist/launcher alike). */
export const builtPagesDir = path.resolve(__dirname, '..', '..', 'dist', 'pages');

export type { SubgraphName };

/** What either layout gives its caller: URLs, keys, each subgraph's tables, and replicas' progress. */
export interface HubHandle {
  /** `single`: one process (startHub); `processes`: a process per part (startProcessHub). */
  layout: 'single' | 'processes';
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  subgraphs: Record<SubgraphName, SubgraphData>;
  keys: HubKeys;
  /** Resolves once every subgraph has applied every fact published so far. */
  catchUp(): Promise<void>;
  close(): Promise<void>;
}

/** The hub in this process: its subgraphs and gateway are objects a test can reach into. */
export interface Hub extends HubHandle {
  subgraphs: Record<SubgraphName, Subgraph>;
  gateway: Gateway;
}

export interface HubOptions {
  databaseUrl: string;
  /** 0 (the default) picks free ports: what tests want. */
  gatewayPort?: number;
  subgraphPorts?: Partial<Record<SubgraphName, number>>;
  /** Production mode: partner roles may run the registered operations only. */
  persistedOnly?: boolean;
  /** Signing keys; fresh ones are generated when absent (tests). */
  keys?: HubKeys;
  logger?: Logger;
  /** Where the gateway binds (loopback by default); the subgraphs always stay on loopback. */
  gatewayHost?: string;
  /** CORS origins, introspection roles and rate limit, as `HubConfig` reads them. */
  gateway?: Pick<GatewayOptions, 'corsOrigins' | 'introspectionRoles' | 'rateLimit' | 'live'>;
  /** The subgraphs' rules' time: the real time unless given (tests inject a settable clock; in this layout only). */
  clock?: Clock;
}

/**
 * The whole hub in one process: four subgraphs, each on its own port and PostgreSQL schema, and
 * the gateway in front. `PASS_LAYOUT=single npm start` and the end-to-end tests call this;
 * `startProcessHub` (launcher.ts) runs the same parts as processes.
 */
export async function startHub(options: HubOptions): Promise<Hub> {
  const logger = options.logger ?? createLogger('hub');
  const keys = options.keys ?? (await generateHubKeys());
  const started: Subgraph[] = [];
  try {
    // One at a time: each runs its migrations, and the first creates the event bus.
    for (const { module } of subgraphModules) {
      started.push(
        await createSubgraph(module, {
          databaseUrl: options.databaseUrl,
          logger: logger.child({ subgraph: module.name }),
          gatewayPublicKey: keys.gateway.publicJwk,
          clock: options.clock,
        }),
      );
    }
    const urls = await Promise.all(
      started.map((s) => s.listen(options.subgraphPorts?.[s.name as SubgraphName] ?? (options.gatewayPort ? HUB_PORTS[s.name as SubgraphName] : 0))),
    );
    const subgraphs = Object.fromEntries(started.map((s) => [s.name, s])) as Record<SubgraphName, Subgraph>;
    const subgraphUrls = Object.fromEntries(started.map((s, i) => [s.name, urls[i]!])) as Record<SubgraphName, string>;
    const gateway = await createGateway({
      supergraphSdl: readSupergraph(),
      subgraphUrls,
      keys,
      databaseUrl: options.databaseUrl,
      operations: manifestFromPersistedDocuments(persistedDocuments()),
      // GraphiQL's tabs show the files as written, comments included.
      exampleOperations: partnerOperations(),
      persistedOnly: options.persistedOnly ?? false,
      pagesDir: builtPagesDir,
      logger: logger.child({ part: 'gateway' }),
      ...options.gateway,
    });
    const gatewayUrl = await gateway.listen(options.gatewayPort ?? 0, options.gatewayHost);
    return {
      layout: 'single',
      gatewayUrl,
      subgraphUrls,
      subgraphs,
      gateway,
      keys,
      catchUp: async () => {
        // One pass suffices: each catchUp reads after the call, and applying a fact publishes none.
        await Promise.all(started.map((s) => s.events.catchUp()));
      },
      close: async () => {
        await gateway.close();
        await Promise.all(started.map((s) => s.close()));
      },
    };
  } catch (err) {
    await Promise.all(started.map((s) => s.close().catch(() => undefined)));
    throw err;
  }
}
