import { ArrayMaxSize, Max, Min } from 'class-validator';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { BeneficiaryStatus, EducationLevel } from '@pass/contracts';
import { IneligibilityReason } from '../eligibility/eligibility';
import { Beneficiary } from './beneficiary.entity';

@InputType({ description: 'The minimum a distributor records about a person: no name, no address.' })
export class RegisterBeneficiaryInput {
  @Field(() => ID, { description: 'The registering distributor.' })
  distributorId!: string;

  @Field(() => ID, { description: 'The programme whose book the person is to receive.' })
  programmeId!: string;

  @Field(() => Int, { nullable: true, description: 'Year of birth; needed when the programme has an age rule.' })
  @Min(1900)
  @Max(2100)
  birthYear?: number | null;

  @Field({ description: 'INSEE code of the commune the person lives in.' })
  inseeCode!: string;

  @Field(() => EducationLevel, { nullable: true, description: 'Highest education level reached; needed when the programme has an education rule.' })
  educationLevel?: EducationLevel | null;

  @Field(() => [BeneficiaryStatus], { defaultValue: [], description: 'The situations the person is in.' })
  @ArrayMaxSize(6)
  statuses!: BeneficiaryStatus[];

  @Field(() => DateTimeISOResolver, { description: 'When the person consented to the processing of these data.' })
  consentAt!: Date;
}

@ObjectType({ description: 'Why a person could not be registered.' })
export class BeneficiaryError {
  @Field({ description: 'NOT_ELIGIBLE: the person fails a rule of the programme (see `reasons`); UNKNOWN_PROGRAMME: no programme has this id; UNKNOWN_DISTRIBUTOR: no distributor has this id; UNKNOWN_COMMUNE: the INSEE code names no French commune; CONSENT_IN_FUTURE: the consent is dated after now.' })
  code!: string;

  @Field({ description: 'A sentence for people, in English; programs read `code`.' })
  message!: string;

  @Field(() => [IneligibilityReason], { description: 'With NOT_ELIGIBLE: every eligibility rule the person fails; empty otherwise.' })
  reasons!: IneligibilityReason[];
}

@ObjectType({ description: 'The answer to registerBeneficiary: the person, or an error.' })
export class RegisterBeneficiaryPayload {
  @Field(() => Beneficiary, { nullable: true, description: 'The person registered; null on an error.' })
  beneficiary!: Beneficiary | null;

  @Field(() => BeneficiaryError, { nullable: true, description: 'Why the person was not registered; null when they were.' })
  error!: BeneficiaryError | null;
}
