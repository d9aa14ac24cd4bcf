import type { DataSource, EntityManager } from 'typeorm';

/** What an idempotency key holds: the hash of the request it was first used for, and the answer given. */
export interface RememberedAnswer<A> {
  requestHash: string;
  answer: A;
}

/**
 * `idempotency`: the first answer given to a venue's idempotency key, replayed to every retry.
 * Keys are scoped by the calling venue (`scope`), so one venue cannot use up, or read, another's.
 */
export const idempotencyStore = {
  async find<A>(db: DataSource | EntityManager, scope: string, key: string): Promise<RememberedAnswer<A> | null> {
    const [prior] = await db.query(`select request_hash, response from idempotency where scope = $1 and key = $2`, [scope, key]);
    return prior ? { requestHash: prior.request_hash, answer: prior.response as A } : null;
  },

  /** Fails on the primary key (23505, `idempotency_pkey`) when a concurrent call with the same key committed first. */
  remember: (tx: EntityManager, scope: string, key: string, requestHash: string, answer: unknown) =>
    tx.query(`insert into idempotency (scope, key, request_hash, response) values ($1, $2, $3, $4)`, [scope, key, requestHash, JSON.stringify(answer)]),

  /** Forgets the answer that gave this redemption (of one venue's keys, or of any venue's when `scope` is null). */
  forgetRedemption: (tx: EntityManager, redemptionId: string, scope: string | null) =>
    scope === null
      ? tx.query(`delete from idempotency where response->>'redemptionId' = $1`, [redemptionId])
      : tx.query(`delete from idempotency where scope = $1 and response->>'redemptionId' = $2`, [scope, redemptionId]),
};
