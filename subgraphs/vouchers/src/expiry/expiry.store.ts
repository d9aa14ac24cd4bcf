import type { DataSource, EntityManager } from 'typeorm';
import { centsOf } from '../ledger/cents';
import type { FunderCredit, FundingShareFact } from './credit-split';
import { SHARD_OF_ID, type ShardMove } from '../tally/tally.store';

export interface ProgrammeForExpiry {
  validUntil: string;
  shares: FundingShareFact[];
}

export interface CreditRow extends FunderCredit {
  programmeId: string;
}

export const expiryStore = {
  /** The programme's window and shares, its row locked so two expiries of one programme run one after the other. */
  async programmeForExpiry(tx: EntityManager, programmeId: string): Promise<ProgrammeForExpiry | null> {
    const [row] = await tx.query(
      `select valid_until::text as valid_until, shares from programme_fact where programme_id = $1 for update`,
      [programmeId],
    );
    return row ? { validUntil: row.valid_until, shares: row.shares } : null;
  },

  /**
   * Blocks the programme's vouchers in `state` (still usable, or of books reported lost),
   * set-based: their value is credited back. The conditional state keeps a concurrent
   * redemption's voucher out. Returns them counted per tally shard, for `tallyStore.moveShards`.
   */
  async blockVouchers(tx: EntityManager, programmeId: string, state: 'AVAILABLE' | 'LOST'): Promise<ShardMove[]> {
    // The programme's vouchers are reached through its books (no index on voucher.programme_id).
    const rows: Array<ShardMove & { cents: string }> = await tx.query(
      `with blocked as (
         update voucher v set state = 'BLOCKED' from book b
          where b.programme_id = $1 and v.book_id = b.id and v.state = '${state}'
         returning v.id, v.programme_id, v.face_value_cents)
       select programme_id as "programmeId", ${SHARD_OF_ID} as shard, count(*)::int as count, sum(face_value_cents)::bigint as cents
         from blocked group by 1, 2 order by 1, 2`,
      [programmeId],
    );
    return rows.map((r) => ({ ...r, cents: centsOf(r.cents) }));
  },

  async recordExpiry(
    tx: EntityManager,
    expiry: { programmeId: string; vouchersBlocked: number; blockedCents: number; credits: FunderCredit[]; now: Date },
  ): Promise<void> {
    await tx.query(
      `with expiry as (
         insert into programme_expiry (programme_id, vouchers_blocked, blocked_cents, expired_at)
         values ($1, $2, $3, $4::timestamptz) returning id)
       insert into credit (expiry_id, programme_id, funder_id, amount_cents, created_at)
       select expiry.id, $1, c.funder_id, c.amount_cents, $4::timestamptz
         from expiry, unnest($5::uuid[], $6::bigint[]) as c(funder_id, amount_cents)`,
      [
        expiry.programmeId,
        expiry.vouchersBlocked,
        expiry.blockedCents,
        expiry.now,
        expiry.credits.map((c) => c.funderId),
        expiry.credits.map((c) => c.amountCents),
      ],
    );
  },

  /** Credits of several programmes, summed per funder, largest first. */
  async creditsOfProgrammes(db: DataSource, programmeIds: string[]): Promise<CreditRow[]> {
    const rows = await db.query(
      `select programme_id, funder_id, sum(amount_cents) as cents from credit
        where programme_id = any($1) group by programme_id, funder_id order by sum(amount_cents) desc, funder_id`,
      [programmeIds],
    );
    return rows.map((r: Record<string, unknown>) => ({
      programmeId: r.programme_id as string,
      funderId: r.funder_id as string,
      amountCents: centsOf(r.cents),
    }));
  },

  async programmeWindow(db: DataSource, programmeId: string): Promise<{ validUntil: string; alertOn: string } | null> {
    const [row] = await db.query(
      `select valid_until::text as valid_until, (valid_until - 30)::text as alert_on from programme_fact where programme_id = $1`,
      [programmeId],
    );
    return row ? { validUntil: row.valid_until, alertOn: row.alert_on } : null;
  },
};
