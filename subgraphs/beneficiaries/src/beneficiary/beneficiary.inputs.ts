import { ArrayMaxSize, Max, Min } from 'class-validator';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { BeneficiaryStatus, EducationLevel, IneligibilityReason } from '@pass/kit';
import { Beneficiary } from './beneficiary.entity';

@InputType({ description: 'The minimum a distributor records about a person: no name, no address.' })
export class RegisterBeneficiaryInput {
  @Field(() => ID)
  distributorId!: string;

  @Field(() => ID, { description: 'The programme whose book the person is to receive.' })
  programmeId!: string;

  @Field(() => Int, { nullable: true })
  @Min(1900)
  @Max(2100)
  birthYear?: number | null;

  @Field({ description: 'INSEE code of the commune the person lives in.' })
  inseeCode!: string;

  @Field(() => EducationLevel, { nullable: true })
  educationLevel?: EducationLevel | null;

  @Field(() => [BeneficiaryStatus], { defaultValue: [] })
  @ArrayMaxSize(6)
  statuses!: BeneficiaryStatus[];

  @Field(() => DateTimeISOResolver, { description: 'When the person consented to the processing of these data.' })
  consentAt!: Date;
}

@ObjectType()
export class BeneficiaryError {
  @Field({ description: 'NOT_ELIGIBLE, UNKNOWN_PROGRAMME, UNKNOWN_DISTRIBUTOR, UNKNOWN_COMMUNE, CONSENT_IN_FUTURE' })
  code!: string;

  @Field()
  message!: string;

  @Field(() => [IneligibilityReason])
  reasons!: IneligibilityReason[];
}

@ObjectType()
export class RegisterBeneficiaryPayload {
  @Field(() => Beneficiary, { nullable: true })
  beneficiary!: Beneficiary | null;

  @Field(() => BeneficiaryError, { nullable: true })
  error!: BeneficiaryError | null;
}
