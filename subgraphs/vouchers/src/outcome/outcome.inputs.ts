import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { refusalType, type Refusal } from '@pass/kit';
import { Outcome } from './outcome.entity';

export enum RecordOutcomeErrorCode {
  BOOK_NOT_FOUND = 'BOOK_NOT_FOUND',
  /** Only a venue that redeemed a voucher of the book has assessed its holder. */
  VENUE_DID_NOT_SERVE_BOOK = 'VENUE_DID_NOT_SERVE_BOOK',
}
registerEnumType(RecordOutcomeErrorCode, { name: 'RecordOutcomeErrorCode', description: 'Why recordOutcome refused.', valuesConfig: { BOOK_NOT_FOUND: { description: 'No book has this code.' }, VENUE_DID_NOT_SERVE_BOOK: { description: 'The venue redeemed no voucher of this book: a venue assesses only people it coached.' } } });

@InputType({ description: "A venue's assessment of a person it coached, recorded against the book." })
export class RecordOutcomeInput {
  @Field({ description: 'The code printed on the book.' })
  bookCode!: string;

  @Field(() => ID, { description: 'The venue recording the outcome.' })
  venueId!: string;

  @Field(() => Int, { nullable: true, description: 'PIX digital-skills score, 0 to 1,000.' })
  pixScore?: number | null;

  @Field(() => [String], { defaultValue: [], description: 'Skills the person reached, in the venue\'s words; at most 50 of 200 characters.' })
  skillsReached!: string[];

  @Field(() => String, { nullable: true, description: 'About skills and progress only, never about the person (at most 2,000 characters).' })
  note?: string | null;
}

export const RecordOutcomeError = refusalType(RecordOutcomeErrorCode, 'RecordOutcomeError', 'recordOutcome');

@ObjectType({ description: 'The answer to recordOutcome: the outcome, or an error.' })
export class RecordOutcomePayload {
  @Field(() => Outcome, { nullable: true, description: 'The outcome recorded; null on an error.' })
  outcome!: Outcome | null;

  @Field(() => RecordOutcomeError, { nullable: true, description: 'Why the outcome was not recorded; null when it was.' })
  error!: Refusal<RecordOutcomeErrorCode> | null;
}
