import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultVenueSchema, importVenueCsv } from '@pass/venues';
import { startTestHub, type TestHub } from '@pass/test-kit';
import { runHubCli } from '@pass/clients';

/*
 * The operator CLI (`npm run hub -- …`), run in-process against the test database: help, usage
 * errors and exit codes, and a generated 10,000-row venue file imported with progress, streamed.
 */

const COLUMNS = defaultVenueSchema().fields.map((f) => f.name);
const quote = (cell: string): string => `"${cell.replace(/"/g, '""')}"`;

/** Venues across a few communes; every 1,000th row has a postcode of another commune. */
function generatedRow(i: number): string {
  const places = [
    ['Creil', '60100', '60175'],
    ['Nogent-sur-Oise', '60180', '60463'],
    ['Guéret', '23000', '23096'],
    ['Dijon', '21000', '21231'],
  ] as const;
  const [commune, postcode, insee] = places[i % places.length]!;
  const cells: Record<string, string> = {
    id: `generated-${i}`,
    pivot: '00000000000000',
    nom: `Espace numérique n° ${i}`,
    commune,
    code_postal: i % 1000 === 999 ? '75001' : postcode,
    code_insee: insee,
    adresse: `${i} rue de la République`,
    horaires: 'Mo-Fr 09:00-12:00,14:00-18:00',
    source: 'Générateur de test',
    date_maj: '2024-05-01',
    services: 'Aide aux démarches administratives|Maîtrise des outils numériques du quotidien',
    presentation_detail: 'Accueil libre, ateliers collectifs et accompagnement individuel. '.repeat(3),
  };
  return COLUMNS.map((name) => quote(cells[name] ?? '')).join(',') + '\n';
}

function* generatedFile(rows: number, onRow?: (i: number) => void): Generator<string> {
  yield COLUMNS.map(quote).join(',') + '\n';
  for (let i = 0; i < rows; i++) {
    onRow?.(i + 1);
    yield generatedRow(i);
  }
}

/** Runs the CLI with its standard output and error captured. */
async function hubCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const code = await runHubCli(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('npm run hub', () => {
  let hub: TestHub;
  let dir: string;
  beforeAll(async () => {
    hub = await startTestHub();
    process.env.DATABASE_URL = (hub.subgraphs.venues.dataSource.options as { url?: string }).url as string;
    dir = mkdtempSync(path.join(tmpdir(), 'hub-cli-'));
  });
  afterAll(async () => {
    delete process.env.DATABASE_URL;
    rmSync(dir, { recursive: true, force: true });
    await hub?.close();
  });

  test('lists its commands, explains each with --help, and refuses a bad command line with exit code 2', async () => {
    const list = await hubCli(['--help']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('venues import');
    expect(list.stdout).toContain('venues export');
    const help = await hubCli(['venues', 'import', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^npm run hub -- venues import <file.csv>/);
    expect(help.stdout).toContain('Exit codes:');
    expect(await hubCli(['venues', 'frobnicate'])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command: venues frobnicate') });
    expect(await hubCli(['venues', 'import'])).toMatchObject({ code: 2, stderr: expect.stringContaining('expected one file') });
    expect(await hubCli(['venues', 'import', path.join(dir, 'missing.csv')])).toMatchObject({ code: 2, stderr: expect.stringContaining('no such file') });
    expect(await hubCli(['venues', 'import', 'x.csv', '--bogus'])).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--bogus'") });
  });

  test('imports a generated 10,000-row file, printing progress, the bad rows and the figures', async () => {
    const file = path.join(dir, 'venues-10000.csv');
    writeFileSync(file, [...generatedFile(10_000)].join(''));
    const run = await hubCli(['venues', 'import', file]);
    expect(run.code).toBe(3);
    // Progress on standard error: a line per tenth of the file when not on a terminal.
    const progressLines = run.stderr.split('\n').filter((line) => line.startsWith('venues import '));
    expect(progressLines.length).toBeGreaterThanOrEqual(5);
    expect(progressLines.at(-1)).toMatch(/^venues import 100% 10,000 rows, 9,990 imported, 10 refused/);
    expect(run.stdout).toContain('10,000 rows: 9,990 new, 0 updated, 0 unchanged, 10 refused');
    expect(run.stdout).toContain('row 1001, code_postal: Code postal (code_postal): postcode 75001 is not a postcode of Dijon (INSEE 21231), whose postcode is 21000');
    expect(run.stdout).toMatch(/rows\/s, peak memory \d+ MiB/);
    process.stderr.write(`10,000-row import (in-process, under jest): ${run.stdout.trim().split('\n').at(-1)}\n`);
    const [{ n }] = await hub.subgraphs.venues.dataSource.query("select count(*)::int as n from venue where source = 'Générateur de test'");
    expect(n).toBe(9_990);

    const again = await hubCli(['venues', 'import', file, '--quiet']);
    expect(again.stdout).toContain('10,000 rows: 0 new, 0 updated, 9,990 unchanged, 10 refused');
  });

  test('streams: the first batch is written long before the file has been read', async () => {
    let yielded = 0;
    const yieldedAtProgress: number[] = [];
    const db = hub.subgraphs.venues.dataSource;
    // A sync generator: the importer iterates it with for await, as it does a stream.
    const source = generatedFile(10_000, (i) => void (yielded = i)) as unknown as AsyncIterable<string>;
    const report = await importVenueCsv(db, source, { batchSize: 500, onProgress: () => void yieldedAtProgress.push(yielded) });
    expect(report.rowsRead).toBe(10_000);
    // Batches of 500 are written as rows arrive: memory holds a batch, not the file.
    expect(yieldedAtProgress.length).toBeGreaterThanOrEqual(20);
    expect(yieldedAtProgress[0]).toBeLessThan(2_000);
  });

  test('exports what it imported, to a file that re-imports unchanged', async () => {
    const file = path.join(dir, 'export.csv');
    const run = await hubCli(['venues', 'export', file, '--source', 'Générateur de test']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('9,990 venues exported');
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(9_991);
    const again = await hubCli(['venues', 'import', file, '--quiet']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('9,990 rows: 0 new, 0 updated, 9,990 unchanged, 0 refused');
  });
});
