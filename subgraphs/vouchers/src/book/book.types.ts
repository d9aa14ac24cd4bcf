import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Book } from './book.entity';

@ObjectType({ description: 'What issueBooks created for an order.' })
export class IssueBooksResult {
  @Field(() => ID, { description: 'The order issued.' })
  orderId!: string;

  @Field(() => Int, { description: 'Books issued.' })
  booksIssued!: number;

  @Field(() => Int, { description: 'Vouchers issued, each with its own code.' })
  vouchersIssued!: number;
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
