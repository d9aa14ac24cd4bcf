import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Venues' monthly reimbursement statements: a redemption is paid on one statement at most. */
export class Reimbursement1763900000104 implements MigrationInterface {
  name = 'Reimbursement1763900000104';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      -- Months (Paris time) an operator closed, even those with no redemption at all.
      create table reimbursement_month (
        month text primary key check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        closed_at timestamptz not null
      );
      create table reimbursement_statement (
        id uuid primary key default gen_random_uuid(),
        venue_id uuid not null,
        month text not null references reimbursement_month(month),
        total_cents bigint not null check (total_cents > 0),
        line_count int not null check (line_count > 0),
        closed_at timestamptz not null,
        -- Closing a month twice finds the statement already there and leaves it as it is.
        unique (venue_id, month)
      );
      create index reimbursement_statement_month on reimbursement_statement (month);
      create table reimbursement_line (
        -- The backstop of "paid once": a redemption is on at most one statement, whatever the code does.
        redemption_id uuid primary key references redemption(id),
        statement_id uuid not null references reimbursement_statement(id),
        amount_cents int not null check (amount_cents > 0)
      );
      create index reimbursement_line_statement on reimbursement_line (statement_id);
      -- Closing a month reads one range of redemptions for every venue at once.
      create index redemption_redeemed_at on redemption (redeemed_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`drop table reimbursement_line, reimbursement_statement, reimbursement_month; drop index redemption_redeemed_at;`);
  }
}
