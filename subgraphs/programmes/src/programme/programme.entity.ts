import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver, SafeIntResolver } from 'graphql-scalars';
import { BeneficiaryStatus, EducationLevel, bigintAsNumber } from '@pass/kit';

/** Who may receive a book of this programme; every rule left empty admits everyone. */
@ObjectType()
export class EligibilityRules {
  @Field(() => Int, { nullable: true })
  minAge!: number | null;

  @Field(() => Int, { nullable: true })
  maxAge!: number | null;

  @Field(() => EducationLevel, { nullable: true, description: 'Highest education level admitted.' })
  maxEducationLevel!: EducationLevel | null;

  @Field(() => [BeneficiaryStatus], { description: 'The person must be in at least one of these situations; empty admits all.' })
  statusesAnyOf!: BeneficiaryStatus[];
}

/**
 * A programme (*dispositif Pass numérique* of a territory): a territory, eligibility rules, a
 * validity window, a budget and its funders' shares.
 */
@Entity({ name: 'programme' })
@ObjectType()
@Directive('@key(fields: "id")')
export class Programme {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column('text')
  @Field()
  name!: string;

  @Column('text', { array: true })
  @Field(() => [String], { description: 'Typed INSEE entries: `commune:60175`, `epci:200068047`, `departement:23`, `region:27`.' })
  territory!: string[];

  @Column('jsonb')
  @Field(() => EligibilityRules)
  eligibility!: EligibilityRules;

  @Column('date', { name: 'valid_from' })
  @Field(() => LocalDateResolver)
  validFrom!: string;

  @Column('date', { name: 'valid_until' })
  @Field(() => LocalDateResolver, { description: 'Last day vouchers can be redeemed.' })
  validUntil!: string;

  @Column('bigint', { name: 'budget_cents', transformer: bigintAsNumber })
  @Field(() => SafeIntResolver)
  budgetCents!: number;

  /** The funder that set the programme up, who alone shares it again after a co-funder declined (null: the operator). */
  @Column('uuid', { name: 'created_by_funder_id', nullable: true })
  createdByFunderId!: string | null;
}
