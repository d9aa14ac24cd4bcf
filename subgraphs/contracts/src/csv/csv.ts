import { assertCents } from '../money/money';

/**
 * The hub's one CSV writer. Two dialects use it:
 *
 * - the national venue standard (venue export): comma, every cell quoted, LF line ends, no BOM —
 *   as the standard's own example file is written;
 * - spreadsheet reports for French users (`SPREADSHEET`): a BOM, `;` between cells, CRLF line
 *   ends, a cell quoted only when it holds a `;`, a quote or a line break. French Excel and
 *   LibreOffice open such a file with a double click: the BOM makes them read UTF-8 (without it
 *   Excel reads Windows-1252 and "Créteil" shows as "CrÃ©teil"), and `;` is their list separator
 *   because the comma is the decimal separator (see `euros`).
 */
export interface CsvDialect {
  separator: ',' | ';';
  /** `always`: every cell quoted; `needed`: only cells holding the separator, a quote or a line break. */
  quote: 'always' | 'needed';
  lineEnd: '\n' | '\r\n';
  /** Written once, before the header. */
  bom: boolean;
}

export const BYTE_ORDER_MARK = '\uFEFF';

export const VENUE_STANDARD_CSV: CsvDialect = { separator: ',', quote: 'always', lineEnd: '\n', bom: false };
export const SPREADSHEET_CSV: CsvDialect = { separator: ';', quote: 'needed', lineEnd: '\r\n', bom: true };

export type CsvCell = string | number | null | undefined;

/** One cell: a quote inside is doubled; null and undefined are empty. */
export function csvCell(value: CsvCell, dialect: CsvDialect): string {
  const text = value === null || value === undefined ? '' : String(value);
  const needsQuotes = dialect.quote === 'always' || text.includes(dialect.separator) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, its line end included. */
export function csvLine(cells: readonly CsvCell[], dialect: CsvDialect): string {
  return cells.map((cell) => csvCell(cell, dialect)).join(dialect.separator) + dialect.lineEnd;
}

/** A whole document: the BOM when the dialect has one, the header, then the rows. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvCell[])[], dialect: CsvDialect): string {
  return (dialect.bom ? BYTE_ORDER_MARK : '') + csvLine(header, dialect) + rows.map((row) => csvLine(row, dialect)).join('');
}

/**
 * Euro cents as a French spreadsheet reads a number: a decimal comma, two decimals, no thousands
 * separator (`1234,50`, `-0,05`). French Excel and LibreOffice take it as the number 1234.5, so
 * columns sum; a point (`1234.50`) would be read as text or, worse, as a date.
 */
export function euros(cents: number): string {
  assertCents(Math.abs(cents));
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const centPart = abs % 100;
  return `${sign}${(abs - centPart) / 100},${String(centPart).padStart(2, '0')}`;
}
