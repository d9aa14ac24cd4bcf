import type { DataSource } from 'typeorm';
import type { Venue } from './venue.entity';
import { csvLine, standardColumns, standardRowOf } from './venue-standard';
import { venueStore } from './venue.store';

export interface ExportOptions {
  /** Only the venues declared by this source (the standard's `source`; '' for the hub's own). */
  source?: string;
  /** Rows fetched per query: memory holds one page. */
  pageSize?: number;
  onProgress?: (rowsWritten: number) => void;
}

/**
 * Writes every venue as a CSV in the national standard (UTF-8, comma-separated, every cell quoted,
 * `|` inside lists), in (`source`, `id`) order, one page at a time. Re-importing the output
 * changes nothing. `write` may return a promise to apply back-pressure (a file stream's drain).
 */
export async function exportVenueCsv(db: DataSource, write: (chunk: string) => void | Promise<void>, options: ExportOptions = {}): Promise<number> {
  const columns = standardColumns();
  const pageSize = options.pageSize ?? 1000;
  await write(csvLine(columns));
  let written = 0;
  let after: [string, string] | undefined;
  for (;;) {
    const page = await venueStore.exportPage(db, pageSize, options.source, after);
    if (page.length === 0) break;
    let chunk = '';
    for (const venue of page) {
      const row = standardRowOf(venue);
      chunk += csvLine(columns.map((name) => row[name] ?? ''));
    }
    await write(chunk);
    written += page.length;
    options.onProgress?.(written);
    const last = page[page.length - 1] as Venue;
    after = [last.source, last.sourceId];
    if (page.length < pageSize) break;
  }
  return written;
}
