import { parseArgs } from 'node:util';
import { BadInputError, isUuid } from '@pass/kit';
import { formatEuros } from '@pass/contracts';
import { closeMonth, expireProgramme, issueBooksOfOrder, vouchersSubgraph } from '@pass/vouchers';
import { CliError, ExitCode, Progress, formatNumber, onlyArgument, openDatabase, openSubgraphTables, type Command } from '../cli-kit';

/*
 * The operator's money jobs, run on the vouchers subgraph's tables with the very functions its
 * mutations call (issueBooks, closeMonth, expireProgramme): same rules, same transactions.
 */

const DATABASE = 'Database: DATABASE_URL, else the embedded PostgreSQL of npm start (.data/pg).';

const BOOKS_HELP = `npm run hub -- books issue --order <order id>

Issues the books and vouchers of a paid order, once (as the issueBooks mutation): every book
and voucher in one transaction, random codes with a check symbol, a progress bar as chunks of
10,000 books are written (a million vouchers take about 20 s). Issuing an order again does
nothing. The order must be paid (the programmes subgraph tells the vouchers subgraph so), and its
programme must not have ended.

  --order <id>   the paid order (its id, a UUID)

Exit codes: 0 issued (or issued before), 4 refused (unknown or unpaid order, programme ended),
2 bad command line, 1 unexpected failure.
${DATABASE}`;

const MONTH_HELP = `npm run hub -- month close <YYYY-MM>

Closes an ended calendar month (Paris time), as the closeMonth mutation: every venue with
redemptions due gets its reimbursement statement for the month, once. Closing it again writes
nothing new. Prints each statement (venue, redemptions, amount).

Exit codes: 0 closed (or closed before), 4 refused (the month has not ended), 2 bad command
line, 1 unexpected failure.
${DATABASE}`;

const EXPIRE_HELP = `npm run hub -- programme expire <programme id>

Expires a programme whose last day has passed (Paris time), as the expireProgramme mutation:
its unused vouchers are blocked and their face value is credited back to its funders by their
shares, to the cent, in one transaction. Running it again blocks and credits nothing more.

Exit codes: 0 expired (or nothing left to expire), 4 refused (unknown programme, or its last day
has not passed), 2 bad command line, 1 unexpected failure.
${DATABASE}`;

/** The vouchers subgraph's tables for the length of `work`. */
async function withVouchers<T>(work: (db: Awaited<ReturnType<typeof openSubgraphTables>>, where: string) => Promise<T>): Promise<T> {
  const database = await openDatabase();
  const db = await openSubgraphTables(database.url, vouchersSubgraph);
  try {
    return await work(db, database.description);
  } catch (error) {
    // Refused input, as the API would answer it: the operator's to correct.
    if (error instanceof BadInputError) throw new CliError(error.message, ExitCode.REFUSED);
    throw error;
  } finally {
    await db.destroy();
    await database.close();
  }
}

/** A typed refusal of the job (the API's `error { code message }`): exit code 4, nothing done. */
function refused(error: { code: string; message: string }): CliError {
  return new CliError(`${error.code}: ${error.message}`, ExitCode.REFUSED);
}

export const issueBooks: Command = {
  name: 'books issue',
  summary: 'issue the books and vouchers of a paid order, with a progress bar',
  help: BOOKS_HELP,
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { order: { type: 'string' } } });
    if (positionals.length > 0) throw new CliError(`unexpected argument ${positionals[0]}: the order is given with --order <id>`);
    const orderId = values.order;
    if (!orderId) throw new CliError('expected --order <order id>');
    if (!isUuid(orderId)) throw new CliError(`--order must be an order id (a UUID), got ${JSON.stringify(orderId)}`);
    return withVouchers(async (db, where) => {
      const [order] = await db.query('select book_count, vouchers_per_book, issued_at from paid_order where order_id = $1', [orderId]);
      if (!order) throw new CliError(`order ${orderId} is unknown or not paid yet in ${where}: vouchers are issued only once paid`, ExitCode.REFUSED);
      if (order.issued_at) {
        process.stdout.write(`order ${orderId} was already issued (${formatNumber(order.book_count)} books of ${order.vouchers_per_book} vouchers): nothing to do\n`);
        return ExitCode.OK;
      }
      const perBook: number = order.vouchers_per_book;
      process.stderr.write(`issuing ${formatNumber(order.book_count)} books of ${perBook} vouchers into ${where}\n`);
      const progress = new Progress('books issue', order.book_count, 'vouchers');
      const result = await issueBooksOfOrder(db, orderId, (books, total) =>
        progress.update(books, `${formatNumber(books)} of ${formatNumber(total)} books, ${formatNumber(books * perBook)} vouchers`, books === total, books * perBook),
      );
      const { seconds } = progress.done();
      if (result.error) throw refused(result.error);
      process.stdout.write(`${formatNumber(result.booksIssued)} books, ${formatNumber(result.vouchersIssued)} vouchers issued in ${seconds.toFixed(1)} s\n`);
      return ExitCode.OK;
    });
  },
};

export const closeMonthCommand: Command = {
  name: 'month close',
  summary: "write each venue's reimbursement statement of an ended month",
  help: MONTH_HELP,
  async run(args) {
    const month = onlyArgument(args, 'one month: npm run hub -- month close <YYYY-MM>');
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new CliError(`the month must be written YYYY-MM (e.g. 2026-10), got ${JSON.stringify(month)}`);
    return withVouchers(async (db, where) => {
      const result = await closeMonth(db, month);
      if (result.error) throw refused(result.error);
      const statements = result.statements;
      for (const s of statements) {
        process.stdout.write(`venue ${s.venueId}: ${formatNumber(s.lineCount)} redemptions, ${formatEuros(s.totalCents)}\n`);
      }
      const total = statements.reduce((sum, s) => sum + s.totalCents, 0);
      const lines = statements.reduce((sum, s) => sum + s.lineCount, 0);
      process.stdout.write(
        `${month} closed in ${where}: ${formatNumber(result.statementsCreated)} statements written now, ${formatNumber(statements.length)} in all, ` +
          `${formatNumber(lines)} redemptions, ${formatEuros(total)}\n`,
      );
      return ExitCode.OK;
    });
  },
};

export const expireProgrammeCommand: Command = {
  name: 'programme expire',
  summary: "block an ended programme's unused vouchers and credit their value back to its funders",
  help: EXPIRE_HELP,
  async run(args) {
    const programmeId = onlyArgument(args, 'one programme id: npm run hub -- programme expire <programme id>');
    if (!isUuid(programmeId)) throw new CliError(`the programme id must be a UUID, got ${JSON.stringify(programmeId)}`);
    return withVouchers(async (db, where) => {
      const result = await expireProgramme(db, programmeId);
      if (result.error) throw refused(result.error);
      for (const c of result.credits) process.stdout.write(`funder ${c.funder.id}: credited back ${formatEuros(c.amountCents)}\n`);
      process.stdout.write(
        result.vouchersBlocked === 0
          ? `programme ${programmeId} in ${where}: no usable voucher left, nothing blocked or credited\n`
          : `programme ${programmeId} expired in ${where}: ${formatNumber(result.vouchersBlocked)} vouchers blocked, ${formatEuros(result.blockedCents)} credited back\n`,
      );
      return ExitCode.OK;
    });
  },
};
