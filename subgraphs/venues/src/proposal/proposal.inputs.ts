import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { refusalType, type Refusal } from '@pass/kit';
import { VenueImportError } from '../venue/venue.inputs';
import { QualificationProposal } from './proposal.entity';

export enum ConfirmQualificationProposalErrorCode {
  PROPOSAL_NOT_FOUND = 'PROPOSAL_NOT_FOUND',
  PROPOSAL_ALREADY_DECIDED = 'PROPOSAL_ALREADY_DECIDED',
  PROGRAMME_NOT_FOUND = 'PROGRAMME_NOT_FOUND',
  VENUE_OUTSIDE_PROGRAMME_TERRITORY = 'VENUE_OUTSIDE_PROGRAMME_TERRITORY',
}
registerEnumType(ConfirmQualificationProposalErrorCode, {
  name: 'ConfirmQualificationProposalErrorCode',
  description: 'Why confirmQualificationProposal refused; nothing changed.',
  valuesConfig: {
    PROPOSAL_NOT_FOUND: { description: 'No qualification proposal has this id.' },
    PROPOSAL_ALREADY_DECIDED: { description: 'The proposal was already confirmed or dismissed, possibly by another coordinator meanwhile.' },
    PROGRAMME_NOT_FOUND: { description: 'No programme has this id (or its definition has not reached the venues yet).' },
    VENUE_OUTSIDE_PROGRAMME_TERRITORY: { description: "The venue's commune is outside the programme's territory: it cannot be qualified for it." },
  },
});

export enum DismissQualificationProposalErrorCode {
  PROPOSAL_NOT_FOUND = 'PROPOSAL_NOT_FOUND',
  PROPOSAL_ALREADY_DECIDED = 'PROPOSAL_ALREADY_DECIDED',
}
registerEnumType(DismissQualificationProposalErrorCode, {
  name: 'DismissQualificationProposalErrorCode',
  description: 'Why dismissQualificationProposal refused; nothing changed.',
  valuesConfig: {
    PROPOSAL_NOT_FOUND: { description: 'No qualification proposal has this id.' },
    PROPOSAL_ALREADY_DECIDED: { description: 'The proposal was already confirmed or dismissed, possibly by another coordinator meanwhile.' },
  },
});

@InputType({ description: "A venue's proposal confirmed for a programme." })
export class ConfirmQualificationProposalInput {
  @Field(() => ID, { description: 'The proposal to confirm.' })
  proposalId!: string;

  @Field(() => ID, { description: 'The programme the venue is qualified for.' })
  programmeId!: string;
}

@InputType({ description: 'A proposal dismissed.' })
export class DismissQualificationProposalInput {
  @Field(() => ID, { description: 'The proposal to dismiss.' })
  proposalId!: string;
}

export const ConfirmQualificationProposalError = refusalType(ConfirmQualificationProposalErrorCode, 'ConfirmQualificationProposalError', 'confirmQualificationProposal');
export const DismissQualificationProposalError = refusalType(DismissQualificationProposalErrorCode, 'DismissQualificationProposalError', 'dismissQualificationProposal');

@ObjectType({ description: 'What confirmQualificationProposal answers: the confirmed proposal, or why not.' })
export class ConfirmQualificationProposalPayload {
  @Field(() => QualificationProposal, { nullable: true, description: 'The proposal, confirmed; null on an error.' })
  proposal!: QualificationProposal | null;

  @Field(() => ConfirmQualificationProposalError, { nullable: true, description: 'Why it was refused; null when done.' })
  error!: Refusal<ConfirmQualificationProposalErrorCode> | null;
}

@ObjectType({ description: 'What dismissQualificationProposal answers: the dismissed proposal, or why not.' })
export class DismissQualificationProposalPayload {
  @Field(() => QualificationProposal, { nullable: true, description: 'The proposal, dismissed; null on an error.' })
  proposal!: QualificationProposal | null;

  @Field(() => DismissQualificationProposalError, { nullable: true, description: 'Why it was refused; null when done.' })
  error!: Refusal<DismissQualificationProposalErrorCode> | null;
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

  @Field(() => [VenueImportError], { description: 'The problems found, place by place.' })
  errors!: VenueImportError[];
}

/** The file is not the export's shape, so no place is read: the import's refusal, in the payload. */
export enum ImportCartography2021ErrorCode {
  JSON_UNREADABLE = 'JSON_UNREADABLE',
  JSON_NOT_AN_ARRAY = 'JSON_NOT_AN_ARRAY',
}
registerEnumType(ImportCartography2021ErrorCode, {
  name: 'ImportCartography2021ErrorCode',
  description: 'Why importCartography2021 refused the whole file: nothing was written.',
  valuesConfig: {
    JSON_UNREADABLE: { description: 'The file is not JSON.' },
    JSON_NOT_AN_ARRAY: { description: 'The file is JSON but not an array of places, as the 2021 cartography export writes it.' },
  },
});

@InputType({ description: 'A 2021 cartography export.' })
export class ImportCartography2021Input {
  @Field({ description: "The export file's content: a JSON array of places." })
  json!: string;
}

export const ImportCartography2021Error = refusalType(ImportCartography2021ErrorCode, 'ImportCartography2021Error', 'importCartography2021');

@ObjectType({ description: 'What importCartography2021 answers: the report of the import, and why the whole file was refused if it was.' })
export class ImportCartography2021Payload {
  @Field(() => CartographyImportReport, { description: 'What the import read and did; on a refusal its counts are zero (nothing was written).' })
  report!: CartographyImportReport;

  @Field(() => ImportCartography2021Error, { nullable: true, description: 'Why the whole file was refused; null when its good places were imported (bad places are in the report, not here).' })
  error!: Refusal<ImportCartography2021ErrorCode> | null;
}
