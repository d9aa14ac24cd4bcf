import { In, type DataSource, type EntityManager } from 'typeorm';
import type { TerritoryEntry } from '@pass/contracts/territory';
import { territoryWhere } from '../venue/venue.store';
import { ProposalStatus, QualificationProposal } from './proposal.entity';

export const proposalStore = {
  /** One proposal per venue, ever: a re-import proposes nothing again, nor re-opens a decided one. */
  async proposeDeclared(tx: EntityManager, declarations: { source: string; source_id: string; reason: string }[]): Promise<number> {
    if (declarations.length === 0) return 0;
    const rows: unknown[] = await tx.query(
      `insert into qualification_proposal (venue_id, reason)
       select v.id, d.reason from jsonb_to_recordset($1::jsonb) as d(source text, source_id text, reason text)
       join venue v on v.source = d.source and v.source_id = d.source_id
       on conflict (venue_id) do nothing
       returning id`,
      [JSON.stringify(declarations)],
    );
    return rows.length;
  },
  byId: (db: DataSource, id: string) => db.getRepository(QualificationProposal).findOneBy({ id }),
  pending: (db: DataSource, first: number) =>
    db.getRepository(QualificationProposal).find({ where: { status: ProposalStatus.PROPOSED }, order: { proposedAt: 'ASC', id: 'ASC' }, take: first }),
  /** Pending proposals of venues in a territory. */
  async pendingInTerritory(db: DataSource, territory: TerritoryEntry[], first: number): Promise<QualificationProposal[]> {
    const inTerritory = territoryWhere('v', territory);
    if (!inTerritory) return [];
    return db
      .getRepository(QualificationProposal)
      .createQueryBuilder('p')
      .innerJoin('venue', 'v', 'v.id = p.venue_id')
      .where('p.status = :status', { status: ProposalStatus.PROPOSED })
      .andWhere(inTerritory.sql, inTerritory.params)
      .orderBy('p.proposedAt', 'ASC')
      .limit(first)
      .getMany();
  },
  decide: (db: DataSource, id: string, status: ProposalStatus, decidedBy: string, programmeId: string | null) =>
    db.getRepository(QualificationProposal).update({ id, status: ProposalStatus.PROPOSED }, { status, decidedBy, programmeId, decidedAt: new Date() }),
  ofVenues: (db: DataSource, venueIds: string[]) => db.getRepository(QualificationProposal).findBy({ venueId: In(venueIds) }),
};
