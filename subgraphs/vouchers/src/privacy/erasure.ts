import type { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '@pass/kit';
import { anonymisationDueOn, firstEndDateStillRetained, isAnonymisationDue, parisDayOf } from '@pass/contracts';

/**
 * What this subgraph holds about a person: the replica of their registration (`beneficiary_fact`:
 * id, registering distributor, programmes), the link from the books handed to them, and the
 * outcomes venues recorded for those books (PIX score, skills, free-text note). Erasing strips all
 * of it and nothing else: books, vouchers, redemptions, statements and credits stay as they are,
 * so every count and amount is unchanged.
 */
export async function eraseInVouchers(manager: EntityManager, beneficiaryIds: string[], now: Date): Promise<{ books: number; outcomes: number; registrations: number }> {
  if (beneficiaryIds.length === 0) return { books: 0, outcomes: 0, registrations: 0 };
  // One fresh random id per person (not per book), so "distinct people" counts stay the same.
  const books: { id: string }[] = await manager.query(
    `with people as (select p as old_id, gen_random_uuid() as new_id from unnest($1::uuid[]) p),
          changed as (update book b set beneficiary_id = people.new_id, beneficiary_erased_at = $2
                        from people where b.beneficiary_id = people.old_id and b.beneficiary_erased_at is null
                      returning b.id)
     select id from changed`,
    [beneficiaryIds, now],
  );
  const outcomes = books.length === 0 ? [] : await stripOutcomes(manager, books.map((b) => b.id), now);
  const registrations: unknown[] = await manager.query(
    `with gone as (delete from beneficiary_fact where beneficiary_id = any($1::uuid[]) returning beneficiary_id) select * from gone`,
    [beneficiaryIds],
  );
  return { books: books.length, outcomes: outcomes.length, registrations: registrations.length };
}

async function stripOutcomes(manager: EntityManager, bookIds: string[], now: Date): Promise<{ id: string }[]> {
  return manager.query(
    `with changed as (update outcome set pix_score = null, skills_reached = '{}', note = null, erased_at = $2
                        where book_id = any($1::uuid[]) and erased_at is null returning id)
     select id from changed`,
    [bookIds, now],
  );
}

export class VouchersAnonymisationRefused extends Error {
  constructor(
    message: string,
    readonly code: 'UNKNOWN_PROGRAMME' | 'NOT_DUE',
  ) {
    super(message);
  }
}

/**
 * The anonymisation job's part in this subgraph, for one programme past its retention period
 * (checked against this subgraph's replica): every handed-out book of the programme loses its link
 * to the person and its outcomes are stripped; the registration replicas of people found eligible
 * only for programmes past their retention period go. People erased in the beneficiaries subgraph
 * reach here by `beneficiary.erased` as well; both paths strip the same rows, and a second run
 * changes nothing.
 */
export async function anonymiseVouchersOfProgramme(
  db: DataSource,
  programmeId: string,
  options: { now?: Date; dryRun?: boolean; batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ programmeId: string; books: number; outcomes: number; registrations: number }> {
  const now = options.now ?? new Date();
  const [programme] = isUuid(programmeId) ? await db.query(`select valid_until::text from programme_fact where programme_id = $1`, [programmeId]) : [];
  if (!programme) throw new VouchersAnonymisationRefused(`programme ${programmeId} not found`, 'UNKNOWN_PROGRAMME');
  if (!isAnonymisationDue(programme.valid_until, now)) {
    throw new VouchersAnonymisationRefused(
      `programme ${programmeId} ended on ${programme.valid_until}: kept until ${anonymisationDueOn(programme.valid_until)} (today is ${parisDayOf(now)})`,
      'NOT_DUE',
    );
  }
  // Holders of the programme's books, unless also registered for a programme still retained.
  const people: { id: string }[] = await db.query(
    `select distinct b.beneficiary_id as id from book b
      where b.programme_id = $1 and b.beneficiary_id is not null and b.beneficiary_erased_at is null
        and not exists (select 1 from beneficiary_fact f cross join unnest(f.eligible_programme_ids) other
                          join programme_fact p on p.programme_id = other
                         where f.beneficiary_id = b.beneficiary_id and p.valid_until >= $2::date)
      order by 1`,
    [programmeId, firstEndDateStillRetained(now)],
  );
  const registrations: { id: string }[] = await db.query(
    `select f.beneficiary_id as id from beneficiary_fact f
      where $1 = any(f.eligible_programme_ids)
        and not exists (select 1 from unnest(f.eligible_programme_ids) other join programme_fact p on p.programme_id = other
                         where p.valid_until >= $2::date)`,
    [programmeId, firstEndDateStillRetained(now)],
  );
  if (options.dryRun) {
    options.onProgress?.(people.length, people.length);
    const [{ n }] = await db.query(
      `select count(*)::int as n from outcome o join book b on b.id = o.book_id
        where b.beneficiary_id = any($1::uuid[]) and b.beneficiary_erased_at is null and o.erased_at is null`,
      [people.map((p) => p.id)],
    );
    const [{ books }] = await db.query(
      `select count(*)::int as books from book where beneficiary_id = any($1::uuid[]) and beneficiary_erased_at is null`,
      [people.map((p) => p.id)],
    );
    const [{ facts }] = await db.query(`select count(*)::int as facts from beneficiary_fact where beneficiary_id = any($1::uuid[])`, [
      [...new Set([...people, ...registrations].map((r) => r.id))],
    ]);
    return { programmeId, books, outcomes: n, registrations: facts };
  }
  const ids = people.map((p) => p.id);
  const batchSize = options.batchSize ?? 500;
  let books = 0;
  let outcomes = 0;
  let facts = 0;
  options.onProgress?.(0, ids.length);
  for (let first = 0; first < ids.length; first += batchSize) {
    const done = await db.transaction((tx) => eraseInVouchers(tx, ids.slice(first, first + batchSize), now));
    books += done.books;
    outcomes += done.outcomes;
    facts += done.registrations;
    options.onProgress?.(Math.min(ids.length, first + batchSize), ids.length);
  }
  const gone: unknown[] = await db.query(
    `with gone as (delete from beneficiary_fact where beneficiary_id = any($1::uuid[]) returning beneficiary_id) select * from gone`,
    [registrations.map((r) => r.id)],
  );
  return { programmeId, books, outcomes, registrations: facts + gone.length };
}

