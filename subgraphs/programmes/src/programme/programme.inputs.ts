import { ArrayMaxSize, ArrayMinSize, IsInt, Max, Min, MaxLength, Matches } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateResolver, SafeIntResolver } from 'graphql-scalars';
import { BeneficiaryStatus, EducationLevel } from '@pass/contracts';

@InputType({ description: 'Who may receive a book of a programme; every rule left empty admits everyone.' })
export class EligibilityRulesInput {
  @Field(() => Int, { nullable: true, description: 'Youngest age admitted, in whole years.' })
  @Min(0)
  @Max(130)
  minAge?: number | null;

  @Field(() => Int, { nullable: true, description: 'Oldest age admitted, in whole years.' })
  @Min(0)
  @Max(130)
  maxAge?: number | null;

  @Field(() => EducationLevel, { nullable: true, description: 'Highest education level admitted.' })
  maxEducationLevel?: EducationLevel | null;

  @Field(() => [BeneficiaryStatus], { defaultValue: [], description: 'The person must be in at least one of these situations; empty admits all.' })
  statusesAnyOf!: BeneficiaryStatus[];
}

@InputType({ description: "A funder's share of a new programme." })
export class FundingShareInput {
  @Field(() => ID, { description: 'The funder.' })
  funderId!: string;

  @Field(() => Int, { description: 'Basis points: all shares of a programme sum to 10,000.' })
  @IsInt()
  @Min(1)
  @Max(10000)
  basisPoints!: number;
}

@InputType({ description: "A new programme: its territory, eligibility rules, validity window, budget and funders' shares." })
export class CreateProgrammeInput {
  @Field({ description: "The programme's name, as partners know it." })
  @MaxLength(200)
  name!: string;

  @Field(() => [String], { description: 'Typed INSEE entries: `commune:60175`, `epci:200068047`, `departement:23`, `region:27`.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(40000)
  territory!: string[];

  @Field(() => EligibilityRulesInput, { description: 'Who may receive a book of the programme.' })
  eligibility!: EligibilityRulesInput;

  @Field(() => LocalDateResolver, { description: 'First day vouchers can be redeemed.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  validFrom!: string;

  @Field(() => LocalDateResolver, { description: 'Last day vouchers can be redeemed.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  validUntil!: string;

  @Field(() => SafeIntResolver, { description: 'The budget, in euro cents.' })
  @Min(0)
  budgetCents!: number;

  @Field(() => [FundingShareInput], { description: "Each funder's share in basis points; they sum to 10,000 and include the calling funder." })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  shares!: FundingShareInput[];
}
