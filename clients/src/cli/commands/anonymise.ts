import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { isUuid } from '@pass/kit';
import { anonymisationDueOn, isAnonymisationDue, parisDayOf } from '@pass/contracts';
import { anonymiseBeneficiariesOfProgramme, beneficiariesSubgraph } from '@pass/beneficiaries';
import { programmesSubgraph } from '@pass/programmes';
import { anonymiseVouchersOfProgramme, vouchersSubgraph } from '@pass/vouchers';
import { CliError, ExitCode, Progress, formatNumber, openDatabase, openSubgraphTables, type Command } from '../cli-kit';

const HELP = `npm run hub -- anonymise [--programme <id>] [--dry-run]

Irreversibly strips beneficiaries' personal data 12 months after their programme ended, in every
subgraph that holds any: in beneficiaries, each person's record is deleted (a tombstone keeps the
random id, the registering distributor and the date) and the facts published about them on the
event bus are redacted; in vouchers, their books lose the link to them (the books stay handed out)
and the outcomes venues recorded (PIX score, skills, note) are emptied. Books, vouchers,
redemptions, statements, credits and the ledger are untouched: every count and amount stays.
A person also registered for a programme not yet past its retention period is kept until then.
Running it again changes nothing.

  --programme <id>   only this programme; refused (exit 4) if it ended less than 12 months ago
  --dry-run          count what would be stripped, change nothing

Without --programme, every programme past its retention period is anonymised, the others listed.
Exit codes: 0 done (or nothing due), 4 refused (unknown programme, or not yet due), 2 bad command
line, 1 unexpected failure.
Database: DATABASE_URL, else the embedded PostgreSQL of npm start (.data/pg).`;

export interface ProgrammeEnd {
  id: string;
  name: string;
  validUntil: string;
}

export interface AnonymisationReport {
  programmeId: string;
  name: string;
  beneficiariesErased: number;
  booksUnlinked: number;
  outcomesStripped: number;
  registrationReplicasRemoved: number;
}

/**
 * The job, one subgraph after another, each in its own schema through its own function (one owner
 * per table, ADR 0001): the programmes subgraph says which programmes are due; vouchers strips
 * its side for the programme (books unlinked, outcomes emptied, registration replicas removed);
 * then beneficiaries erases the people and publishes `beneficiary.erased`, which a running
 * vouchers subgraph applies as well (finding nothing left: the same rows, already stripped). So the
 * job is complete even when no subgraph is running, and its figures do not depend on a race.
 * `now` is the clock, for tests; the command uses the real one.
 */
export async function runAnonymisation(
  dbs: { programmes: DataSource; beneficiaries: DataSource; vouchers: DataSource },
  options: { programmeId?: string; dryRun?: boolean; now?: Date; log?: (line: string) => void; progress?: boolean },
): Promise<AnonymisationReport[]> {
  const now = options.now ?? new Date();
  const log = options.log ?? (() => undefined);
  const programmes: ProgrammeEnd[] = await dbs.programmes.query(
    `select id, name, valid_until::text as "validUntil" from programme where ($1::uuid is null or id = $1::uuid) order by valid_until, name`,
    [options.programmeId && isUuid(options.programmeId) ? options.programmeId : null],
  );
  if (options.programmeId !== undefined) {
    const programme = isUuid(options.programmeId) ? programmes[0] : undefined;
    if (!programme) throw new CliError(`no programme has the id ${options.programmeId}`, ExitCode.REFUSED);
    if (!isAnonymisationDue(programme.validUntil, now)) {
      throw new CliError(
        `refused: programme "${programme.name}" ended on ${programme.validUntil}; its beneficiaries' data is kept until ${anonymisationDueOn(programme.validUntil)} (12 months after its end), today is ${parisDayOf(now)}`,
        ExitCode.REFUSED,
      );
    }
  }
  const reports: AnonymisationReport[] = [];
  for (const programme of programmes) {
    if (!isAnonymisationDue(programme.validUntil, now)) {
      log(`kept: "${programme.name}" (ended ${programme.validUntil}, due on ${anonymisationDueOn(programme.validUntil)})`);
      continue;
    }
    // A progress bar per subgraph, on standard error, once the number of people is known.
    const progress = (label: string) => {
      let bar: Progress | null = null;
      return {
        update: (done: number, total: number) => {
          if (!options.progress) return;
          bar ??= new Progress(`anonymise ${label}`, Math.max(total, 1), 'people');
          bar.update(done, `${programme.name}: ${formatNumber(done)} of ${formatNumber(total)} people`, done === total, done);
        },
        done: () => bar?.done(),
      };
    };
    const books = progress('vouchers');
    const stripped = await anonymiseVouchersOfProgramme(dbs.vouchers, programme.id, { now, dryRun: options.dryRun ?? false, onProgress: books.update });
    books.done();
    const people = progress('beneficiaries');
    const erased = await anonymiseBeneficiariesOfProgramme(dbs.beneficiaries, programme.id, { now, dryRun: options.dryRun ?? false, onProgress: people.update });
    people.done();
    const report = {
      programmeId: programme.id,
      name: programme.name,
      beneficiariesErased: erased.erased,
      booksUnlinked: stripped.books,
      outcomesStripped: stripped.outcomes,
      registrationReplicasRemoved: stripped.registrations,
    };
    reports.push(report);
    log(
      `${options.dryRun ? 'would anonymise' : 'anonymised'}: "${programme.name}" (ended ${programme.validUntil}): ` +
        `${formatNumber(report.beneficiariesErased)} people erased, ${formatNumber(report.booksUnlinked)} books unlinked, ` +
        `${formatNumber(report.outcomesStripped)} outcomes stripped, ${formatNumber(report.registrationReplicasRemoved)} registration replicas removed`,
    );
  }
  return reports;
}

export const anonymise: Command = {
  name: 'anonymise',
  summary: "strip beneficiaries' personal data 12 months after their programme ended",
  help: HELP,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { programme: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    });
    if (positionals.length > 0) throw new CliError(`unexpected argument: ${positionals.join(' ')}`);
    if (values.programme !== undefined && !isUuid(values.programme)) throw new CliError(`--programme expects a programme id (a UUID), not ${values.programme}`);
    const database = await openDatabase();
    const opened: DataSource[] = [];
    try {
      const programmes = await openSubgraphTables(database.url, programmesSubgraph);
      opened.push(programmes);
      const beneficiaries = await openSubgraphTables(database.url, beneficiariesSubgraph);
      opened.push(beneficiaries);
      const vouchers = await openSubgraphTables(database.url, vouchersSubgraph);
      opened.push(vouchers);
      process.stderr.write(`anonymise${values['dry-run'] ? ' (dry run: nothing is changed)' : ''} against ${database.description}\n`);
      const reports = await runAnonymisation(
        { programmes, beneficiaries, vouchers },
        { ...(values.programme === undefined ? {} : { programmeId: values.programme }), dryRun: values['dry-run'], log: (line) => process.stdout.write(`${line}\n`), progress: true },
      );
      if (reports.length === 0) process.stdout.write('no programme is past its retention period: nothing to anonymise\n');
      return ExitCode.OK;
    } finally {
      for (const db of opened) await db.destroy();
      await database.close();
    }
  },
};
