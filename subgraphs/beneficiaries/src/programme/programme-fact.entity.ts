import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EligibilityRulesFact } from '@pass/contracts';

/** Replica of the programmes subgraph's `programme.defined` facts: read-only here. */
@Entity({ name: 'programme_fact' })
export class ProgrammeFact {
  @PrimaryColumn('uuid', { name: 'programme_id' })
  programmeId!: string;

  @Column('text')
  name!: string;

  @Column('text', { array: true })
  territory!: string[];

  @Column('jsonb')
  eligibility!: EligibilityRulesFact;

  @Column('date', { name: 'valid_from' })
  validFrom!: string;

  @Column('date', { name: 'valid_until' })
  validUntil!: string;
}
