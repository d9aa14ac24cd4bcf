import { ArrayMaxSize, Max, Min } from 'class-validator';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { refusalType, type Refusal } from '@pass/kit';
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

export enum RegisterBeneficiaryErrorCode {
  /** The person fails a rule of the programme: `ineligibilityReasons` lists every one. */
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
  UNKNOWN_PROGRAMME = 'UNKNOWN_PROGRAMME',
  UNKNOWN_DISTRIBUTOR = 'UNKNOWN_DISTRIBUTOR',
  UNKNOWN_COMMUNE = 'UNKNOWN_COMMUNE',
  CONSENT_IN_FUTURE = 'CONSENT_IN_FUTURE',
}
registerEnumType(RegisterBeneficiaryErrorCode, {
  name: 'RegisterBeneficiaryErrorCode',
  description: 'Why registerBeneficiary refused.',
  valuesConfig: {
    NOT_ELIGIBLE: { description: 'The person fails a rule of the programme: `ineligibilityReasons` lists every one.' },
    UNKNOWN_PROGRAMME: { description: 'No programme has this id.' },
    UNKNOWN_DISTRIBUTOR: { description: 'No distributor has this id.' },
    UNKNOWN_COMMUNE: { description: 'The INSEE code names no French commune.' },
    CONSENT_IN_FUTURE: { description: 'The consent is dated after now.' },
  },
});

export const RegisterBeneficiaryError = refusalType(RegisterBeneficiaryErrorCode, 'RegisterBeneficiaryError', 'registerBeneficiary');

@ObjectType({ description: 'What registerBeneficiary answers: the person, or why not.' })
export class RegisterBeneficiaryPayload {
  @Field(() => Beneficiary, { nullable: true, description: 'The person registered; null on an error.' })
  beneficiary!: Beneficiary | null;

  @Field(() => RegisterBeneficiaryError, { nullable: true, description: 'Why the person was not registered; null when they were.' })
  error!: Refusal<RegisterBeneficiaryErrorCode> | null;

  @Field(() => [IneligibilityReason], { description: 'With NOT_ELIGIBLE: every eligibility rule the person fails, to tell them why at once; empty otherwise.' })
  ineligibilityReasons!: IneligibilityReason[];
}
