import type { DataSource, EntityManager } from 'typeorm';
import { isUuid, publish } from '@pass/kit';
import {
  Topics,
  anonymisationDueOn,
  firstEndDateStillRetained,
  isAnonymisationDue,
  parisDayOf,
  type BeneficiaryErased,
} from '@pass/contracts';

export type ErasureReason = 'ERASURE_REQUEST' | 'ANONYMISATION';

/**
 * Erases people in one transaction of this subgraph: a tombstone (id, registering distributor,
 * when, why) replaces each row, their eligibility checks go, the `beneficiary.registered` facts
 * this subgraph published about them are redacted on the bus (their payload linked the id to a
 * distributor and programmes), and one `beneficiary.erased` fact per person tells the other
 * subgraphs to strip what they hold. Ids already erased are skipped, so a replay changes nothing.
 * Returns the ids erased by this call.
 */
export async function eraseBeneficiaries(tx: EntityManager, ids: string[], reason: ErasureReason, now: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows: { id: string }[] = await tx.query(
    `with gone as (
       insert into erased_beneficiary (beneficiary_id, distributor_id, erased_at, reason)
       select id, distributor_id, $2, $3 from beneficiary where id = any($1::uuid[])
       on conflict do nothing returning beneficiary_id)
     select beneficiary_id as id from gone`,
    [ids, now, reason],
  );
  const erased = rows.map((r) => r.id);
  if (erased.length === 0) return [];
  await tx.query(`delete from beneficiary_eligibility where beneficiary_id = any($1::uuid[])`, [erased]);
  await tx.query(`delete from beneficiary where id = any($1::uuid[])`, [erased]);
  // The bus is append-only for facts, but the publisher of a fact about a person redacts its own
  // payloads when the person is erased: the topic and sequence number stay, so consumers' offsets
  // and replays are unaffected (a redacted `beneficiary.registered` is skipped by its consumers).
  await tx.query(
    `update bus.event set payload = '{"redacted": true}'::jsonb
      where topic = $1 and payload->>'beneficiaryId' = any($2::text[])`,
    [Topics.beneficiaryRegistered, erased],
  );
  const facts: BeneficiaryErased[] = erased.map((beneficiaryId) => ({ beneficiaryId, reason, erasedAt: now.toISOString() }));
  await publish(tx, facts.map((payload) => ({ topic: Topics.beneficiaryErased, payload })));
  return erased;
}

export interface EraseOutcome {
  /** The person's id; null when no person or tombstone has it. */
  beneficiaryId: string | null;
  /** The registering distributor, to check the caller against. */
  distributorId: string | null;
  erasedAt: Date | null;
  /** False when the person had already been erased: nothing changed. */
  erasedNow: boolean;
}

/** Erasure on request: the registering distributor (checked by the caller) asks for one person. */
export async function eraseBeneficiary(db: DataSource, beneficiaryId: string, now = new Date()): Promise<EraseOutcome> {
  if (!isUuid(beneficiaryId)) return { beneficiaryId: null, distributorId: null, erasedAt: null, erasedNow: false };
  return db.transaction(async (tx) => {
    const [person] = await tx.query(`select distributor_id from beneficiary where id = $1 for update`, [beneficiaryId]);
    if (person) {
      await eraseBeneficiaries(tx, [beneficiaryId], 'ERASURE_REQUEST', now);
      return { beneficiaryId, distributorId: person.distributor_id, erasedAt: now, erasedNow: true };
    }
    const [tomb] = await tx.query(`select distributor_id, erased_at from erased_beneficiary where beneficiary_id = $1`, [beneficiaryId]);
    if (tomb) return { beneficiaryId, distributorId: tomb.distributor_id, erasedAt: tomb.erased_at, erasedNow: false };
    return { beneficiaryId: null, distributorId: null, erasedAt: null, erasedNow: false };
  });
}

/** Who registered a person, erased or not: for the access rule of access and erasure requests. */
export async function registeringDistributorOf(db: DataSource, beneficiaryId: string): Promise<{ distributorId: string; erasedAt: Date | null } | null> {
  if (!isUuid(beneficiaryId)) return null;
  const [row] = await db.query(
    `select distributor_id, null::timestamptz as erased_at from beneficiary where id = $1
     union all select distributor_id, erased_at from erased_beneficiary where beneficiary_id = $1`,
    [beneficiaryId],
  );
  return row ? { distributorId: row.distributor_id, erasedAt: row.erased_at } : null;
}

export class AnonymisationRefused extends Error {
  constructor(
    message: string,
    readonly code: 'UNKNOWN_PROGRAMME' | 'NOT_DUE',
  ) {
    super(message);
  }
}

export interface AnonymisationRun {
  programmeId: string;
  /** People whose data this call erased (or, on a dry run, would erase). */
  erased: number;
}

/**
 * The anonymisation job's part in this subgraph: 12 months after a programme ends, every person
 * registered for it is erased (reason ANONYMISATION), unless they were also found eligible for a
 * programme not yet past its own retention period. Refused for a programme not yet due, against
 * this subgraph's replica of the programme. Idempotent: a second run erases nobody.
 */
export async function anonymiseBeneficiariesOfProgramme(
  db: DataSource,
  programmeId: string,
  options: { now?: Date; dryRun?: boolean; batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<AnonymisationRun> {
  const now = options.now ?? new Date();
  const [programme] = isUuid(programmeId) ? await db.query(`select valid_until::text from programme_fact where programme_id = $1`, [programmeId]) : [];
  if (!programme) throw new AnonymisationRefused(`programme ${programmeId} not found`, 'UNKNOWN_PROGRAMME');
  if (!isAnonymisationDue(programme.valid_until, now)) {
    throw new AnonymisationRefused(
      `programme ${programmeId} ended on ${programme.valid_until}: its beneficiaries' data is kept until ${anonymisationDueOn(programme.valid_until)} (12 months after its end; today is ${parisDayOf(now)})`,
      'NOT_DUE',
    );
  }
  const due: { id: string }[] = await db.query(
    `select e.beneficiary_id as id from beneficiary_eligibility e
      where e.programme_id = $1
        and not exists (select 1 from beneficiary_eligibility other join programme_fact p on p.programme_id = other.programme_id
                         where other.beneficiary_id = e.beneficiary_id and p.valid_until >= $2::date)
      order by e.beneficiary_id`,
    [programmeId, firstEndDateStillRetained(now)],
  );
  const ids = due.map((r) => r.id);
  if (options.dryRun) {
    options.onProgress?.(ids.length, ids.length);
    return { programmeId, erased: ids.length };
  }
  const batchSize = options.batchSize ?? 500;
  let erased = 0;
  options.onProgress?.(0, ids.length);
  for (let first = 0; first < ids.length; first += batchSize) {
    erased += (await db.transaction((tx) => eraseBeneficiaries(tx, ids.slice(first, first + batchSize), 'ANONYMISATION', now))).length;
    options.onProgress?.(Math.min(ids.length, first + batchSize), ids.length);
  }
  return { programmeId, erased };
}

