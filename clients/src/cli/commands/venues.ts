import { createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs';
import { Transform } from 'node:stream';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { exportVenueCsv, importCartography2021, importVenueCsv, venuesSubgraph } from '@pass/venues';
import { CliError, ExitCode, Progress, formatNumber, openDatabase, openSubgraphTables, peakRssMiB, type Command } from '../cli-kit';

const IMPORT_HELP = `npm run hub -- venues import <file.csv> [--quiet]

Imports venues from a CSV in the national venue standard (standard-mediation-num v1.0.2:
comma-separated, UTF-8, "|" between the values of a multi-valued cell). The file is streamed:
memory stays flat whatever its size. Every row is checked (types, patterns, the standard's value
lists, opening hours, SIRET check digit, INSEE code and postcode agreeing; a missing INSEE code is
derived from the postcode and commune name). Good rows are upserted by (source, id), so importing
a file twice changes nothing; each bad row is reported with its row, column and reason.

  --quiet   print the summary only, not each error

Exit codes: 0 all rows imported, 3 some rows refused (the others imported), 4 nothing imported
(a file-level problem), 2 bad command line, 1 unexpected failure.
Database: DATABASE_URL, else the embedded PostgreSQL of npm start (.data/pg).`;

const EXPORT_HELP = `npm run hub -- venues export [<file.csv>] [--source <source>]

Writes every venue (or those declared by one source) as a CSV in the national venue standard,
to the file or to standard output. Importing the output again changes nothing.

  --source <source>   only the venues of this source (the standard's "source" column)

Exit codes: 0 done, 2 bad command line, 1 unexpected failure.`;

/** Counts the bytes going through, for a progress bar over a file of known size. */
function byteCounter(onBytes: (bytes: number) => void): Transform {
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      onBytes(bytes);
      callback(null, chunk);
    },
  });
}

export const importVenues: Command = {
  name: 'venues import',
  summary: 'import venues from a CSV in the national venue standard',
  help: IMPORT_HELP,
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { quiet: { type: 'boolean', default: false } } });
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new CliError('expected one file: npm run hub -- venues import <file.csv>');
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      throw new CliError(`cannot read ${file}: no such file`);
    }
    const database = await openDatabase();
    const db = await openSubgraphTables(database.url, venuesSubgraph);
    try {
      process.stderr.write(`importing ${file} (${formatNumber(size)} bytes) into ${database.description}\n`);
      const progress = new Progress('venues import', size, 'rows');
      let bytesRead = 0;
      let rows = 0;
      const source = createReadStream(file).pipe(byteCounter((bytes) => void (bytesRead = bytes)));
      const { report, error } = await importVenueCsv(db, source, {
        onProgress: (p) => {
          rows = p.rowsRead;
          progress.update(bytesRead, `${formatNumber(p.rowsRead)} rows, ${formatNumber(p.imported)} imported, ${formatNumber(p.rejected)} refused`, false, p.rowsRead);
        },
      });
      progress.update(size, `${formatNumber(report.rowsRead)} rows, ${formatNumber(report.imported)} imported, ${formatNumber(report.rejected)} refused`, true, report.rowsRead);
      const { seconds } = progress.done();
      if (!values.quiet) {
        for (const e of report.errors) process.stdout.write(`row ${e.row}${e.field ? `, ${e.field}` : ''}: ${e.message}\n`);
        if (report.errorsOmitted > 0) process.stdout.write(`… and ${formatNumber(report.errorsOmitted)} more errors\n`);
      }
      const rate = seconds > 0 ? Math.round(rows / seconds) : rows;
      process.stdout.write(
        error
          ? `nothing imported: the file was refused (${error.code}; see above)\n`
          : `${formatNumber(report.rowsRead)} rows: ${formatNumber(report.inserted)} new, ${formatNumber(report.updated)} updated, ${formatNumber(report.unchanged)} unchanged, ${formatNumber(report.rejected)} refused\n`,
      );
      process.stdout.write(`${seconds.toFixed(1)} s, ${formatNumber(rate)} rows/s, peak memory ${peakRssMiB()} MiB\n`);
      if (error) return ExitCode.REFUSED;
      return report.rejected > 0 || report.errors.some((e) => e.row === 1) ? ExitCode.PARTIAL : ExitCode.OK;
    } finally {
      await db.destroy();
      await database.close();
    }
  },
};

