import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Role } from '@pass/access';
import { parisDayOf, parisMonthOf } from '@pass/contracts';
import { partnerOperations } from '@pass/clients';
import { hubCli as cli, startTestHub, type TestHub } from '@pass/test-kit';
import { atTime, closeMonth, expireProgramme } from './kit/fixtures';

/*
 * The CSV reports (GET /reports/<name>.csv and `npm run hub -- reports …`), on a hub in
 * production mode (registered operations only): each file's rows are the figures the same
 * registered operation gives in GraphQL to the same caller, written for French spreadsheets, and
 * the access rules of GraphQL hold (a venue cannot download another venue's statement).
 */

/** Spreadsheet CSV read back without the writer: `;` between cells, CRLF, quoted cells with doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (quoted) {
      cell += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ';') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length > 0) throw new Error('the last line has no CRLF');
  return rows;
}

/** `1234,50` → 123450, refusing anything but a decimal comma with two decimals. */
function centsOf(cell: string | undefined): number {
  const match = /^(-?)(\d+),(\d{2})$/.exec(cell ?? '');
  if (!match) throw new Error(`not an amount with a decimal comma: ${JSON.stringify(cell)}`);
  return (match[1] ? -1 : 1) * (Number(match[2]) * 100 + Number(match[3]));
}

interface Download {
  status: number;
  contentType: string | null;
  disposition: string | null;
  bytes: Buffer;
  /** The rows, the header first, the BOM checked and removed. */
  rows: string[][];
  /** Rows as records by header name. */
  records: Record<string, string>[];
  error?: { message: string; extensions: { code: string } };
}

