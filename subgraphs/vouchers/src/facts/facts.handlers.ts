import type { EntityManager } from 'typeorm';
import { eraseInVouchers } from '../privacy/erasure';
import type { EventHandler } from '@pass/kit';
import {
  Topics,
  type BeneficiaryErased,
  type BeneficiaryRegistered,
  type DistributorRegistered,
  type OrderPaid,
  type ProgrammeDefined,
  type SessionScheduled,
  type VenueQualified,
} from '@pass/contracts';

/**
 * The facts this subgraph replicates, each applied idempotently: replaying an event leaves the
 * replica as it was, so a consumer that crashed between apply and offset update is harmless.
 */
export const factHandlers: Record<string, EventHandler> = {
  [Topics.programmeDefined]: async (fact: ProgrammeDefined, db: EntityManager) => {
    await db.query(
      `insert into programme_fact (programme_id, name, territory, valid_from, valid_until, shares)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (programme_id) do update set name = excluded.name, territory = excluded.territory,
         valid_from = excluded.valid_from, valid_until = excluded.valid_until, shares = excluded.shares`,
      [fact.programmeId, fact.name, fact.territory, fact.validFrom, fact.validUntil, JSON.stringify(fact.shares)],
    );
  },
  [Topics.orderPaid]: async (fact: OrderPaid, db: EntityManager) => {
    await db.query(
      `insert into paid_order (order_id, programme_id, funder_id, book_count, vouchers_per_book, face_value_cents)
       values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
      [fact.orderId, fact.programmeId, fact.funderId, fact.bookCount, fact.vouchersPerBook, fact.faceValueCents],
    );
  },
  [Topics.venueQualified]: async (fact: VenueQualified, db: EntityManager) => {
    if (fact.qualified) {
      await db.query(`insert into venue_qualification (venue_id, programme_id) values ($1, $2) on conflict do nothing`, [
        fact.venueId,
        fact.programmeId,
      ]);
    } else {
      await db.query(`delete from venue_qualification where venue_id = $1 and programme_id = $2`, [fact.venueId, fact.programmeId]);
    }
  },
  [Topics.sessionScheduled]: async (fact: SessionScheduled, db: EntityManager) => {
    await db.query(
      `insert into session_fact (session_id, venue_id, insee_code, starts_at, seats) values ($1, $2, $3, $4, $5)
       on conflict (session_id) do update set starts_at = excluded.starts_at, seats = excluded.seats`,
      [fact.sessionId, fact.venueId, fact.inseeCode, fact.startsAt, fact.seats],
    );
  },
  [Topics.distributorRegistered]: async (fact: DistributorRegistered, db: EntityManager) => {
    await db.query(
      `insert into distributor_fact (distributor_id, name) values ($1, $2)
       on conflict (distributor_id) do update set name = excluded.name`,
      [fact.distributorId, fact.name],
    );
  },
  [Topics.beneficiaryRegistered]: async (fact: BeneficiaryRegistered | { redacted: true }, db: EntityManager) => {
    // The publisher redacts the fact when it erases the person: nothing to replicate.
    if ('redacted' in fact) return;
    await db.query(
      `insert into beneficiary_fact (beneficiary_id, distributor_id, eligible_programme_ids) values ($1, $2, $3)
       on conflict (beneficiary_id) do update set eligible_programme_ids =
         (select array_agg(distinct p) from unnest(beneficiary_fact.eligible_programme_ids || excluded.eligible_programme_ids) p)`,
      [fact.beneficiaryId, fact.distributorId, fact.eligibleProgrammeIds],
    );
  },
  [Topics.beneficiaryErased]: async (fact: BeneficiaryErased, db: EntityManager) => {
    await eraseInVouchers(db, [fact.beneficiaryId], new Date(fact.erasedAt));
  },
};
