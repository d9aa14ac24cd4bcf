import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Book } from './book.entity';
import { IssueBooksErrorCode } from './book.manager';
import { ReportBookLostErrorCode } from './lost-book.manager';

registerEnumType(IssueBooksErrorCode, { name: 'IssueBooksErrorCode', description: 'Why issueBooks issued nothing.', valuesConfig: { PROGRAMME_ENDED: { description: "The programme's last day has passed: its vouchers could never be used." } } });

@ObjectType({ description: 'Why issueBooks issued nothing.' })
export class IssueBooksError {
  @Field(() => IssueBooksErrorCode, { description: 'Stable code of the refusal.' })
  code!: IssueBooksErrorCode;

  @Field({ description: 'The refusal in words, for people.' })
  message!: string;
}

@ObjectType({ description: 'What issueBooks created for an order.' })
export class IssueBooksResult {
  @Field(() => ID, { description: 'The order issued.' })
  orderId!: string;

  @Field(() => Int, { description: 'Books issued.' })
  booksIssued!: number;

  @Field(() => Int, { description: 'Vouchers issued, each with its own code.' })
  vouchersIssued!: number;

  @Field(() => IssueBooksError, { nullable: true, description: 'Why nothing was issued: PROGRAMME_ENDED.' })
  error?: IssueBooksError | null;
}

@InputType({ description: 'A distributor hands a book to a person it registered.' })
export class HandOutBookInput {
  @Field({ description: 'The code printed on the book.' })
  bookCode!: string;

  @Field(() => ID, { description: 'The person, registered by this distributor.' })
  beneficiaryId!: string;

  @Field(() => ID, { description: 'The distributor handing the book out; the book must be allocated to it.' })
  distributorId!: string;
}

registerEnumType(ReportBookLostErrorCode, { name: 'ReportBookLostErrorCode', description: 'Why reportBookLost refused.', valuesConfig: { BOOK_NOT_FOUND: { description: 'No book has this code.' }, BOOK_NOT_ALLOCATED_TO_DISTRIBUTOR: { description: 'The book is not allocated to this distributor: only its holder reports it lost.' } } });

@InputType({ description: 'A book reported lost or stolen by the distributor holding it.' })
export class ReportBookLostInput {
  @Field({ description: 'The code printed on the book.' })
  bookCode!: string;

  @Field(() => ID, { description: 'The distributor holding the book.' })
  distributorId!: string;
}

@ObjectType({ description: 'Why a book could not be reported lost.' })
export class ReportBookLostError {
  @Field(() => ReportBookLostErrorCode, { description: 'Stable code of the refusal.' })
  code!: ReportBookLostErrorCode;

  @Field({ description: 'The refusal in words, for people.' })
  message!: string;
}

@ObjectType({ description: 'What reportBookLost answers: the book, or why not.' })
export class ReportBookLostPayload {
  @Field(() => Book, { nullable: true, description: 'The book, now reported lost.' })
  book!: Book | null;

  @Field(() => Int, { description: 'Unused vouchers blocked by this report.' })
  vouchersBlocked!: number;

  @Field(() => ReportBookLostError, { nullable: true, description: 'Why the report was refused.' })
  error!: ReportBookLostError | null;
}

@ObjectType({ description: 'Why a book could not be handed out.' })
export class HandOutError {
  @Field({ description: "BOOK_NOT_FOUND: no book has this code; BOOK_NOT_ALLOCATED_TO_DISTRIBUTOR: the book is not this distributor's; BOOK_ALREADY_HANDED_OUT: the book went to someone already; BENEFICIARY_NOT_FOUND: no person has this id; BENEFICIARY_OF_ANOTHER_DISTRIBUTOR: another distributor registered the person; NOT_ELIGIBLE: the person was not found eligible for the book's programme." })
  code!: string;

  @Field({ description: 'A sentence for people, in English; programs read `code`.' })
  message!: string;
}

@ObjectType({ description: 'The answer to handOutBook: the book, or an error.' })
export class HandOutBookPayload {
  @Field(() => Book, { nullable: true, description: 'The book, now handed out; null on an error.' })
  book!: Book | null;

  @Field(() => HandOutError, { nullable: true, description: 'Why the book was not handed out; null when it was.' })
  error!: HandOutError | null;
}
