import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, SafeIntResolver } from 'graphql-scalars';
import { bigintAsNumber } from '@pass/kit';

/**
 * What a venue is paid back (*contre-payée*) for one month: the face value of the vouchers it
 * redeemed, minus the operator's corrections of earlier months' redemptions not yet deducted.
 * Written once when the operator closes the month, never changed afterwards.
 */
@Entity({ name: 'reimbursement_statement' })
@ObjectType({ description: "A venue's statement of one closed month: the redemptions it is paid for." })
@Directive('@key(fields: "id")')
export class ReimbursementStatement {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: "The hub's id of this statement." })
  id!: string;

  @Column('uuid', { name: 'venue_id' })
  venueId!: string;

  @Column('text')
  @Field({ description: 'The closed calendar month, YYYY-MM, Paris time.' })
  month!: string;

  @Column('bigint', { name: 'total_cents', transformer: bigintAsNumber })
  @Field(() => SafeIntResolver, {
    description: "What the venue is paid: the sum of the lines minus the corrections deducted, exactly; zero or negative when the deductions exceed the month's redemptions (the venue owes the difference).",
  })
  totalCents!: number;

  @Column('int', { name: 'line_count' })
  @Field(() => Int, { description: 'Number of redemptions paid for.' })
  lineCount!: number;

  @Column('int', { name: 'correction_count' })
  @Field(() => Int, { description: "Number of operator's corrections deducted: redemptions of earlier, closed months taken back." })
  correctionCount!: number;

  @Column('timestamptz', { name: 'closed_at' })
  @Field(() => DateTimeISOResolver, { description: 'When the operator closed the month.' })
  closedAt!: Date;
}
