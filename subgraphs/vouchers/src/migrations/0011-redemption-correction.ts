import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An operator's correction of a redemption whose month is closed (it was paid on a statement):
 * the redemption stays (its statement line refers to it, and a closed statement never changes)
 * but is marked corrected, so it no longer counts anywhere and its voucher can be redeemed again;
 * the amount is deducted on the venue's next statement. A statement may now carry only
 * deductions, and its total may be zero or negative (the venue owes the programme).
 */
export class RedemptionCorrection1764600000000 implements MigrationInterface {
  name = 'RedemptionCorrection1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table redemption add column corrected_at timestamptz;
      -- Exactly-once still holds among the redemptions that count: a corrected one frees its voucher.
      alter table redemption drop constraint redemption_voucher_id_key;
      create unique index redemption_voucher_counted on redemption (voucher_id) where corrected_at is null;
      create index redemption_voucher on redemption (voucher_id);

      create table redemption_correction (
        id uuid primary key default gen_random_uuid(),
        -- Corrected once: a second correction of the same redemption is refused, whatever the code does.
        redemption_id uuid not null unique references redemption(id),
        voucher_id uuid not null references voucher(id),
        venue_id uuid not null,
        programme_id uuid not null,
        amount_cents int not null check (amount_cents > 0),
        reason text not null check (length(reason) between 3 and 500),
        corrected_at timestamptz not null default now(),
        -- The statement that deducts it: null until the venue's next month is closed.
        statement_id uuid references reimbursement_statement(id)
      );
      create index redemption_correction_due on redemption_correction (venue_id) where statement_id is null;
      create index redemption_correction_statement on redemption_correction (statement_id);

      alter table reimbursement_statement drop constraint reimbursement_statement_total_cents_check;
      alter table reimbursement_statement drop constraint reimbursement_statement_line_count_check;
      alter table reimbursement_statement add column correction_count int not null default 0 check (correction_count >= 0);
      alter table reimbursement_statement add constraint reimbursement_statement_not_empty
        check (line_count >= 0 and (line_count > 0 or correction_count > 0));
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      alter table reimbursement_statement drop constraint reimbursement_statement_not_empty;
      alter table reimbursement_statement drop column correction_count;
      alter table reimbursement_statement add constraint reimbursement_statement_line_count_check check (line_count > 0);
      alter table reimbursement_statement add constraint reimbursement_statement_total_cents_check check (total_cents > 0);
      drop table redemption_correction;
      drop index redemption_voucher;
      drop index redemption_voucher_counted;
      alter table redemption add constraint redemption_voucher_id_key unique (voucher_id);
      alter table redemption drop column corrected_at;
    `);
  }
}
