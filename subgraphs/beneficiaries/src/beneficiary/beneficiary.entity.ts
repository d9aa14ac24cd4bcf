import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { BeneficiaryStatus, EducationLevel } from '@pass/kit';
import { DateTimeISOResolver } from 'graphql-scalars';

/**
 * A beneficiary (*bénéficiaire*): a vulnerable person holding a book. Only a pseudonym and the
 * facts eligibility needs are kept; never a name or an address.
 */
@Entity({ name: 'beneficiary' })
@ObjectType()
@Directive('@key(fields: "id")')
export class Beneficiary {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column('text')
  @Field({ description: 'Pseudonymous reference printed on the book slip.' })
  pseudonym!: string;

  @Column('uuid', { name: 'distributor_id' })
  distributorId!: string;

  @Column('int', { name: 'birth_year', nullable: true })
  @Field(() => Int, { nullable: true })
  birthYear!: number | null;

  @Column('text', { name: 'insee_code' })
  @Field({ description: 'INSEE code of the commune the person lives in.' })
  inseeCode!: string;

  @Column('text', { name: 'education_level', nullable: true })
  @Field(() => EducationLevel, { nullable: true })
  educationLevel!: EducationLevel | null;

  @Column('text', { array: true })
  @Field(() => [BeneficiaryStatus])
  statuses!: BeneficiaryStatus[];

  @Column('timestamptz', { name: 'consent_at' })
  @Field(() => DateTimeISOResolver)
  consentAt!: Date;

  @Column('timestamptz', { name: 'registered_at' })
  @Field(() => DateTimeISOResolver)
  registeredAt!: Date;

  @Field(() => String, { nullable: true, description: 'Ten-year age band, e.g. "16-25", derived from the birth year.' })
  get ageBand(): string | null {
    if (this.birthYear == null) return null;
    const age = new Date().getUTCFullYear() - this.birthYear;
    if (age < 16) return 'under-16';
    if (age <= 25) return '16-25';
    if (age >= 65) return '65+';
    const low = Math.floor(age / 10) * 10;
    return `${low}-${low + 9}`;
  }
}
