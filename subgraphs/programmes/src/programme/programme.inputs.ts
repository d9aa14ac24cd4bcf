import { ArrayMaxSize, ArrayMinSize, IsInt, Max, Min, MaxLength, Matches } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver, SafeIntResolver } from 'graphql-scalars';
import { refusalType, type Refusal } from '@pass/kit';
import { BeneficiaryStatus, EducationLevel } from '@pass/contracts';
import { Programme } from './programme.entity';

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

export enum CreateProgrammeErrorCode {
  /** A share names a funder the hub does not know. */
  FUNDER_NOT_FOUND = 'FUNDER_NOT_FOUND',
  /** Programmes are told apart by name: a second programme of the same name is refused. */
  PROGRAMME_NAME_TAKEN = 'PROGRAMME_NAME_TAKEN',
}
registerEnumType(CreateProgrammeErrorCode, {
  name: 'CreateProgrammeErrorCode',
  description: 'Why createProgramme refused.',
  valuesConfig: {
    FUNDER_NOT_FOUND: { description: 'A share names a funder the hub does not know (the message names it).' },
    PROGRAMME_NAME_TAKEN: { description: 'A programme of this name already exists: partners tell programmes apart by name.' },
  },
});

export const CreateProgrammeError = refusalType(CreateProgrammeErrorCode, 'CreateProgrammeError', 'createProgramme');

@ObjectType({ description: 'What createProgramme answers: the programme, or why not.' })
export class CreateProgrammePayload {
  @Field(() => Programme, { nullable: true, description: 'The programme created; null on an error.' })
  programme!: Programme | null;

  @Field(() => CreateProgrammeError, { nullable: true, description: 'Why it was refused; null when done.' })
  error!: Refusal<CreateProgrammeErrorCode> | null;
}
