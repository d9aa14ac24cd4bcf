import { SPREADSHEET_CSV, csvDocument, euros, type CsvCell } from '@pass/contracts';

/**
 * The reports a caller may download as CSV (`GET /reports/<name>.csv`): each is a registered
 * operation of clients/operations, run through the gateway as the caller, and a way to lay its
 * answer out as spreadsheet rows. The figures are the GraphQL answer's, unchanged; only their
 * writing changes (euros with a decimal comma, times in Paris).
 */

export interface ReportParameter {
  /** The query-string parameter, also the operation's variable. */
  name: string;
  pattern: RegExp;
  /** What a good value looks like, for the 400 answer. */
  expected: string;
}

export interface ReportTable {
  header: string[];
  rows: CsvCell[][];
  /** The file name the browser saves it as. */
  filename: string;
}

export interface ReportDefinition {
  name: string;
  /** The registered operation (its name in clients/operations). */
  operationName: string;
  parameters: ReportParameter[];
  /** The answer's data as rows; null when there is nothing to report (a 404). */
  toTable(data: any, variables: Record<string, string>): ReportTable | null;
}

const UUID: ReportParameter['pattern'] = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const programmeId: ReportParameter = { name: 'programmeId', pattern: UUID, expected: "the programme's id (a UUID)" };

// Built once; 'en-US' only for its parts, which formatToParts gives whatever the locale prints.
const PARIS_TIME = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant as Paris wall-clock time, `YYYY-MM-DD HH:MM:SS`, which French spreadsheets read as a date and time. */
export function parisDateTime(iso: string): string {
  const parts = Object.fromEntries(PARIS_TIME.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** Basis points as a percentage with a decimal comma: 6500 → `65,00`. */
export const percent = (basisPoints: number): string => euros(basisPoints);

export const REPORTS: ReportDefinition[] = [
  {
    name: 'd30',
    operationName: 'D30Report',
    parameters: [programmeId],
    toTable(data) {
      const { programme, expiryReport: r } = data;
      const lead = [programme.id, programme.name, r.validUntil, r.alertOn];
      const rows: CsvCell[][] = r.distributors.map((d: any) => [
        ...lead,
        d.distributor.id,
        d.distributor.name,
        d.booksAllocated,
        d.booksHandedOut,
        d.booksNeverHandedOut,
        d.booksStarted,
        '',
        '',
      ]);
      if (r.booksNotAllocated > 0) rows.push([...lead, '', '(non attribués)', r.booksNotAllocated, 0, r.booksNotAllocated, 0, '', '']);
      rows.push([...lead, '', 'TOTAL', r.booksIssued, r.booksHandedOut, r.booksNeverHandedOut, r.booksStarted, r.vouchersAvailable, euros(r.availableCents)]);
      return {
        header: [
          'programme_id',
          'programme',
          'fin_validite',
          'date_alerte',
          'distributeur_id',
          'distributeur',
          'carnets',
          'carnets_remis',
          'carnets_jamais_remis',
          'carnets_entames',
          'cheques_disponibles',
          'valeur_disponible_eur',
        ],
        rows,
        filename: `echeance-j30-${programme.id}.csv`,
      };
    },
  },
  {
    name: 'funder-statement',
    operationName: 'FunderStatementReport',
    parameters: [programmeId],
    toTable(data) {
      const p = data.programme;
      const lead = [p.id, p.name, p.validFrom, p.validUntil];
      const rows: CsvCell[][] = p.funderStatement.map((line: any) => [
        ...lead,
        line.funder.id,
        line.funder.name,
        percent(line.basisPoints),
        euros(line.paidCents),
        euros(line.redeemedCents),
        euros(line.outstandingCents),
        euros(line.creditedBackCents),
      ]);
      const l = p.ledger;
      rows.push([...lead, '', 'TOTAL', percent(10_000), euros(l.orderedCents), euros(l.redeemedCents), euros(l.outstandingCents), euros(l.creditedBackCents)]);
      return {
        header: ['programme_id', 'programme', 'debut_validite', 'fin_validite', 'financeur_id', 'financeur', 'part_pct', 'paye_eur', 'utilise_eur', 'en_circulation_eur', 'recredite_eur'],
        rows,
        filename: `releve-financeurs-${p.id}.csv`,
      };
    },
  },
  {
    name: 'venue-statement',
    operationName: 'VenueStatementReport',
    parameters: [
      { name: 'venueId', pattern: UUID, expected: "the venue's id (a UUID)" },
      { name: 'month', pattern: /^\d{4}-(0[1-9]|1[0-2])$/, expected: 'a month, YYYY-MM' },
    ],
    toTable(data, variables) {
      const v = data.venue;
      const s = v.statement;
      if (!s) return null;
      const lead = [v.id, v.name, v.siret, s.month];
      const rows: CsvCell[][] = s.lines.map((line: any) => [
        ...lead,
        parisDateTime(line.redeemedAt),
        line.voucherCode,
        line.redemption.programme.name,
        line.session.workshop.topic,
        parisDateTime(line.session.startsAt),
        euros(line.amountCents),
      ]);
      // An operator's correction of an earlier, closed month is deducted here: one negative row
      // each, so the rows still add up to the TOTAL the statement pays.
      for (const c of s.corrections ?? []) {
        rows.push([
          ...lead,
          parisDateTime(c.redemption.redeemedAt),
          c.voucher.code,
          c.redemption.programme.name,
          `CORRECTION : ${c.reason}`,
          parisDateTime(c.redemption.session.startsAt),
          euros(-c.amountCents),
        ]);
      }
      rows.push([...lead, '', 'TOTAL', `${s.lineCount} chèque${s.lineCount > 1 ? 's' : ''}`, '', '', euros(s.totalCents)]);
      return {
        header: ['lieu_id', 'lieu', 'siret', 'mois', 'utilise_le', 'code_cheque', 'programme', 'atelier', 'seance_le', 'montant_eur'],
        rows,
        filename: `releve-${variables.month}-${v.id}.csv`,
      };
    },
  },
];

export function reportNamed(name: string): ReportDefinition | undefined {
  return REPORTS.find((r) => r.name === name);
}

/** The table as the file sent: spreadsheet CSV (BOM, `;`, CRLF). */
export function reportCsv(table: ReportTable): string {
  return csvDocument(table.header, table.rows, SPREADSHEET_CSV);
}