export const exportVenues: Command = {
  name: 'venues export',
  summary: 'export venues as a CSV in the national venue standard',
  help: EXPORT_HELP,
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { source: { type: 'string' } } });
    const [file, ...extra] = positionals;
    if (extra.length > 0) throw new CliError('expected at most one file: npm run hub -- venues export [<file.csv>]');
    const database = await openDatabase();
    const db = await openSubgraphTables(database.url, venuesSubgraph);
    const out = file ? createWriteStream(file) : process.stdout;
    try {
      const [{ n }] = await db.query(values.source === undefined ? 'select count(*)::int as n from venue' : 'select count(*)::int as n from venue where source = $1', values.source === undefined ? [] : [values.source]);
      const progress = new Progress('venues export', n, 'venues');
      const written = await exportVenueCsv(
        db,
        async (chunk) => {
          if (!out.write(chunk)) await once(out, 'drain');
        },
        { ...(values.source === undefined ? {} : { source: values.source }), onProgress: (rows) => progress.update(rows, `${formatNumber(rows)} of ${formatNumber(n)} venues`) },
      );
      progress.done();
      if (file) {
        out.end();
        await once(out, 'finish');
      }
      process.stderr.write(`${formatNumber(written)} venues exported${file ? ` to ${file}` : ''}\n`);
      return ExitCode.OK;
    } finally {
      await db.destroy();
      await database.close();
    }
  },
};

const CARTOGRAPHY_HELP = `npm run hub -- venues import-cartography-2021 <file.json>

Imports the older national cartography export (2021: a JSON array of places, fields id, nom,
pivot, commune, code_postal, adresse, latitude, longitude, horaires, conditions_acces, source,
date_maj…). Places get the venue standard's checks (INSEE codes derived from postcode and
commune name); those whose access conditions say "Accepte le Pass numérique" become
qualification proposals that a coordinator confirms for a programme — never qualifications.
Rows in errors are positions in the array, from 1. The file is read whole (a legacy extract).

Exit codes: 0 all places imported, 3 some refused, 4 nothing imported, 2 bad command line, 1 failure.`;

export const importCartography: Command = {
  name: 'venues import-cartography-2021',
  summary: 'import the older cartography export; "Accepte le Pass numérique" places become proposals',
  help: CARTOGRAPHY_HELP,
  async run(args) {
    const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new CliError('expected one file: npm run hub -- venues import-cartography-2021 <file.json>');
    let json: string;
    try {
      json = readFileSync(file, 'utf8');
    } catch {
      throw new CliError(`cannot read ${file}: no such file`);
    }
    const database = await openDatabase();
    const db = await openSubgraphTables(database.url, venuesSubgraph);
    try {
      const { report, error } = await importCartography2021(db, json);
      for (const e of report.errors) process.stdout.write(`place ${e.row}${e.field ? `, ${e.field}` : ''}: ${e.message}\n`);
      process.stdout.write(
        error
          ? `nothing imported: the file was refused (${error.code}: ${error.message})\n`
          : `${formatNumber(report.rowsRead)} places: ${formatNumber(report.inserted)} new, ${formatNumber(report.updated)} updated, ${formatNumber(report.unchanged)} unchanged, ${formatNumber(report.rejected)} refused; ${formatNumber(report.proposed)} new qualification proposals\n`,
      );
      if (error) return ExitCode.REFUSED;
      return report.rejected > 0 ? ExitCode.PARTIAL : ExitCode.OK;
    } finally {
      await db.destroy();
      await database.close();
    }
  },
};
