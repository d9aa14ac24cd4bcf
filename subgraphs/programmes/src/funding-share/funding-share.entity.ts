import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum FundingShareStatus {
  /** Named by the funder who created the programme; the co-funder has not answered yet. */
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  /** The co-funder refused: the programme's creator shares it again (`reshareProgramme`). */
  DECLINED = 'DECLINED',
}
registerEnumType(FundingShareStatus, {
  name: 'FundingShareStatus',
  description: "Whether a co-funder agreed to its share; a programme takes orders only once every share is ACCEPTED.",
  valuesConfig: {
    PENDING: { description: 'Named by the funder who created the programme; the co-funder has not answered yet.' },
    ACCEPTED: { description: 'The co-funder agreed (the creating funder agrees by creating).' },
    DECLINED: { description: "The co-funder refused: the programme's creator shares it again (reshareProgramme)." },
  },
});

/**
 * One funder's part of a programme, in basis points; a programme's shares sum to 10,000. A
 * programme takes orders only once every share is ACCEPTED.
 */
@Entity({ name: 'funding_share' })
@ObjectType({ description: "A funder's share of a programme." })
export class FundingShare {
  @PrimaryColumn('uuid', { name: 'programme_id' })
  programmeId!: string;

  @PrimaryColumn('uuid', { name: 'funder_id' })
  funderId!: string;

  @Column('int', { name: 'basis_points' })
  @Field(() => Int, { description: '1 % = 100 basis points.' })
  basisPoints!: number;

  @Column('text', { default: FundingShareStatus.ACCEPTED })
  @Field(() => FundingShareStatus, { description: 'Whether the funder agreed to this share.' })
  status!: FundingShareStatus;
}
