import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { VenueImportError } from '../venue/venue-data.types';
import { QualificationProposal } from './proposal.entity';

export enum ProposalErrorCode {
  PROPOSAL_ALREADY_DECIDED = 'PROPOSAL_ALREADY_DECIDED',
}
registerEnumType(ProposalErrorCode, { name: 'ProposalErrorCode' });

@ObjectType()
export class ProposalError {
  @Field(() => ProposalErrorCode)
  code!: ProposalErrorCode;

  @Field()
  message!: string;
}

@ObjectType()
export class ProposalPayload {
  @Field(() => QualificationProposal, { nullable: true })
  proposal!: QualificationProposal | null;

  @Field(() => ProposalError, { nullable: true })
  error!: ProposalError | null;
}

@ObjectType({ description: 'What an import of the 2021 cartography export did; rows are positions in its array, from 1.' })
export class CartographyImportReport {
  @Field(() => Int)
  rowsRead!: number;

  @Field(() => Int)
  imported!: number;

  @Field(() => Int)
  inserted!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => Int, { description: 'New qualification proposals, from places that declared "Accepte le Pass numérique".' })
  proposed!: number;

  @Field(() => Boolean)
  aborted!: boolean;

  @Field(() => [VenueImportError])
  errors!: VenueImportError[];
}
