import type { DataSource, EntityManager } from 'typeorm';
import { Topics } from '@pass/contracts';

export interface Registration {
  distributorId: string;
  /** When the person was erased; null while their record is held. */
  erasedAt: Date | null;
}

/** Tombstones of erased people (`erased_beneficiary`), and the redaction of the facts published about them. */
export const privacyStore = {
  /**
   * Tombstones (id, registering distributor, when, why) for the people among `ids` not erased yet,
   * read from their rows; returns the ids tombstoned by this call.
   */
  async tombstone(tx: EntityManager, ids: string[], reason: string, now: Date): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      `with gone as (
         insert into erased_beneficiary (beneficiary_id, distributor_id, erased_at, reason)
         select id, distributor_id, $2, $3 from beneficiary where id = any($1::uuid[])
         on conflict do nothing returning beneficiary_id)
       select beneficiary_id as id from gone`,
      [ids, now, reason],
    );
    return rows.map((r) => r.id);
  },

  /**
   * The bus is append-only for facts, but the publisher of a fact about a person redacts its own
   * payloads when the person is erased: the topic and sequence number stay, so consumers' offsets
   * and replays are unaffected (a redacted `beneficiary.registered` is skipped by its consumers).
   */
  async redactRegistrations(tx: EntityManager, ids: string[]): Promise<void> {
    await tx.query(
      `update bus.event set payload = '{"redacted": true}'::jsonb
        where topic = $1 and payload->>'beneficiaryId' = any($2::text[])`,
      [Topics.beneficiaryRegistered, ids],
    );
  },

  async tombstoneOf(tx: EntityManager, id: string): Promise<Registration | null> {
    const [tomb] = await tx.query(`select distributor_id, erased_at from erased_beneficiary where beneficiary_id = $1`, [id]);
    return tomb ? { distributorId: tomb.distributor_id, erasedAt: tomb.erased_at } : null;
  },

  /** Who registered a person, erased or not; null when no person or tombstone has the id. */
  async registrationOf(db: DataSource, id: string): Promise<Registration | null> {
    const [row] = await db.query(
      `select distributor_id, null::timestamptz as erased_at from beneficiary where id = $1
       union all select distributor_id, erased_at from erased_beneficiary where beneficiary_id = $1`,
      [id],
    );
    return row ? { distributorId: row.distributor_id, erasedAt: row.erased_at } : null;
  },
};
