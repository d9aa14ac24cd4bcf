import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { DataSource } from 'typeorm';
import { refusal, type Refusal } from '@pass/kit';
import { CSV_OPTIONS, VenueRowReader, malformedCsvError, type FileFault, type RowError, type ImportedVenue } from './venue-import';
import { ImportVenuesErrorCode } from './venue.inputs';
import { upsertVenues } from './venue.manager';
import { venueRecordOf } from './venue-standard';

export interface ImportProgress {
  /** Venue rows read so far (the header and blank lines not counted). */
  rowsRead: number;
  imported: number;
  rejected: number;
}

export interface VenueImportReport extends ImportProgress {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Every bad row's errors, up to `maxErrors`; `errorsOmitted` counts the rest. */
  errors: RowError[];
  errorsOmitted: number;
}

/** The report, and the refusal of the whole file if a file-level problem kept every row out (nothing written). */
export interface VenueImportAnswer {
  report: VenueImportReport;
  error: Refusal<ImportVenuesErrorCode> | null;
}

export interface ImportOptions {
  /** Rows per upsert statement; memory holds one batch at a time. */
  batchSize?: number;
  maxErrors?: number;
  /** Called after each batch is written, and once at the end. */
  onProgress?: (progress: ImportProgress) => void;
  /** Sees each accepted row before it is written (the older cartography export turns some into proposals). */
  onVenue?: (venue: ImportedVenue) => void;
}

export type CsvSource = string | Buffer | AsyncIterable<string | Buffer> | NodeJS.ReadableStream;

/**
 * Imports a CSV in the venue standard, streaming it: records are parsed as the file arrives and
 * written in batches, so memory holds one batch plus the ids seen (to report a repeated `id`),
 * whatever the size of the file. Good rows are upserted by (`source`, `id`); bad rows are
 * reported with their row, column and reason. The file is one transaction: a structural problem
 * (a missing required column, an unclosed quote) writes nothing, and the answer carries the refusal.
 */
export async function importVenueCsv(db: DataSource, source: CsvSource, options: ImportOptions = {}): Promise<VenueImportAnswer> {
  const batchSize = options.batchSize ?? 500;
  const maxErrors = options.maxErrors ?? 10_000;
  const report: VenueImportReport = {
    rowsRead: 0,
    imported: 0,
    rejected: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    errors: [],
    errorsOmitted: 0,
  };
  let fault: { code: FileFault; errors: RowError[] } | undefined;
  const addErrors = (errors: RowError[]): void => {
    for (const error of errors) {
      if (report.errors.length < maxErrors) report.errors.push(error);
      else report.errorsOmitted++;
    }
  };
  const progress = (): void => options.onProgress?.({ rowsRead: report.rowsRead, imported: report.imported, rejected: report.rejected });

  const input = typeof source === 'string' || Buffer.isBuffer(source) ? Readable.from([source]) : Readable.from(source as AsyncIterable<string | Buffer>);
  const parser = input.pipe(parse(CSV_OPTIONS));
  // A small file is parsed whole while the transaction begins: a parse error then comes before the
  // loop below listens, and would be an unhandled 'error' event. The loop still throws it (the
  // stream keeps its error), and it becomes the MALFORMED_CSV refusal.
  parser.on('error', () => undefined);
  const reader = new VenueRowReader();

  try {
    await db.transaction(async (tx) => {
      let record = 0;
      let batch: ImportedVenue[] = [];
      const flush = async (): Promise<void> => {
        const counts = await upsertVenues(tx, batch.map(venueRecordOf));
        report.inserted += counts.inserted;
        report.updated += counts.updated;
        report.unchanged += counts.unchanged;
        report.imported += batch.length;
        batch = [];
        progress();
      };
      for await (const cells of parser as AsyncIterable<string[]>) {
        record++;
        if (record === 1) {
          const header = reader.readHeader(cells);
          addErrors(header.errors);
          if (header.fault) {
            fault = { code: header.fault, errors: header.errors };
            throw new AbortImport();
          }
          continue;
        }
        const reading = reader.readRow(cells, record);
        if (!reading) continue;
        report.rowsRead++;
        if (reading.venue) {
          options.onVenue?.(reading.venue);
          batch.push(reading.venue);
          if (batch.length >= batchSize) await flush();
        } else {
          report.rejected++;
          addErrors(reading.errors);
        }
      }
      if (record === 0) {
        const empty = reader.readHeader(undefined);
        addErrors(empty.errors);
        fault = { code: empty.fault ?? 'EMPTY_FILE', errors: empty.errors };
        throw new AbortImport();
      }
      await flush();
    });
  } catch (error) {
    const malformed = malformedCsvError(error);
    if (!(error instanceof AbortImport) && !malformed) throw error;
    if (malformed) {
      addErrors([malformed]);
      fault = { code: 'MALFORMED_CSV', errors: [malformed] };
    }
    // The transaction rolled back: say so in the figures too.
    Object.assign(report, { imported: 0, inserted: 0, updated: 0, unchanged: 0 });
    input.destroy();
  }
  progress();
  if (!fault) return { report, error: null };
  // Every problem of the header in the message: a missing column is often the misnamed one beside it.
  return { report, error: refusal(ImportVenuesErrorCode[fault.code], fault.errors.map((e) => e.message).join('; ')) };
}

class AbortImport extends Error {
  constructor() {
    super('import aborted');
  }
}
