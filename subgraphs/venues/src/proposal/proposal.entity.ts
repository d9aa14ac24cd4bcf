import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Venue } from '../venue/venue.entity';

export enum ProposalStatus {
  PROPOSED = 'PROPOSED',
  CONFIRMED = 'CONFIRMED',
  DISMISSED = 'DISMISSED',
}
registerEnumType(ProposalStatus, {
  name: 'QualificationProposalStatus',
  description: 'Where a qualification proposal stands.',
  valuesConfig: {
    PROPOSED: { description: 'Waiting for a coordinator.' },
    CONFIRMED: { description: 'Confirmed for a programme: the venue is qualified for it.' },
    DISMISSED: { description: 'Dismissed: the venue is not qualified, and is not proposed again.' },
  },
});

/**
 * A venue's own declaration that it accepts the Pass numérique (older national cartography,
 * "Accepte le Pass numérique"), waiting for a coordinator: confirming it for a programme
 * qualifies the venue; until then the venue takes no voucher.
 */
@Entity({ name: 'qualification_proposal' })
@ObjectType({ description: 'A venue\'s own declaration that it accepts the Pass numérique, waiting for a coordinator to confirm it for a programme (which qualifies the venue) or dismiss it.' })
export class QualificationProposal {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: 'The proposal\'s id.' })
  id!: string;

  @Column('uuid', { name: 'venue_id' })
  venueId!: string;

  @Field(() => Venue, { description: 'The venue that declared it accepts the Pass numérique.' })
  venue?: Venue;

  @Column('text')
  @Field({ description: 'What the venue declared, as the source wrote it.' })
  reason!: string;

  @Column('timestamptz', { name: 'proposed_at' })
  @Field({ description: 'When the import that found the declaration recorded it.' })
  proposedAt!: Date;

  @Column('text')
  @Field(() => ProposalStatus, { description: 'Waiting, confirmed or dismissed.' })
  status!: ProposalStatus;

  @Column('uuid', { name: 'programme_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The programme it was confirmed for.' })
  programmeId!: string | null;

  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When a coordinator confirmed or dismissed it; null while waiting.' })
  decidedAt!: Date | null;
}
