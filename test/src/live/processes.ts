import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger } from '@pass/runtime';
import type { HubKeys } from '@pass/access';
import { SupervisedProcess, warningsSink } from '@pass/clients';

const root = path.resolve(__dirname, '..', '..', '..');

export interface Service {
  url: string;
  process: SupervisedProcess;
  stop(): Promise<void>;
}

/**
 * Starts a built entry point (`npm test` builds first) as its own process on a free port (or the
 * env's PORT), with the launcher's supervisor: it resolves once the process said ready and its
 * /readyz answers, forwards its warnings, and restarts it should it die unasked.
 */
export async function spawnService(entry: string, env: Record<string, string>): Promise<Service> {
  const name = entry.split('/').slice(-3, -2)[0] ?? entry;
  const child = new SupervisedProcess(
    { name, entry: path.join(root, entry), env: { HOST: '127.0.0.1', ...env }, port: Number(env.PORT ?? 0) },
    createLogger('test-processes'),
    warningsSink(),
  );
  const url = await child.start();
  return { url, process: child, stop: () => child.stop() };
}

/** The hub's key ring in a directory, as a gateway process reads it (PASS_KEYS_DIR). */
export function keysDir(keys: HubKeys): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pass-keys-'));
  writeFileSync(path.join(dir, 'hub-keys.json'), JSON.stringify(keys), { mode: 0o600 });
  return dir;
}

export const vouchersProcess = (databaseUrl: string, keys: HubKeys) =>
  spawnService('subgraphs/vouchers/dist/main.js', { DATABASE_URL: databaseUrl, PASS_GATEWAY_PUBLIC_JWK: JSON.stringify(keys.gateway.publicJwk) });

export const gatewayProcess = (databaseUrl: string, keys: HubKeys, subgraphUrls: Record<string, string>) =>
  spawnService('gateway/dist/main.js', {
    DATABASE_URL: databaseUrl,
    PASS_KEYS_DIR: keysDir(keys),
    PROGRAMMES_URL: subgraphUrls.programmes!,
    BENEFICIARIES_URL: subgraphUrls.beneficiaries!,
    VENUES_URL: subgraphUrls.venues!,
    VOUCHERS_URL: subgraphUrls.vouchers!,
  });
