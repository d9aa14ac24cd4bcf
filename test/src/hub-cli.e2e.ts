import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Role } from '@pass/access';
import { parisMonthOf } from '@pass/contracts';
// No seeding: the national standard's column names for the generated file, and the importer
// itself, whose streaming (a batch written before the file is read) no API can observe.
import { defaultVenueSchema, importVenueCsv } from '@pass/venues';
import { hubCli, inParisMonth, startTestHub, type TestHub } from '@pass/test-kit';
import { atTime, redeem, scheduleSessions, venueToken } from './kit/fixtures';

/*
 * The operator CLI (`npm run hub -- …`), run in-process against the test database (with the demo
 * data): help, usage errors and exit codes, a generated 10,000-row venue file imported with
 * progress, streamed; books issued and a month closed for real, checked in the database (the CLI
 * writes straight to PostgreSQL, not through the gateway: its rows are what it did); a token
 * minted that the hub accepts. The reports commands' downloads are in reports.e2e.ts.
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

describe('npm run hub', () => {
  let hub: TestHub;
  let dir: string;
  beforeAll(async () => {
    hub = await startTestHub({ demo: true });
    process.env.DATABASE_URL = (hub.subgraphs.venues.dataSource.options as { url?: string }).url as string;
    dir = mkdtempSync(path.join(tmpdir(), 'hub-cli-'));
  });
  afterAll(async () => {
    delete process.env.DATABASE_URL;
    await hub?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
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

  test('a file refused as a whole imports nothing, says why with its code, and exits 4', async () => {
    const file = path.join(dir, 'semicolons.csv');
    writeFileSync(file, 'id;pivot;nom;commune\n1;00000000000000;EPN;Creil\n');
    const run = await hubCli(['venues', 'import', file]);
    expect(run.code).toBe(4);
    expect(run.stdout).toContain('nothing imported: the file was refused (NOT_COMMA_SEPARATED; see above)');
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
    const { report } = await importVenueCsv(db, source, { batchSize: 500, onProgress: () => void yieldedAtProgress.push(yielded) });
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

  const NEW_COMMANDS = ['books issue', 'month close', 'programme expire', 'reports d30', 'reports funder-statement', 'reports venue-statement', 'tokens mint'];

  test('each operator command explains itself with --help, and a bad command line exits with 2 and says why', async () => {
    const list = await hubCli(['--help']);
    for (const name of NEW_COMMANDS) {
      expect(list.stdout).toContain(`  ${name}`);
      const help = await hubCli([...name.split(' '), '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout.startsWith(`npm run hub -- ${name} `)).toBe(true);
      expect(help.stdout).toContain('Exit codes:');
    }
    const uuid = '00000000-0000-4000-8000-000000000000';
    const refusals: [string[], string][] = [
      [['books', 'issue'], 'expected --order <order id>'],
      [['books', 'issue', '--order', '42'], '--order must be an order id (a UUID), got "42"'],
      [['month', 'close', '2026-13'], 'the month must be written YYYY-MM (e.g. 2026-10), got "2026-13"'],
      [['month', 'close'], 'expected one month'],
      [['programme', 'expire', 'cso'], 'the programme id must be a UUID, got "cso"'],
      [['reports', 'd30', '--programme', 'cso'], '--programme must be a programme id (a UUID), got "cso"'],
      [['reports', 'venue-statement', '--venue', uuid], 'expected --month <a month written YYYY-MM>'],
      [['tokens', 'mint', '--role', 'king', '--org', 'x'], '--role must be one of'],
      [['tokens', 'mint', '--role', 'funder', '--org', 'x', '--expires', '400d'], '--expires must be a lifetime between 1s and'],
    ];
    for (const [args, message] of refusals) {
      const run = await hubCli(args);
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(run.stderr).toContain(message);
      expect(run.stderr).toContain(`(npm run hub -- ${args.slice(0, 2).join(' ')} --help)`);
    }
  });

  test('books issue: issues a paid order into the database with a progress bar, once; an unknown order is refused with 4', async () => {
    const demo = hub.demo!;
    const gql = async (query: string, variables: Record<string, unknown>) => {
      const { body } = await hub.graphql(query, variables);
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const { placeOrder } = await gql('mutation($p: ID!, $f: ID!) { placeOrder(input: { programmeId: $p, funderId: $f, bookCount: 12000, vouchersPerBook: 5 }) { order { id } error { code } } }', { p: demo.programmes.cso, f: demo.funders.cso });
    await gql('mutation($o: ID!) { recordOrderPayment(input: { orderId: $o }) { order { id } } }', { o: placeOrder.order.id });
    await hub.catchUp();
    const db = hub.subgraphs.vouchers.dataSource;
    const run = await hubCli(['books', 'issue', '--order', placeOrder.order.id]);
    expect(run.code).toBe(0);
    const progress = run.stderr.split('\n').filter((line) => line.startsWith('books issue '));
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toMatch(/^books issue 100% 12,000 of 12,000 books, 60,000 vouchers \([\d,]+ vouchers\/s\)$/);
    expect(run.stdout).toMatch(/^12,000 books, 60,000 vouchers issued in [\d.]+ s\n$/);
    const [counts] = await db.query(
      `select (select count(*)::int from book where order_id = $1) as books,
              (select count(*)::int from voucher v join book b on b.id = v.book_id where b.order_id = $1 and v.state = 'AVAILABLE') as vouchers,
              (select issued_at is not null from paid_order where order_id = $1) as issued`,
      [placeOrder.order.id],
    );
    expect(counts).toEqual({ books: 12_000, vouchers: 60_000, issued: true });

    const again = await hubCli(['books', 'issue', '--order', placeOrder.order.id]);
    expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining('was already issued (12,000 books of 5 vouchers): nothing to do') });
    const [{ n }] = await db.query('select count(*)::int as n from book where order_id = $1', [placeOrder.order.id]);
    expect(n).toBe(12_000);

    const unknown = await hubCli(['books', 'issue', '--order', '00000000-0000-4000-8000-000000000000']);
    expect(unknown.code).toBe(4);
    expect(unknown.stderr).toContain('order 00000000-0000-4000-8000-000000000000 is unknown or not paid yet');
  });

  test("month close: writes last month's statements into the database, once; a month not ended is refused with 4", async () => {
    const demo = hub.demo!;
    const db = hub.subgraphs.vouchers.dataSource;
    const gestUp = demo.venues.gestUp!;
    // One redemption last month at Gest'Up, with a book of Montataire's that has a sitting left.
    const books = await Promise.all(
      demo.handedOutBooks
        .filter((b) => b.distributor === 'peMontataire')
        .map(async (b) => (await hub.graphql('query($c: String!) { book(code: $c) { vouchers { code state } redemptions { session { id } } } }', { c: b.code })).body.data.book),
    );
    const book = books.sort((a, b) => a.redemptions.length - b.redemptions.length)[0];
    const voucherCode = book.vouchers.find((v: { state: string }) => v.state === 'AVAILABLE').code;
    const lastMonth = inParisMonth(-1);
    // A sitting on that day: a voucher is taken on its session's day or up to 7 days after.
    const sessionId = (await scheduleSessions(hub, gestUp, 1, 12, lastMonth))[0]!;
    const atGestUp = await venueToken(hub, gestUp);
    const redeemed = await atTime(hub, lastMonth, () => redeem(hub, atGestUp, { voucherCode, sessionId, idempotencyKey: `cli-month-${voucherCode}` }));
    expect(redeemed.error).toBeNull();
    const month = parisMonthOf(lastMonth);

    const run = await hubCli(['month', 'close', month]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`venue ${gestUp}: 1 redemptions, 10.00 €`);
    expect(run.stdout).toContain(`${month} closed in PostgreSQL from DATABASE_URL: 1 statements written now, 1 in all, 1 redemptions, 10.00 €`);
    // The CLI writes straight to PostgreSQL: its rows are what it did.
    const statements = () =>
      db.query(
        `select s.venue_id, s.total_cents::int as total, s.line_count, (select count(*)::int from reimbursement_line l where l.statement_id = s.id) as lines
           from reimbursement_statement s where s.month = $1`,
        [month],
      );
    expect(await statements()).toEqual([{ venue_id: gestUp, total: 1000, line_count: 1, lines: 1 }]);

    const again = await hubCli(['month', 'close', month]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 statements written now, 1 in all');
    expect(await statements()).toHaveLength(1);

    const current = await hubCli(['month', 'close', parisMonthOf(new Date())]);
    expect(current.code).toBe(4);
    expect(current.stderr).toContain('MONTH_NOT_ENDED');
    const [{ n }] = await db.query('select count(*)::int as n from reimbursement_statement where month = $1', [parisMonthOf(new Date())]);
    expect(n).toBe(0);
  });

  test('programme expire: a programme still running is refused with 4 and nothing is blocked', async () => {
    const programmeId = hub.demo!.programmes.bfc;
    const db = hub.subgraphs.vouchers.dataSource;
    const available = async () => (await db.query(`select count(*)::int as n from voucher where programme_id = $1 and state = 'AVAILABLE'`, [programmeId]))[0].n;
    const before = await available();
    expect(before).toBeGreaterThan(0);
    const run = await hubCli(['programme', 'expire', programmeId]);
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('PROGRAMME_STILL_VALID: vouchers can be redeemed until');
    expect(await available()).toBe(before);
    const unknown = await hubCli(['programme', 'expire', '00000000-0000-4000-8000-000000000000']);
    expect(unknown).toMatchObject({ code: 4, stderr: expect.stringContaining('PROGRAMME_NOT_FOUND: no programme 00000000-0000-4000-8000-000000000000') });
  });

  test('tokens mint: a token signed with the key file, which the hub accepts', async () => {
    const keys = path.join(dir, 'keys');
    mkdirSync(keys);
    writeFileSync(path.join(keys, 'hub-keys.json'), JSON.stringify(hub.keys));
    process.env.PASS_KEYS_DIR = keys;
    try {
      const run = await hubCli(['tokens', 'mint', '--role', Role.FUNDER, '--org', hub.demo!.funders.cso, '--expires', '10m']);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/^token id \S+ \(revoke with: npm run token -- --revoke \S+\)\n$/);
      const token = run.stdout.trim();
      const answer = await hub.graphqlAs(token, 'query($id: ID!) { funder(id: $id) { name } }', { id: hub.demo!.funders.cso });
      expect(answer).toMatchObject({ status: 200, body: { data: { funder: { name: expect.any(String) } } } });
      expect(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString())).toMatchObject({ role: Role.FUNDER });
    } finally {
      delete process.env.PASS_KEYS_DIR;
    }
  });
});
