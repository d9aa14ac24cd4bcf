import type { EntityManager } from 'typeorm';

/** An operator's correction of a paid redemption, as stored. */
export interface RedemptionCorrectionRow {
  id: string;
  redemptionId: string;
  voucherId: string;
  venueId: string;
  statementId: string | null;
  amountCents: number;
  reason: string;
  correctedAt: Date;
}

export const CORRECTION_SELECT = `select c.id, c.redemption_id, c.voucher_id, c.venue_id, c.statement_id, c.amount_cents, c.reason, c.corrected_at
  from redemption_correction c`;

export const correctionOf = (r: Record<string, unknown>): RedemptionCorrectionRow => ({
  id: r.id as string,
  redemptionId: r.redemption_id as string,
  voucherId: r.voucher_id as string,
  venueId: r.venue_id as string,
  statementId: (r.statement_id as string | null) ?? null,
  amountCents: r.amount_cents as number,
  reason: r.reason as string,
  correctedAt: r.corrected_at as Date,
});

/** `redemption_correction`: the operator's corrections, each deducted once from its venue's next statement. */
export const correctionStore = {
  /** Records a correction; the unique redemption_id is the backstop against a second one. */
  async record(
    tx: EntityManager,
    c: { redemptionId: string; voucherId: string; venueId: string; programmeId: string; amountCents: number; reason: string },
  ): Promise<RedemptionCorrectionRow> {
    const [row] = await tx.query(
      `insert into redemption_correction (redemption_id, voucher_id, venue_id, programme_id, amount_cents, reason)
       values ($1, $2, $3, $4, $5, $6) returning *`,
      [c.redemptionId, c.voucherId, c.venueId, c.programmeId, c.amountCents, c.reason],
    );
    return correctionOf(row);
  },
};
