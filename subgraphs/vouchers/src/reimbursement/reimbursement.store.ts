import { In, type DataSource, type EntityManager } from 'typeorm';
import { bigintAsNumber, type PageRequest, type PageRows } from '@pass/kit';
import { ReimbursementStatement } from './reimbursement-statement.entity';
import type { StatementLine } from './reimbursement-line.entity';
import { CORRECTION_SELECT, correctionOf, type RedemptionCorrectionRow } from '../redemption/correct-redemption.store';

/**
 * One lock for every close: two closes at once would race for the same late redemptions.
 * Redemptions hold it shared (redemption/redemption.store.ts), so a close waits for them.
 */
export const CLOSE_LOCK = 727101;

/** Paris-time bounds of a YYYY-MM month (and of the month before), computed by PostgreSQL. */
const BOUNDS = `
  select (to_date($1, 'YYYY-MM')::timestamp at time zone 'Europe/Paris') as month_start,
         ((to_date($1, 'YYYY-MM') + interval '1 month')::timestamp at time zone 'Europe/Paris') as month_end,
         ((to_date($1, 'YYYY-MM') - interval '1 month')::timestamp at time zone 'Europe/Paris') as previous_start,
         exists (select 1 from reimbursement_month
                  where month = to_char(to_date($1, 'YYYY-MM') - interval '1 month', 'YYYY-MM')) as previous_closed`;

