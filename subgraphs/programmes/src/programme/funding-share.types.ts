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
registerEnumType(FundingShareErrorCode, { name: 'FundingShareErrorCode' });

@InputType()
export class FundingShareAnswerInput {
  @Field(() => ID)
  programmeId!: string;

  @Field(() => ID, { description: 'The co-funder answering for itself.' })
  funderId!: string;
}

@InputType()
export class ReshareProgrammeInput {
  @Field(() => ID)
  programmeId!: string;

  @Field(() => [FundingShareInput], { description: 'The new shares, summing to 10,000; every co-funder named answers again.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  shares!: FundingShareInput[];
}

@ObjectType()
export class FundingShareError {
  @Field(() => FundingShareErrorCode)
  code!: FundingShareErrorCode;

  @Field()
  message!: string;
}

@ObjectType()
export class FundingSharePayload {
  @Field(() => FundingShare, { nullable: true })
  fundingShare!: FundingShare | null;

  @Field(() => FundingShareError, { nullable: true })
  error!: FundingShareError | null;
}

@ObjectType()
export class ReshareProgrammePayload {
  @Field(() => Programme, { nullable: true })
  programme!: Programme | null;

  @Field(() => FundingShareError, { nullable: true })
  error!: FundingShareError | null;
}
