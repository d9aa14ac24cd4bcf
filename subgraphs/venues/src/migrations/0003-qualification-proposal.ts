import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Qualification proposals: a venue that declared in the older national cartography that it
 * "accepts the Pass numérique" is proposed to coordinators, who confirm it for a programme (then
 * it is qualified) or dismiss it. A declaration is never a qualification by itself.
 */
export class QualificationProposal1764500000002 implements MigrationInterface {
  name = 'QualificationProposal1764500000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      create table qualification_proposal (
        id uuid primary key default gen_random_uuid(),
        venue_id uuid not null unique references venue(id),
        reason text not null,
        proposed_at timestamptz not null default now(),
        status text not null default 'PROPOSED' check (status in ('PROPOSED', 'CONFIRMED', 'DISMISSED')),
        programme_id uuid,
        decided_by text,
        decided_at timestamptz
      );
      create index qualification_proposal_status on qualification_proposal (status);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('drop table qualification_proposal');
  }
}
