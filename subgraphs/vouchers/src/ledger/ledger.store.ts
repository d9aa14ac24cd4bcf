import type { DataSource, EntityManager } from 'typeorm';
import { centsOf } from './cents';
import { ProgrammeLedger } from './ledger.entity';

/**
 * The ledgers of several programmes in one statement, hence one snapshot: issuing, redeeming and
 * expiring each commit their money moves in one transaction, so a ledger read never sees one half
 * of a move. Each term comes from its own record — orders, redemptions, the running tally of
 * usable vouchers (tally/tally.store.ts, moved by every issue, redemption, cancellation, loss and
 * expiry), credits — so the balance checks them against each other rather than restating one table.
 */
export async function programmeLedgers(db: DataSource | EntityManager, programmeIds: string[]): Promise<Map<string, ProgrammeLedger>> {
  const rows = await db.query(
    `select p.id,
            (select coalesce(sum(o.book_count::bigint * o.vouchers_per_book * o.face_value_cents), 0) from paid_order o
              where o.programme_id = p.id and o.issued_at is not null) as ordered,
            (select coalesce(sum(r.amount_cents), 0) from redemption r where r.programme_id = p.id and r.corrected_at is null) as redeemed,
            (select coalesce(sum(t.available_cents + t.lost_cents), 0) from voucher_tally t where t.programme_id = p.id) as outstanding,
            (select coalesce(sum(c.amount_cents), 0) from credit c where c.programme_id = p.id) as credited
       from unnest($1::uuid[]) as p(id)`,
    [programmeIds],
  );
  return new Map(
    rows.map((r: Record<string, unknown>) => [
      r.id as string,
      Object.assign(new ProgrammeLedger(), {
        orderedCents: centsOf(r.ordered),
        redeemedCents: centsOf(r.redeemed),
        outstandingCents: centsOf(r.outstanding),
        creditedBackCents: centsOf(r.credited),
      }),
    ]),
  );
}

export async function programmeLedger(db: DataSource | EntityManager, programmeId: string): Promise<ProgrammeLedger> {
  const ledger = (await programmeLedgers(db, [programmeId])).get(programmeId);
  if (!ledger) throw new Error(`no ledger row for programme ${programmeId}`);
  return ledger;
}
