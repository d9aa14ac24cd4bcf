import { ArrayMaxSize, ArrayMinSize } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { refusalType, type Refusal } from '@pass/kit';
import { Programme } from '../programme/programme.entity';
import { FundingShareInput } from '../programme/programme.inputs';
import { FundingShare } from './funding-share.entity';

// A co-funder's answer, yes or no: the two mutations take the same input and refuse for the same
// reasons, each under its own names (one mutation contract: `<Mutation>Input`, `<Mutation>Error`).

const answerRefusals = {
  SHARE_NOT_FOUND: { description: 'The funder has no share in this programme.' },
  SHARE_ALREADY_ANSWERED: { description: 'Accepting a share already declined, or declining one already accepted: the answer was given.' },
};

export enum AcceptFundingShareErrorCode {
  SHARE_NOT_FOUND = 'SHARE_NOT_FOUND',
  SHARE_ALREADY_ANSWERED = 'SHARE_ALREADY_ANSWERED',
}
registerEnumType(AcceptFundingShareErrorCode, { name: 'AcceptFundingShareErrorCode', description: 'Why acceptFundingShare refused.', valuesConfig: answerRefusals });

export enum DeclineFundingShareErrorCode {
  SHARE_NOT_FOUND = 'SHARE_NOT_FOUND',
  SHARE_ALREADY_ANSWERED = 'SHARE_ALREADY_ANSWERED',
}
registerEnumType(DeclineFundingShareErrorCode, { name: 'DeclineFundingShareErrorCode', description: 'Why declineFundingShare refused.', valuesConfig: answerRefusals });

export enum ReshareProgrammeErrorCode {
  /** No programme has this id. */
  PROGRAMME_NOT_FOUND = 'PROGRAMME_NOT_FOUND',
  /** Only a programme with a declined share is shared again. */
  NO_DECLINED_SHARE = 'NO_DECLINED_SHARE',
  /** A new share names a funder the hub does not know. */
  FUNDER_NOT_FOUND = 'FUNDER_NOT_FOUND',
}
registerEnumType(ReshareProgrammeErrorCode, {
  name: 'ReshareProgrammeErrorCode',
  description: 'Why reshareProgramme refused.',
  valuesConfig: {
    PROGRAMME_NOT_FOUND: { description: 'No programme has this id.' },
    NO_DECLINED_SHARE: { description: 'Only a programme with a declined share is shared again.' },
    FUNDER_NOT_FOUND: { description: 'A new share names a funder the hub does not know (the message names it).' },
  },
});

@InputType({ description: "A co-funder's acceptance of its share of a programme." })
export class AcceptFundingShareInput {
  @Field(() => ID, { description: 'The programme.' })
  programmeId!: string;

  @Field(() => ID, { description: 'The co-funder answering for itself.' })
  funderId!: string;
}

@InputType({ description: "A co-funder's refusal of its share of a programme." })
export class DeclineFundingShareInput {
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

export const AcceptFundingShareError = refusalType(AcceptFundingShareErrorCode, 'AcceptFundingShareError', 'acceptFundingShare');
export const DeclineFundingShareError = refusalType(DeclineFundingShareErrorCode, 'DeclineFundingShareError', 'declineFundingShare');
export const ReshareProgrammeError = refusalType(ReshareProgrammeErrorCode, 'ReshareProgrammeError', 'reshareProgramme');

@ObjectType({ description: 'What acceptFundingShare answers: the share as accepted, or why not.' })
export class AcceptFundingSharePayload {
  @Field(() => FundingShare, { nullable: true, description: 'The share, ACCEPTED; null on an error.' })
  fundingShare!: FundingShare | null;

  @Field(() => AcceptFundingShareError, { nullable: true, description: 'Why it was refused; null when done.' })
  error!: Refusal<AcceptFundingShareErrorCode> | null;
}

@ObjectType({ description: 'What declineFundingShare answers: the share as declined, or why not.' })
export class DeclineFundingSharePayload {
  @Field(() => FundingShare, { nullable: true, description: 'The share, DECLINED; null on an error.' })
  fundingShare!: FundingShare | null;

  @Field(() => DeclineFundingShareError, { nullable: true, description: 'Why it was refused; null when done.' })
  error!: Refusal<DeclineFundingShareErrorCode> | null;
}

@ObjectType({ description: 'What reshareProgramme answers: the programme shared again, or why not.' })
export class ReshareProgrammePayload {
  @Field(() => Programme, { nullable: true, description: 'The programme with its new shares; null on an error.' })
  programme!: Programme | null;

  @Field(() => ReshareProgrammeError, { nullable: true, description: 'Why it was refused; null when done.' })
  error!: Refusal<ReshareProgrammeErrorCode> | null;
}
