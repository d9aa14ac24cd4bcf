import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isUuid } from '@pass/kit';
import { Role } from '@pass/access';
import { CliError, ExitCode, keysDir, type Command } from '../cli-kit';
import { mintToken } from '../token';

/*
 * Reports go through the API, never to the database: the command downloads the gateway's
 * `GET /reports/<name>.csv`, which runs the report's registered operation as the token's caller,
 * so the CLI gets exactly what that caller may read in GraphQL and works against a hub in
 * production mode (registered operations only).
 */

const HUB_URL = 'http://127.0.0.1:4000';

interface ReportCommand {
  name: 'd30' | 'funder-statement' | 'venue-statement';
  summary: string;
  what: string;
  /** Command-line option → query parameter, with its check. */
  options: { option: string; parameter: string; valid: (value: string) => boolean; expected: string }[];
}

const programme = { option: 'programme', parameter: 'programmeId', valid: isUuid, expected: 'a programme id (a UUID)' };

const REPORT_COMMANDS: ReportCommand[] = [
  {
    name: 'd30',
    summary: "a programme's D-30 expiry report per distributor, as CSV",
    what: "The D-30 expiry report of a programme: per distributor, books allocated, handed out, never\nhanded out, started; then books not allocated and a TOTAL row with the vouchers still usable\nand their value.",
    options: [programme],
  },
  {
    name: 'funder-statement',
    summary: "a programme's funder statement (paid, redeemed, outstanding, credited back) by co-funder, as CSV",
    what: "The funder statement of a programme: per co-funder, its share and its part of what was paid,\nredeemed, is outstanding and was credited back; then a TOTAL row, the programme's ledger.",
    options: [programme],
  },
  {
    name: 'venue-statement',
    summary: "a venue's reimbursement statement of a closed month, as CSV",
    what: "A venue's reimbursement statement for one closed month: one row per redemption paid for, then\na TOTAL row. Only the operator and the venue itself may read it.",
    options: [
      { option: 'venue', parameter: 'venueId', valid: isUuid, expected: 'a venue id (a UUID)' },
      { option: 'month', parameter: 'month', valid: (m) => /^\d{4}-(0[1-9]|1[0-2])$/.test(m), expected: 'a month written YYYY-MM' },
    ],
  },
];

function helpOf(report: ReportCommand): string {
  const own = report.options.map((o) => `--${o.option} <${o.option === 'month' ? 'YYYY-MM' : 'id'}>`).join(' ');
  return `npm run hub -- reports ${report.name} ${own} [--out <file.csv>] [--hub <url>] [--token <token>]

${report.what}

The CSV is for French spreadsheets: UTF-8 with a BOM, ";" between cells, CRLF line ends, euros
with a decimal comma (docs/reports.md lists the columns). It comes from the hub's API
(GET /reports/${report.name}.csv), run as the token's caller: the same access rules as GraphQL.

${report.options.map((o) => `  --${o.option.padEnd(9)} ${o.expected}`).join('\n')}
  --out       the file to write; standard output without it
  --hub       the hub's address: PASS_HUB_URL, else ${HUB_URL} (npm start)
  --token     the caller's token: PASS_TOKEN, else a 10-minute operator token minted from the
              hub's key file (.data/keys or PASS_KEYS_DIR: the hub of npm start on this machine)

Exit codes: 0 written, 4 refused by the hub (not allowed, unknown id, no statement that month),
2 bad command line, 1 hub unreachable or unexpected failure.`;
}

function reportCommand(report: ReportCommand): Command {
  return {
    name: `reports ${report.name}`,
    summary: report.summary,
    help: helpOf(report),
    async run(args) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          ...Object.fromEntries(report.options.map((o) => [o.option, { type: 'string' as const }])),
          out: { type: 'string' },
          hub: { type: 'string' },
          token: { type: 'string' },
        },
      });
      if (positionals.length > 0) throw new CliError(`unexpected argument ${positionals[0]}`);
      const query = new URLSearchParams();
      for (const o of report.options) {
        const value = (values as Record<string, unknown>)[o.option];
        if (typeof value !== 'string') throw new CliError(`expected --${o.option} <${o.expected}>`);
        if (!o.valid(value)) throw new CliError(`--${o.option} must be ${o.expected}, got ${JSON.stringify(value)}`);
        query.set(o.parameter, value);
      }
      const hub = String(values.hub ?? process.env.PASS_HUB_URL ?? HUB_URL).replace(/\/+$/, '').replace(/\/graphql$/, '');
      const token =
        (values.token as string | undefined) ??
        process.env.PASS_TOKEN ??
        (await mintToken(keysDir(), { role: Role.OPERATOR, organisationId: 'operator-cli', lifetimeSeconds: 600, scopes: ['read'] }));
      const url = `${hub}/reports/${report.name}.csv?${query}`;
      let answer: Response;
      try {
        answer = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      } catch (error) {
        throw new CliError(`cannot reach the hub at ${hub} (${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}): is it running? (npm start, or --hub)`, ExitCode.FAILED);
      }
      if (!answer.ok) {
        const body = (await answer.json().catch(() => undefined)) as { errors?: { message?: string; extensions?: { code?: string } }[] } | undefined;
        const error = body?.errors?.[0];
        throw new CliError(`the hub refused (${answer.status}${error?.extensions?.code ? ` ${error.extensions.code}` : ''}): ${error?.message ?? answer.statusText}`, answer.status >= 500 ? ExitCode.FAILED : ExitCode.REFUSED);
      }
      const csv = Buffer.from(await answer.arrayBuffer());
      const rows = csv.toString('utf8').split('\r\n').filter(Boolean).length - 1;
      if (values.out) {
        writeFileSync(values.out as string, csv);
        process.stderr.write(`${rows} rows written to ${values.out as string}\n`);
      } else {
        process.stdout.write(csv);
      }
      return ExitCode.OK;
    },
  };
}

export const reportCommands: Command[] = REPORT_COMMANDS.map(reportCommand);
