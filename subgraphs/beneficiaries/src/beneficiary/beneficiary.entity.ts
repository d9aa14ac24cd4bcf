import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType, UseMiddleware } from 'type-graphql';
import { RegisteringDistributorOnly } from '../access';
import { BeneficiaryStatus, EducationLevel } from '@pass/contracts';
import { DateTimeISOResolver } from 'graphql-scalars';

/** 16-25 is the band youth programmes target; the rest are ten-year bands up to retirement age. */
const AGE_BANDS: [string, number][] = [
  ['under-16', 15],
  ['16-25', 25],
  ['26-35', 35],
  ['36-45', 45],
  ['46-55', 55],
  ['56-64', 64],
];

/**
 * A beneficiary (*bénéficiaire*): a vulnerable person holding a book. Only a pseudonym and the
 * facts eligibility needs are kept; never a name or an address.
 */
@Entity({ name: 'beneficiary' })
@ObjectType({ description: 'A person a distributor registered to receive a book: a pseudonymous record with the minimum the eligibility rules need, never a name or an address.' })
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
  @UseMiddleware(RegisteringDistributorOnly)
  @Field(() => Int, { nullable: true, description: 'Year of birth, when the person gave it; only the registering distributor sees it.' })
  birthYear!: number | null;

  @Column('text', { name: 'insee_code' })
  @UseMiddleware(RegisteringDistributorOnly)
  @Field({ description: 'INSEE code of the commune the person lives in.' })
  inseeCode!: string;

  @Column('text', { name: 'education_level', nullable: true })
  @UseMiddleware(RegisteringDistributorOnly)
  @Field(() => EducationLevel, { nullable: true, description: 'Highest education level reached, when given; only the registering distributor sees it.' })
  educationLevel!: EducationLevel | null;

  @Column('text', { array: true })
  @UseMiddleware(RegisteringDistributorOnly)
  @Field(() => [BeneficiaryStatus], { description: 'The situations the person is in (job seeker, retiree…); only the registering distributor sees them.' })
  statuses!: BeneficiaryStatus[];

  @Column('timestamptz', { name: 'consent_at' })
  @UseMiddleware(RegisteringDistributorOnly)
  @Field(() => DateTimeISOResolver, { description: 'When the person consented to the record being kept.' })
  consentAt!: Date;

  @Column('timestamptz', { name: 'registered_at' })
  @UseMiddleware(RegisteringDistributorOnly)
  @Field(() => DateTimeISOResolver, { description: 'When the distributor registered the person.' })
  registeredAt!: Date;

  @UseMiddleware(RegisteringDistributorOnly)
  @Field(() => String, { nullable: true, description: 'Age band derived from the birth year: under-16, 16-25, 26-35, 36-45, 46-55, 56-64, 65+.' })
  get ageBand(): string | null {
    if (this.birthYear == null) return null;
    const age = new Date().getUTCFullYear() - this.birthYear;
    const band = AGE_BANDS.find(([, upTo]) => age <= upTo);
    return band ? band[0] : '65+';
  }
}
