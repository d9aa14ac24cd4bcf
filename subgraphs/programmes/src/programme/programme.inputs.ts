import { ArrayMaxSize, ArrayMinSize, IsInt, Max, Min, MaxLength, Matches } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver, SafeIntResolver } from 'graphql-scalars';
import { BeneficiaryStatus, EducationLevel } from '@pass/kit';

@InputType()
export class EligibilityRulesInput {
  @Field(() => Int, { nullable: true })
  @Min(0)
  @Max(130)
  minAge?: number | null;

  @Field(() => Int, { nullable: true })
  @Min(0)
  @Max(130)
  maxAge?: number | null;

  @Field(() => EducationLevel, { nullable: true })
  maxEducationLevel?: EducationLevel | null;

  @Field(() => [BeneficiaryStatus], { defaultValue: [] })
  statusesAnyOf!: BeneficiaryStatus[];
}

@InputType()
export class FundingShareInput {
  @Field(() => ID)
  funderId!: string;

  @Field(() => Int, { description: 'Basis points: all shares of a programme sum to 10,000.' })
  @IsInt()
  @Min(1)
  @Max(10000)
  basisPoints!: number;
}

@InputType()
export class CreateProgrammeInput {
  @Field()
  @MaxLength(200)
  name!: string;

  @Field(() => [String])
  @ArrayMinSize(1)
  @ArrayMaxSize(40000)
  territory!: string[];

  @Field(() => EligibilityRulesInput)
  eligibility!: EligibilityRulesInput;

  @Field(() => LocalDateResolver)
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  validFrom!: string;

  @Field(() => LocalDateResolver)
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  validUntil!: string;

  @Field(() => SafeIntResolver)
  @Min(0)
  budgetCents!: number;

  @Field(() => [FundingShareInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  shares!: FundingShareInput[];
}