describe('CSV reports', () => {
  let hub: TestHub;
  let base: string;
  let month: string;
  let dir: string;
  const tokens: Record<'funder' | 'otherFunder' | 'gestUp' | 'dijon' | 'operator', string> = {} as never;
  const document = (name: string) => partnerOperations().find((o) => o.name === name)!.document;

  beforeAll(async () => {
    hub = await startTestHub({ demo: true, persistedOnly: true });
    base = hub.gatewayUrl.replace(/\/graphql$/, '');
    const demo = hub.demo!;
    tokens.funder = await hub.tokenFor({ role: Role.FUNDER, organisationId: demo.funders.cso });
    tokens.otherFunder = await hub.tokenFor({ role: Role.FUNDER, organisationId: demo.funders.bfc });
    tokens.gestUp = await hub.tokenFor({ role: Role.VENUE, organisationId: demo.venues.gestUp! });
    tokens.dijon = await hub.tokenFor({ role: Role.VENUE, organisationId: demo.venues.dijonEpn! });
    tokens.operator = await hub.tokenFor({ role: Role.OPERATOR, organisationId: 'operator' });
    // The demo's redemptions are of this month: close it as if it were over, for the statements.
    month = parisMonthOf(new Date());
    const closed = await atTime(hub, new Date(Date.now() + 40 * 86_400_000), () => closeMonth(hub, month));
    expect(closed.statements.length).toBeGreaterThanOrEqual(2);
    dir = mkdtempSync(path.join(tmpdir(), 'reports-'));
  });
  afterAll(async () => {
    // The hub first: a beforeAll that failed before `dir` was made must still stop it.
    await hub?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The registered operation, by its text, as the given caller (production mode accepts nothing else from partners). */
  async function graphql(token: string, operation: string, variables: Record<string, unknown>) {
    const { status, body } = await hub.graphqlAs(token, document(operation), variables);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  async function download(token: string | null, file: string, query: Record<string, string>): Promise<Download> {
    const response = await fetch(`${base}/reports/${file}?${new URLSearchParams(query)}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const bytes = Buffer.from(await response.arrayBuffer());
    const result: Download = { status: response.status, contentType: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), bytes, rows: [], records: [] };
    if (!response.ok) {
      result.error = JSON.parse(bytes.toString('utf8')).errors[0];
      return result;
    }
    // UTF-8 with a byte order mark, so that Excel reads the accents right.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toMatch(/^[a-z_]+(;[a-z_]+)+\r\n/);
    result.rows = parseCsv(text);
    const [header, ...rows] = result.rows;
    for (const row of rows) expect(row).toHaveLength(header!.length);
    result.records = rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])));
    return result;
  }

  test('the D-30 report: one row per distributor, the books not allocated, a TOTAL; the figures of expiryReport', async () => {
    const programmeId = hub.demo!.programmes.cso;
    const data = await graphql(tokens.funder, 'report-d30', { programmeId });
    const report = data.expiryReport;
    const csv = await download(tokens.funder, 'd30.csv', { programmeId });
    expect(csv.status).toBe(200);
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    expect(csv.disposition).toBe(`attachment; filename="echeance-j30-${programmeId}.csv"`);
    expect(csv.rows[0]).toEqual([
      'programme_id', 'programme', 'fin_validite', 'date_alerte', 'distributeur_id', 'distributeur',
      'carnets', 'carnets_remis', 'carnets_jamais_remis', 'carnets_entames', 'cheques_disponibles', 'valeur_disponible_eur',
    ]);
    expect(report.distributors.length).toBe(4);
    expect(report.booksNotAllocated).toBeGreaterThan(0);
    const byDistributor = csv.records.filter((r) => r.distributeur_id !== '');
    expect(byDistributor.map((r) => [r.distributeur_id, r.distributeur, Number(r.carnets), Number(r.carnets_remis), Number(r.carnets_jamais_remis), Number(r.carnets_entames)])).toEqual(
      report.distributors.map((d: any) => [d.distributor.id, d.distributor.name, d.booksAllocated, d.booksHandedOut, d.booksNeverHandedOut, d.booksStarted]),
    );
    for (const r of csv.records) expect([r.programme_id, r.programme, r.fin_validite, r.date_alerte]).toEqual([programmeId, 'Pass numérique Creil Sud Oise', report.validUntil, report.alertOn]);
    const [notAllocated, total] = csv.records.slice(-2);
    expect(notAllocated).toMatchObject({ distributeur: '(non attribués)', carnets: String(report.booksNotAllocated), carnets_remis: '0' });
    expect(total).toMatchObject({
      distributeur: 'TOTAL',
      carnets: String(report.booksIssued),
      carnets_remis: String(report.booksHandedOut),
      carnets_jamais_remis: String(report.booksNeverHandedOut),
      carnets_entames: String(report.booksStarted),
      cheques_disponibles: String(report.vouchersAvailable),
    });
    expect(centsOf(total!.valeur_disponible_eur)).toBe(report.availableCents);
    expect(report.availableCents).toBeGreaterThan(0);
    // The books add up: every book is some distributor's or not allocated.
    expect(csv.records.slice(0, -1).reduce((sum, r) => sum + Number(r.carnets), 0)).toBe(report.booksIssued);
  });

  test("a funder of another programme gets a 403, not the file; no token is a 401; a bad id a 400", async () => {
    const programmeId = hub.demo!.programmes.cso;
    const refused = await download(tokens.otherFunder, 'd30.csv', { programmeId });
    expect(refused).toMatchObject({ status: 403, error: { extensions: { code: 'FORBIDDEN' } } });
    expect(refused.bytes.toString('utf8')).not.toContain('distributeur');
    expect((await download(null, 'd30.csv', { programmeId })).status).toBe(401);
    expect(await download(tokens.funder, 'd30.csv', { programmeId: 'cso' })).toMatchObject({ status: 400, error: { message: "programmeId must be the programme's id (a UUID)" } });
    expect(await download(tokens.funder, 'nothing.csv', { programmeId })).toMatchObject({ status: 404, error: { extensions: { code: 'REPORT_NOT_FOUND' } } });
  });

  test('the funder statement: each co-funder’s part of paid, redeemed, outstanding and credited back, columns summing to the ledger — before and after expiry', async () => {
    const programmeId = hub.demo!.programmes.cso;
    const check = async () => {
      const { programme } = await graphql(tokens.funder, 'report-funder-statement', { programmeId });
      const csv = await download(tokens.funder, 'funder-statement.csv', { programmeId });
      expect(csv.status).toBe(200);
      expect(csv.rows[0]).toEqual(['programme_id', 'programme', 'debut_validite', 'fin_validite', 'financeur_id', 'financeur', 'part_pct', 'paye_eur', 'utilise_eur', 'en_circulation_eur', 'recredite_eur']);
      const lines = csv.records.slice(0, -1);
      const total = csv.records.at(-1)!;
      expect(programme.funderStatement).toHaveLength(3);
      expect(lines.map((r) => [r.financeur_id, r.financeur, r.part_pct, centsOf(r.paye_eur), centsOf(r.utilise_eur), centsOf(r.en_circulation_eur), centsOf(r.recredite_eur)])).toEqual(
        programme.funderStatement.map((l: any) => [l.funder.id, l.funder.name, `${Math.floor(l.basisPoints / 100)},${String(l.basisPoints % 100).padStart(2, '0')}`, l.paidCents, l.redeemedCents, l.outstandingCents, l.creditedBackCents]),
      );
      const ledger = programme.ledger;
      expect(ledger.balanced).toBe(true);
      expect(total).toMatchObject({ financeur: 'TOTAL', part_pct: '100,00' });
      const column = (name: string) => lines.reduce((sum, r) => sum + centsOf(r[name]), 0);
      for (const [name, figure] of [['paye_eur', ledger.orderedCents], ['utilise_eur', ledger.redeemedCents], ['en_circulation_eur', ledger.outstandingCents], ['recredite_eur', ledger.creditedBackCents]] as const) {
        expect(centsOf(total[name])).toBe(figure);
        expect(column(name)).toBe(figure);
      }
      // Each part is its share of the figure, within a cent (largest remainder).
      for (const [i, l] of programme.funderStatement.entries()) {
        expect(Math.abs(l.paidCents - (ledger.orderedCents * l.basisPoints) / 10_000)).toBeLessThan(1);
        expect(Math.abs(l.redeemedCents - (ledger.redeemedCents * l.basisPoints) / 10_000)).toBeLessThan(1);
        expect(lines[i]!.financeur_id).toBe(l.funder.id);
      }
      return { ledger, lines };
    };
    const before = await check();
    expect(before.ledger.redeemedCents).toBeGreaterThan(0);
    expect(before.ledger.outstandingCents).toBeGreaterThan(0);
    expect(before.ledger.creditedBackCents).toBe(0);
    // The CSO programme expires (its end as if passed): the outstanding value goes back to its funders.
    // Refused (PROGRAMME_STILL_VALID or another code) would throw.
    const expired = await atTime(hub, new Date(Date.now() + 3 * 366 * 86_400_000), () => expireProgramme(hub, programmeId));
    const after = await check();
    expect(after.ledger.outstandingCents).toBe(0);
    expect(after.ledger.creditedBackCents).toBe(before.ledger.outstandingCents);
    // What each funder was credited at expiry, to the cent.
    expect(expired.credits!).toHaveLength(3);
    expect(after.lines.map((r) => centsOf(r.recredite_eur))).toEqual(after.lines.map((r) => expired.credits!.find((c) => c.funder.id === r.financeur_id)!.amountCents));
  });

  test("a venue's monthly statement: one row per redemption paid and a TOTAL, the figures of its statement", async () => {
    const venueId = hub.demo!.venues.gestUp!;
    const { venue } = await graphql(tokens.gestUp, 'report-venue-statement', { venueId, month });
    const statement = venue.statement;
    expect(statement.lineCount).toBeGreaterThan(0);
    const csv = await download(tokens.gestUp, 'venue-statement.csv', { venueId, month });
    expect(csv.status).toBe(200);
    expect(csv.disposition).toBe(`attachment; filename="releve-${month}-${venueId}.csv"`);
    expect(csv.rows[0]).toEqual(['lieu_id', 'lieu', 'siret', 'mois', 'utilise_le', 'code_cheque', 'programme', 'atelier', 'seance_le', 'montant_eur']);
    const lines = csv.records.slice(0, -1);
    expect(lines.map((r) => [r.code_cheque, centsOf(r.montant_eur), r.programme, r.atelier])).toEqual(
      statement.lines.map((l: any) => [l.voucherCode, l.amountCents, l.redemption.programme.name, l.session.workshop.topic]),
    );
    for (const [i, l] of statement.lines.entries()) {
      // Paris wall-clock time, which spreadsheets read as a date and time.
      expect(lines[i]!.utilise_le).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(lines[i]!.utilise_le!.slice(0, 10)).toBe(parisDayOf(new Date(l.redeemedAt)));
      expect(lines[i]).toMatchObject({ lieu_id: venueId, lieu: "Gest'Up", mois: month });
    }
    expect(csv.records.at(-1)).toMatchObject({ code_cheque: 'TOTAL', programme: `${statement.lineCount} chèque${statement.lineCount > 1 ? 's' : ''}` });
    expect(centsOf(csv.records.at(-1)!.montant_eur)).toBe(statement.totalCents);
    expect(lines.reduce((sum, r) => sum + centsOf(r.montant_eur), 0)).toBe(statement.totalCents);
  });

  test("a venue cannot download another venue's statement; the operator can; a month without one is a 404", async () => {
    const dijon = hub.demo!.venues.dijonEpn!;
    const refused = await download(tokens.gestUp, 'venue-statement.csv', { venueId: dijon, month });
    expect(refused).toMatchObject({ status: 403, error: { extensions: { code: 'FORBIDDEN' } } });
    expect(refused.bytes.toString('utf8')).not.toContain('code_cheque');
    const own = await download(tokens.dijon, 'venue-statement.csv', { venueId: dijon, month });
    const operator = await download(tokens.operator, 'venue-statement.csv', { venueId: dijon, month });
    expect(operator.status).toBe(200);
    expect(operator.bytes.equals(own.bytes)).toBe(true);
    expect(await download(tokens.dijon, 'venue-statement.csv', { venueId: dijon, month: '2020-01' })).toMatchObject({ status: 404, error: { extensions: { code: 'NOT_FOUND' } } });
    expect(await download(tokens.dijon, 'venue-statement.csv', { venueId: dijon, month: '2020-13' })).toMatchObject({ status: 400, error: { message: 'month must be a month, YYYY-MM' } });
  });

  test('the CLI downloads the same file through the API, and says when the hub refuses', async () => {
    const programmeId = hub.demo!.programmes.cso;
    const file = path.join(dir, 'funders.csv');
    const run = await cli(['reports', 'funder-statement', '--programme', programmeId, '--hub', hub.gatewayUrl, '--token', tokens.funder, '--out', file]);
    expect(run).toMatchObject({ code: 0, stderr: `4 rows written to ${file}\n` });
    expect(readFileSync(file).equals((await download(tokens.funder, 'funder-statement.csv', { programmeId })).bytes)).toBe(true);
    const refused = await cli(['reports', 'venue-statement', '--venue', hub.demo!.venues.dijonEpn!, '--month', month, '--hub', hub.gatewayUrl, '--token', tokens.gestUp]);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('the hub refused (403 FORBIDDEN): not allowed: a reimbursement statement of another venue');
    expect(refused.stdout).toBe('');
  });
});
