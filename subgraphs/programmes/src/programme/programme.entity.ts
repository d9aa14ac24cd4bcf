import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver, SafeIntResolver } from 'graphql-scalars';
import { bigintAsNumber } from '@pass/kit';
import { BeneficiaryStatus, EducationLevel } from '@pass/contracts';

/** Who may receive a book of this programme; every rule left empty admits everyone. */
@ObjectType({ description: 'Who may receive a book of a programme; every rule left empty admits everyone.' })
export class EligibilityRules {
  @Field(() => Int, { nullable: true, description: 'Youngest age admitted, in whole years; null for no limit.' })
  minAge!: number | null;

  @Field(() => Int, { nullable: true, description: 'Oldest age admitted, in whole years; null for no limit.' })
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
@ObjectType({ description: "A programme (dispositif Pass numérique of a territory): a territory, eligibility rules, a validity window, a budget and its funders' shares." })
@Directive('@key(fields: "id")')
export class Programme {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  // Shareable: the vouchers subgraph answers a redemption's programme name from its replica of
  // programme.defined (@provides there), sparing the venue's pages a round trip here.
  @Column('text')
  @Field({ description: "The programme's name." })
  @Directive('@shareable')
  name!: string;

  @Column('text', { array: true })
  @Field(() => [String], { description: 'Typed INSEE entries: `commune:60175`, `epci:200068047`, `departement:23`, `region:27`.' })
  territory!: string[];

  @Column('jsonb')
  @Field(() => EligibilityRules, { description: 'Who may receive a book.' })
  eligibility!: EligibilityRules;

  @Column('date', { name: 'valid_from' })
  @Field(() => LocalDateResolver, { description: 'First day vouchers can be redeemed.' })
  validFrom!: string;

  @Column('date', { name: 'valid_until' })
  @Field(() => LocalDateResolver, { description: 'Last day vouchers can be redeemed.' })
  validUntil!: string;

  @Column('bigint', { name: 'budget_cents', transformer: bigintAsNumber })
  @Field(() => SafeIntResolver, { description: 'The budget, in euro cents.' })
  budgetCents!: number;

  /** The funder that set the programme up, who alone shares it again after a co-funder declined (null: the operator). */
  @Column('uuid', { name: 'created_by_funder_id', nullable: true })
  createdByFunderId!: string | null;
}
