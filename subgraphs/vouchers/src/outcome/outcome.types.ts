import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Outcome } from './outcome.entity';

export enum OutcomeErrorCode {
  BOOK_NOT_FOUND = 'BOOK_NOT_FOUND',
  /** Only a venue that redeemed a voucher of the book has assessed its holder. */
  VENUE_DID_NOT_SERVE_BOOK = 'VENUE_DID_NOT_SERVE_BOOK',
}
registerEnumType(OutcomeErrorCode, { name: 'OutcomeErrorCode' });

@InputType()
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

@ObjectType()
export class OutcomeError {
  @Field(() => OutcomeErrorCode)
  code!: OutcomeErrorCode;

  @Field()
  message!: string;
}

@ObjectType()
export class RecordOutcomePayload {
  @Field(() => Outcome, { nullable: true })
  outcome!: Outcome | null;

  @Field(() => OutcomeError, { nullable: true })
  error!: OutcomeError | null;
}
