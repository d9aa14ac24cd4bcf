import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Venue } from '../venue/venue.entity';

export enum ProposalStatus {
  PROPOSED = 'PROPOSED',
  CONFIRMED = 'CONFIRMED',
  DISMISSED = 'DISMISSED',
}
registerEnumType(ProposalStatus, { name: 'QualificationProposalStatus' });

/**
 * A venue's own declaration that it accepts the Pass numérique (older national cartography,
 * "Accepte le Pass numérique"), waiting for a coordinator: confirming it for a programme
 * qualifies the venue; until then the venue takes no voucher.
 */
@Entity({ name: 'qualification_proposal' })
@ObjectType()
export class QualificationProposal {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column('uuid', { name: 'venue_id' })
  venueId!: string;

  @Field(() => Venue)
  venue?: Venue;

  @Column('text')
  @Field({ description: 'What the venue declared, as the source wrote it.' })
  reason!: string;

  @Column('timestamptz', { name: 'proposed_at' })
  @Field()
  proposedAt!: Date;

  @Column('text')
  @Field(() => ProposalStatus)
  status!: ProposalStatus;

  @Column('uuid', { name: 'programme_id', nullable: true })
  @Field(() => ID, { nullable: true, description: 'The programme it was confirmed for.' })
  programmeId!: string | null;

  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy!: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;
}
