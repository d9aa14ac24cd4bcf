import type { DataSource, EntityManager } from 'typeorm';
import { ProgrammeFact } from './programme-fact.entity';

/** The replica of the programmes subgraph's programmes: written only by `programme.defined`. */
export const programmeFactStore = {
  byId: (db: DataSource, programmeId: string) => db.getRepository(ProgrammeFact).findOneBy({ programmeId }),
  /** The latest definition of a programme replaces the previous one. */
  upsert: (manager: EntityManager, fact: ProgrammeFact) => manager.getRepository(ProgrammeFact).upsert(fact, ['programmeId']),
};
