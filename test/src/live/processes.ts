import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { HubKeys } from '@pass/kit';

const root = path.resolve(__dirname, '..', '..', '..');

export interface Service {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts a built entry point (`npm test` builds first) as its own process on a free port, and
 * resolves with the URL it logs when ready.
 */
export function spawnService(entry: string, env: Record<string, string>): Promise<Service> {
  const child = spawn(process.execPath, [path.join(root, entry)], {
    env: { ...process.env, LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => reject(new Error(`${entry} did not get ready`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        try {
          const record = JSON.parse(line) as { msg?: string; url?: string };
          if (record.url && record.msg?.includes('ready')) {
            clearTimeout(timer);
            resolve({ url: record.url, child, stop });
          }
        } catch {
          // not a log record
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}`));
    });
  });
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
