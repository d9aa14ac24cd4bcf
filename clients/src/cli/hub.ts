import 'reflect-metadata';
import { CliError, ExitCode, type Command } from './cli-kit';
import { reportCommands } from './commands/reports';
import { mintTokens } from './commands/tokens';
import { exportVenues, importCartography, importVenues } from './commands/venues';
import { anonymise } from './commands/anonymise';
import { closeMonthCommand, expireProgrammeCommand, issueBooks } from './commands/vouchers';

/**
 * `npm run hub -- <command>`: the operator's commands, each with `--help`, progress on standard
 * error, results on standard output, and exit codes a script can test (see cli-kit).
 */
const COMMANDS: Command[] = [importVenues, exportVenues, importCartography, issueBooks, closeMonthCommand, expireProgrammeCommand, ...reportCommands, mintTokens, anonymise];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'npm run hub -- <command> [options]   (each command has --help)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Database: DATABASE_URL, else the embedded PostgreSQL of npm start (.data/pg).',
  ].join('\n');
}

export async function runHubCli(argv: string[]): Promise<number> {
  const command = COMMANDS.find((c) => {
    const words = c.name.split(' ');
    return words.every((word, i) => argv[i] === word);
  });
  if (!command) {
    const asked = argv.length === 0 || argv[0] === '--help' || argv[0] === 'help' || argv[0] === '-h';
    (asked ? process.stdout : process.stderr).write(`${asked ? '' : `unknown command: ${argv.join(' ')}\n\n`}${usage()}\n`);
    return asked ? ExitCode.OK : ExitCode.USAGE;
  }
  const args = argv.slice(command.name.split(' ').length);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${command.help}\n`);
    return ExitCode.OK;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`${command.name}: ${error.message}\n(npm run hub -- ${command.name} --help)\n`);
      return error.exitCode;
    }
    // Argument parsing errors from node:util are the operator's too.
    if (typeof (error as { code?: unknown }).code === 'string' && (error as { code: string }).code.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${command.name}: ${(error as Error).message}\n(npm run hub -- ${command.name} --help)\n`);
      return ExitCode.USAGE;
    }
    process.stderr.write(`${command.name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.FAILED;
  }
}

if (require.main === module) {
  runHubCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(ExitCode.FAILED);
    },
  );
}
