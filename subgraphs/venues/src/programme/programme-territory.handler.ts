import type { EntityManager } from 'typeorm';
import type { ProgrammeDefined } from '@pass/contracts';

/**
 * Applies `programme.defined` to the replica of programme territories (docs/adr/0001): the latest
 * definition wins, and replaying an event leaves the row as it was.
 */
export async function applyProgrammeTerritory(fact: ProgrammeDefined, db: EntityManager): Promise<void> {
  await db.query(
    `insert into programme_territory (programme_id, territory) values ($1, $2)
     on conflict (programme_id) do update set territory = excluded.territory`,
    [fact.programmeId, fact.territory],
  );
}