export const reimbursementStore = {
  lockClosing: (tx: EntityManager) => tx.query(`select pg_advisory_xact_lock(${CLOSE_LOCK})`),

  markMonthClosed: (tx: EntityManager, month: string, now: Date) =>
    tx.query(`insert into reimbursement_month (month, closed_at) values ($1, $2::timestamptz) on conflict (month) do nothing`, [month, now]),

  /**
   * Writes the month's statement of every venue that has redemptions or corrections due and no
   * statement yet, with its lines, in one set-based statement. Corrections due: an operator's
   * corrections not yet deducted, of redemptions paid on a statement of an earlier month; each is
   * deducted from the venue's total and linked to the statement that deducts it. Due: redeemed in the month and on no statement;
   * plus any redemption of the month before that is on no statement although that month was
   * closed — one stamped just before midnight but committed after the close — so it is paid late
   * rather than never. Total and line count come from the same rows as the lines, so they agree.
   * Returns how many statements were written.
   */
  async writeStatements(tx: EntityManager, month: string, now: Date): Promise<number> {
    const [row] = await tx.query(
      `with bounds as (${BOUNDS}),
       due as (
         select r.id, r.venue_id, r.amount_cents
           from redemption r, bounds b
          where r.redeemed_at < b.month_end
            and r.redeemed_at >= case when b.previous_closed then b.previous_start else b.month_start end
            and r.corrected_at is null
            and not exists (select 1 from reimbursement_line l where l.redemption_id = r.id)
       ),
       owed as (
         select c.id, c.venue_id, c.amount_cents
           from redemption_correction c
           join reimbursement_line pl on pl.redemption_id = c.redemption_id
           join reimbursement_statement ps on ps.id = pl.statement_id
          where c.statement_id is null and ps.month < $1::text
       ),
       per_venue as (
         select venue_id, sum(amount_cents) as paid, count(*) as lines, 0 as deducted, 0 as corrections from due group by venue_id
         union all
         select venue_id, 0, 0, sum(amount_cents), count(*) from owed group by venue_id
       ),
       statements as (
         insert into reimbursement_statement (venue_id, month, total_cents, line_count, correction_count, closed_at)
         select venue_id, $1::text, sum(paid) - sum(deducted), sum(lines), sum(corrections), $2::timestamptz from per_venue group by venue_id
         on conflict (venue_id, month) do nothing
         returning id, venue_id
       ),
       lines as (
         insert into reimbursement_line (redemption_id, statement_id, amount_cents)
         select d.id, s.id, d.amount_cents from due d join statements s on s.venue_id = d.venue_id
       ),
       deducted as (
         update redemption_correction c set statement_id = s.id
           from owed o join statements s on s.venue_id = o.venue_id
          where c.id = o.id
       )
       select count(*)::int as statements from statements`,
      [month, now],
    );
    return row.statements as number;
  },

  ofMonth: (db: DataSource | EntityManager, month: string) =>
    db.getRepository(ReimbursementStatement).find({ where: { month }, order: { venueId: 'ASC' } }),

  byIds: (db: DataSource, ids: string[]) => db.getRepository(ReimbursementStatement).findBy({ id: In(ids) }),

  /**
   * One page of each venue's statements, latest month first, in one statement for all venues: for
   * each, its statement count and the `first + 1` statements before the cursor's month (the extra
   * one only says that more follow). The lateral join walks the unique (venue_id, month) index
   * backwards per venue.
   */
  pagesOfVenues: async (db: DataSource, venueIds: string[], page: PageRequest): Promise<Map<string, PageRows<ReimbursementStatement>>> => {
    const rows: Array<{ owner: string; total: number; id: string | null } & Record<string, unknown>> = await db.query(
      `select v.id as owner, counted.total, s.*
         from unnest($1::uuid[]) as v(id)
         cross join lateral (select count(*)::int as total from reimbursement_statement where venue_id = v.id) counted
         left join lateral (
           select id, venue_id as "venueId", month, total_cents as "totalCents", line_count as "lineCount",
                  correction_count as "correctionCount", closed_at as "closedAt"
             from reimbursement_statement
            where venue_id = v.id and ($3::text is null or month < $3)
            order by month desc limit $2) s on true
        order by v.id, s.month desc`,
      [venueIds, page.first + 1, page.afterKey],
    );
    const pages = new Map<string, PageRows<ReimbursementStatement>>();
    for (const { owner, total, ...statement } of rows) {
      let found = pages.get(owner);
      if (!found) pages.set(owner, (found = { rows: [], totalCount: total }));
      if (statement.id !== null) {
        found.rows.push(Object.assign(new ReimbursementStatement(), statement, { totalCents: bigintAsNumber.from(statement.totalCents as string) }));
      }
    }
    return pages;
  },

  /** Each venue's statement of one month, if it has one. */
  async ofVenuesInMonth(db: DataSource, venueIds: string[], month: string): Promise<Map<string, ReimbursementStatement>> {
    const statements = await db.getRepository(ReimbursementStatement).findBy({ venueId: In(venueIds), month });
    return new Map(statements.map((s) => [s.venueId, s]));
  },

  /** The corrections several statements deduct, oldest first. */
  async correctionsOf(db: DataSource, statementIds: string[]): Promise<RedemptionCorrectionRow[]> {
    const rows = await db.query(`${CORRECTION_SELECT} where c.statement_id = any($1) order by c.corrected_at, c.id`, [statementIds]);
    return rows.map(correctionOf);
  },

  /** The lines of several statements, with what a venue needs to check each one, in one statement. */
  async linesOf(db: DataSource, statementIds: string[]): Promise<(StatementLine & { statementId: string })[]> {
    const rows = await db.query(
      `select l.statement_id, l.redemption_id, l.amount_cents, r.session_id, r.redeemed_at, v.code
         from reimbursement_line l
         join redemption r on r.id = l.redemption_id
         join voucher v on v.id = r.voucher_id
        where l.statement_id = any($1)
        order by r.redeemed_at, r.seq`,
      [statementIds],
    );
    return rows.map((r: Record<string, unknown>) => ({
      statementId: r.statement_id as string,
      redemptionId: r.redemption_id as string,
      sessionId: r.session_id as string,
      voucherCode: r.code as string,
      amountCents: r.amount_cents as number,
      redeemedAt: r.redeemed_at as Date,
    }));
  },
};
