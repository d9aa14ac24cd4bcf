import { runHubCli } from '@pass/clients';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run hub -- <args>` in-process, its standard output and error captured (progress included). */
export async function hubCli(args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const [write, writeError] = [process.stdout.write, process.stderr.write];
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  try {
    return { code: await runHubCli(args), stdout, stderr };
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeError;
  }
}
