import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { VenueImportError } from '../venue/venue-data.types';
import { QualificationProposal } from './proposal.entity';

export enum ProposalErrorCode {
  PROPOSAL_ALREADY_DECIDED = 'PROPOSAL_ALREADY_DECIDED',
}
registerEnumType(ProposalErrorCode, {
  name: 'ProposalErrorCode',
  description: 'Why a decision on a qualification proposal is refused.',
  valuesConfig: { PROPOSAL_ALREADY_DECIDED: { description: 'The proposal was already confirmed or dismissed, possibly by another coordinator meanwhile: nothing changed.' } },
});

@ObjectType({ description: 'Why a decision on a qualification proposal was refused.' })
export class ProposalError {
  @Field(() => ProposalErrorCode, { description: 'What went wrong, for programs to act on.' })
  code!: ProposalErrorCode;

  @Field({ description: 'The same, in words for a person.' })
  message!: string;
}

@ObjectType({ description: 'The outcome of a decision on a qualification proposal: the proposal as it now stands, and the refusal if any.' })
export class ProposalPayload {
  @Field(() => QualificationProposal, { nullable: true, description: 'The proposal after the decision (unchanged when refused).' })
  proposal!: QualificationProposal | null;

  @Field(() => ProposalError, { nullable: true, description: 'Why the decision was refused; null when it was recorded.' })
  error!: ProposalError | null;
}

@ObjectType({ description: 'What an import of the 2021 cartography export did; rows are positions in its array, from 1.' })
export class CartographyImportReport {
  @Field(() => Int, { description: 'Places read from the array.' })
  rowsRead!: number;

  @Field(() => Int, { description: 'Places that passed the checks of the venue standard and were written (inserted, updated or unchanged).' })
  imported!: number;

  @Field(() => Int, { description: 'Venues new to the hub.' })
  inserted!: number;

  @Field(() => Int, { description: 'Venues the hub held, changed by the import.' })
  updated!: number;

  @Field(() => Int, { description: 'Places identical to what the hub holds: a second import of the file changes nothing.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Places refused, each with its reasons in `errors`.' })
  rejected!: number;

  @Field(() => Int, { description: 'New qualification proposals, from places that declared "Accepte le Pass numérique".' })
  proposed!: number;

  @Field(() => Boolean, { description: 'The file is not a JSON array of places: nothing was written.' })
  aborted!: boolean;

  @Field(() => [VenueImportError], { description: 'The problems found, row by row.' })
  errors!: VenueImportError[];
}
