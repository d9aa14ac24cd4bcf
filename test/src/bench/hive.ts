import { execFileSync } from 'node:child_process';
import { setMaxListeners } from 'node:events';
import { existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { startPartnerAuth } from '@pass/gateway';
import { AuthError, CALLER_HEADER, callerAssertionSigner, type HubKeys } from '@pass/access';
import { createLogger } from '@pass/runtime';
import { say } from './bench-kit';

/*
 * Hive Gateway (The Guild) beside ours in `npm run bench`, on the same supergraph and the same
 * subgraphs. It is installed by the bench itself into test/bench/hive (its own package.json and
 * committed package-lock.json; node_modules git-ignored, about 500 MB), never by `npm install` or
 * CI, and loaded from there with createRequire: nothing of it is a dependency of the hub.
 *
 * For fairness it does the work ours does per request: a small plugin verifies the partner token
 * with the gateway's own verifier (startPartnerAuth from @pass/gateway: key ring and revocations
 * from hub_auth, the same cache) and forwards the caller assertion signed by the same signer
 * (callerAssertionSigner from @pass/access, one assertion per caller reused for most of its minute).
 * Nothing of Hive is turned off: its in-flight deduplication (inbound requests keyed by all their
 * headers, subgraph fetches keyed by URL, body and headers) merges only identical requests, so
 * only requests of one caller (one token: one assertion) are ever merged — provided the assertion
 * is among the headers the key is computed from (see propagateHeaders below).
 */

export const HIVE_DIR = path.resolve(__dirname, '..', '..', 'bench', 'hive');

/** Installs Hive Gateway from its lockfile when absent (a few minutes the first time). */
export function ensureHiveInstalled(): void {
  if (existsSync(path.join(HIVE_DIR, 'node_modules', '@graphql-hive', 'gateway', 'package.json'))) return;
  say(`installing Hive Gateway into ${path.relative(process.cwd(), HIVE_DIR)} (npm ci from its own lockfile, ~500 MB, once)…`);
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--workspaces=false', '--ignore-scripts'], { cwd: HIVE_DIR, stdio: 'inherit' });
}

export function hiveVersions(): Record<string, string> {
  const require = createRequire(path.join(HIVE_DIR, 'package.json'));
  return Object.fromEntries(
    ['@graphql-hive/gateway', '@graphql-hive/gateway-runtime', '@graphql-hive/router-runtime', '@graphql-hive/router-query-planner'].map((name) => [
      name,
      (require(`${name}/package.json`) as { version: string }).version,
    ]),
  );
}

/** The supergraph with each subgraph's URL replaced by where it listens in this run. */
function withUrls(supergraphSdl: string, subgraphUrls: Record<string, string>): string {
  return supergraphSdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) =>
    subgraphUrls[name] ? `@join__graph(name: "${name}", url: "${subgraphUrls[name]}")` : whole,
  );
}

export interface HiveGateway {
  url: string;
  close(): Promise<void>;
}

// Hive is loaded at run time from its own folder: its API is typed `any` here.
export async function startHive(options: {
  planner: 'js' | 'rust';
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  keys: HubKeys;
  databaseUrl: string;
}): Promise<HiveGateway> {
  const require = createRequire(path.join(HIVE_DIR, 'package.json'));
  const hive = require('@graphql-hive/gateway') as any;
  const logger = createLogger(`hive-${options.planner}`);
  const auth = await startPartnerAuth({ databaseUrl: options.databaseUrl, keys: options.keys, logger });
  const sign = callerAssertionSigner(options.keys.gateway);
  const assertions = new WeakMap<object, string>();
  const refuse = (fetchAPI: any, status: number, message: string, reason: string) =>
    new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED', reason } }] }), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  const partnerAuthPlugin = {
    async onRequest({ request, url, endResponse, fetchAPI }: any) {
      if (!String(url.pathname).startsWith('/graphql')) return;
      const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
      try {
        if (!match) throw new AuthError('TOKEN_MISSING', 'send Authorization: Bearer <token>');
        assertions.set(request, await sign(await auth.verify(match[1]!)));
      } catch (err) {
        const failure = err instanceof AuthError ? err : new AuthError('TOKEN_INVALID', 'the token is not valid');
        endResponse(refuse(fetchAPI, 401, failure.message, failure.reason));
      }
    },
  };
  // Hive's fetch (@whatwg-node/node-fetch) adds an abort listener per subgraph call in flight to
  // one AbortSignal shared by its calls, so at 20 – 50 clients Node warned of a possible leak
  // (MaxListenersExceededWarning) on every run: not a leak, and not ours. The default is raised
  // for what is created from here on in this process; the load driver is in its own thread and
  // our hub in its own processes (a single-layout run shares it, and warns from 256 only).
  setMaxListeners(256);
  const runtime = hive.createGatewayRuntime({
    supergraph: withUrls(options.supergraphSdl, options.subgraphUrls),
    graphqlEndpoint: '/graphql',
    logging: 'error',
    plugins: () => [partnerAuthPlugin],
    // The assertion goes in as the subgraph request's own header (Hive's propagateHeaders sets it
    // before its fetch deduplication computes its key from URL, body and headers), so requests of
    // different callers are never merged. Set later, in an onFetch hook, it would be added after
    // the key is computed, and Hive would merge (and answer) one caller's request with another's.
    propagateHeaders: { fromClientToSubgraphs: ({ request }: any) => ({ [CALLER_HEADER]: assertions.get(request) }) },
    ...(options.planner === 'rust' ? { unifiedGraphHandler: (require('@graphql-hive/router-runtime') as any).unifiedGraphHandler } : {}),
  });
  const server = http.createServer(runtime);
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    url,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime[Symbol.asyncDispose]?.();
      await auth.close();
    },
  };
}
