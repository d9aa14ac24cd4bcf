import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { GeneratedFile } from './typed-operations';

/**
 * The generator in a child process, from the compiled package (`npm test` builds first): jest's
 * module loader cannot require the generator's ESM-only dependencies, which Node itself can.
 */
export function generateTypedOperationsInChildProcess(apiSdl: string): GeneratedFile[] {
  const script = `
    const { generateTypedOperations } = require(${JSON.stringify(path.resolve(__dirname, '..', 'dist', 'typed-operations.js'))});
    let sdl = '';
    process.stdin.on('data', (chunk) => (sdl += chunk)).on('end', () =>
      generateTypedOperations(sdl, false).then(
        (files) => process.stdout.write(JSON.stringify(files)),
        (err) => { process.stderr.write(String(err && err.message || err)); process.exit(1); },
      ));`;
  const child = spawnSync(process.execPath, ['-e', script], { input: apiSdl, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`typed operations do not generate:\n${child.stderr}`);
  return JSON.parse(child.stdout) as GeneratedFile[];
}
