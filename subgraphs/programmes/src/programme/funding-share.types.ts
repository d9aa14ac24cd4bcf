import { ArrayMaxSize, ArrayMinSize } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { FundingShare } from './funding-share.entity';
import { Programme } from './programme.entity';
import { FundingShareInput } from './programme.inputs';

export enum FundingShareErrorCode {
  /** The funder has no share in this programme. */
  SHARE_NOT_FOUND = 'SHARE_NOT_FOUND',
  /** Accepting a share already declined, or declining one already accepted: the answer was given. */
  SHARE_ALREADY_ANSWERED = 'SHARE_ALREADY_ANSWERED',
  /** Only a programme with a declined share is shared again. */
  NO_DECLINED_SHARE = 'NO_DECLINED_SHARE',
}
registerEnumType(FundingShareErrorCode, {
  name: 'FundingShareErrorCode',
  description: 'Why a share could not be accepted, declined or shared again.',
  valuesConfig: {
    SHARE_NOT_FOUND: { description: 'The funder has no share in this programme.' },
    SHARE_ALREADY_ANSWERED: { description: 'Accepting a share already declined, or declining one already accepted: the answer was given.' },
    NO_DECLINED_SHARE: { description: 'Only a programme with a declined share is shared again.' },
  },
});

@InputType({ description: "A co-funder's answer about its share of a programme." })
export class FundingShareAnswerInput {
  @Field(() => ID, { description: 'The programme.' })
  programmeId!: string;

  @Field(() => ID, { description: 'The co-funder answering for itself.' })
  funderId!: string;
}

@InputType({ description: 'New shares for a programme after a co-funder declined.' })
export class ReshareProgrammeInput {
  @Field(() => ID, { description: 'The programme.' })
  programmeId!: string;

  @Field(() => [FundingShareInput], { description: 'The new shares, summing to 10,000; every co-funder named answers again.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  shares!: FundingShareInput[];
}

@ObjectType({ description: 'Why a funding-share answer was refused.' })
export class FundingShareError {
  @Field(() => FundingShareErrorCode, { description: 'Stable code of the refusal.' })
  code!: FundingShareErrorCode;

  @Field({ description: 'The refusal in words, for people.' })
  message!: string;
}

@ObjectType({ description: 'The share as answered, or why not.' })
export class FundingSharePayload {
  @Field(() => FundingShare, { nullable: true, description: 'The share, with its new status; null on an error.' })
  fundingShare!: FundingShare | null;

  @Field(() => FundingShareError, { nullable: true, description: 'Why it was refused; null when done.' })
  error!: FundingShareError | null;
}

@ObjectType({ description: 'The programme shared again, or why not.' })
export class ReshareProgrammePayload {
  @Field(() => Programme, { nullable: true, description: 'The programme with its new shares; null on an error.' })
  programme!: Programme | null;

  @Field(() => FundingShareError, { nullable: true, description: 'Why it was refused; null when done.' })
  error!: FundingShareError | null;
}
