import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';

/** One funder's part of a programme, in basis points; a programme's shares sum to 10,000. */
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
}
