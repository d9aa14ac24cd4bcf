import type { EntityManager } from 'typeorm';
import type { DistributorRegistered } from '@pass/contracts';

/** `distributor_fact`: the replica of `distributor.registered` — a distributor's name. */
export const distributorFactStore = {
  /** Applied idempotently; a renamed distributor updates its row. */
  upsert: (db: EntityManager, fact: DistributorRegistered) =>
    db.query(
      `insert into distributor_fact (distributor_id, name) values ($1, $2)
       on conflict (distributor_id) do update set name = excluded.name`,
      [fact.distributorId, fact.name],
    ),
};
