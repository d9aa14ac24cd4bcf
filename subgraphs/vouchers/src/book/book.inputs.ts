import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { refusalType, type Refusal } from '@pass/kit';
import { Book } from './book.entity';

export enum IssueBooksErrorCode {
  /** No paid order has this id: it is unknown, or not paid yet. */
  ORDER_NOT_PAID = 'ORDER_NOT_PAID',
  /** The programme's last day has passed: its vouchers could never be used. */
  PROGRAMME_ENDED = 'PROGRAMME_ENDED',
}
registerEnumType(IssueBooksErrorCode, {
  name: 'IssueBooksErrorCode',
  description: 'Why issueBooks issued nothing.',
  valuesConfig: {
    ORDER_NOT_PAID: { description: 'No paid order has this id: the order is unknown or not paid yet (vouchers are issued only once paid).' },
    PROGRAMME_ENDED: { description: "The programme's last day has passed: its vouchers could never be used." },
  },
});

export enum AllocateBooksErrorCode {
  /** The distributor is unknown to this subgraph. */
  DISTRIBUTOR_NOT_FOUND = 'DISTRIBUTOR_NOT_FOUND',
  /** Fewer issued, unallocated books are left in the programme than asked: none is given. */
  NOT_ENOUGH_BOOKS_LEFT = 'NOT_ENOUGH_BOOKS_LEFT',
}
registerEnumType(AllocateBooksErrorCode, {
  name: 'AllocateBooksErrorCode',
  description: 'Why allocateBooks gave no book.',
  valuesConfig: {
    DISTRIBUTOR_NOT_FOUND: { description: 'No distributor has this id.' },
    NOT_ENOUGH_BOOKS_LEFT: { description: 'The programme has fewer issued, unallocated books than asked (none for an unknown programme): all or nothing, so none was given.' },
  },
});

export enum HandOutBookErrorCode {
  BOOK_NOT_FOUND = 'BOOK_NOT_FOUND',
  BOOK_NOT_ALLOCATED_TO_DISTRIBUTOR = 'BOOK_NOT_ALLOCATED_TO_DISTRIBUTOR',
  BOOK_ALREADY_HANDED_OUT = 'BOOK_ALREADY_HANDED_OUT',
  BENEFICIARY_NOT_FOUND = 'BENEFICIARY_NOT_FOUND',
  BENEFICIARY_OF_ANOTHER_DISTRIBUTOR = 'BENEFICIARY_OF_ANOTHER_DISTRIBUTOR',
  NOT_ELIGIBLE = 'NOT_ELIGIBLE',
}
registerEnumType(HandOutBookErrorCode, {
  name: 'HandOutBookErrorCode',
  description: 'Why handOutBook refused.',
  valuesConfig: {
    BOOK_NOT_FOUND: { description: 'No book has this code.' },
    BOOK_NOT_ALLOCATED_TO_DISTRIBUTOR: { description: "The book is not allocated to this distributor." },
    BOOK_ALREADY_HANDED_OUT: { description: 'The book was already handed to someone else.' },
    BENEFICIARY_NOT_FOUND: { description: 'No person has this id.' },
    BENEFICIARY_OF_ANOTHER_DISTRIBUTOR: { description: 'Another distributor registered the person.' },
    NOT_ELIGIBLE: { description: "The person was not found eligible for the book's programme." },
  },
});

export enum ReportBookLostErrorCode {
  BOOK_NOT_FOUND = 'BOOK_NOT_FOUND',
  BOOK_NOT_ALLOCATED_TO_DISTRIBUTOR = 'BOOK_NOT_ALLOCATED_TO_DISTRIBUTOR',
}
registerEnumType(ReportBookLostErrorCode, {
  name: 'ReportBookLostErrorCode',
  description: 'Why reportBookLost refused.',
  valuesConfig: {
    BOOK_NOT_FOUND: { description: 'No book has this code.' },
    BOOK_NOT_ALLOCATED_TO_DISTRIBUTOR: { description: 'The book is not allocated to this distributor: only its holder reports it lost.' },
  },
});

@InputType({ description: 'The paid order whose books and vouchers are issued.' })
export class IssueBooksInput {
  @Field(() => ID, { description: 'The paid order.' })
  orderId!: string;
}

export const IssueBooksError = refusalType(IssueBooksErrorCode, 'IssueBooksError', 'issueBooks');

@ObjectType({ description: 'What issueBooks created for an order (once: a second call answers the same counts and issues nothing), or why nothing.' })
export class IssueBooksPayload {
  @Field(() => ID, { nullable: true, description: 'The order issued; null on an error.' })
  orderId!: string | null;

  @Field(() => Int, { nullable: true, description: 'Books issued for the order; null on an error.' })
  booksIssued!: number | null;

  @Field(() => Int, { nullable: true, description: 'Vouchers issued for the order, each with its own code; null on an error.' })
  vouchersIssued!: number | null;

  @Field(() => IssueBooksError, { nullable: true, description: 'Why nothing was issued; null when the order is issued.' })
  error!: Refusal<IssueBooksErrorCode> | null;
}

@InputType({ description: 'Books of a programme given to a distributor.' })
export class AllocateBooksInput {
  @Field(() => ID, { description: 'The programme whose issued, unallocated books are given.' })
  programmeId!: string;

  @Field(() => ID, { description: 'The distributor receiving the books.' })
  distributorId!: string;

  @Field(() => Int, { description: "How many books, 1 to 100,000; at most the programme's unallocated books." })
  quantity!: number;
}

export const AllocateBooksError = refusalType(AllocateBooksErrorCode, 'AllocateBooksError', 'allocateBooks');

@ObjectType({ description: 'What allocateBooks answers: the books given, or why none.' })
export class AllocateBooksPayload {
  @Field(() => [Book], { nullable: true, description: 'The books now allocated to the distributor, by code; null on an error.' })
  books!: Book[] | null;

  @Field(() => AllocateBooksError, { nullable: true, description: 'Why no book was given; null when they were.' })
  error!: Refusal<AllocateBooksErrorCode> | null;
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

export const HandOutBookError = refusalType(HandOutBookErrorCode, 'HandOutBookError', 'handOutBook');

@ObjectType({ description: 'The answer to handOutBook: the book, or an error.' })
export class HandOutBookPayload {
  @Field(() => Book, { nullable: true, description: 'The book, now handed out; null on an error.' })
  book!: Book | null;

  @Field(() => HandOutBookError, { nullable: true, description: 'Why the book was not handed out; null when it was.' })
  error!: Refusal<HandOutBookErrorCode> | null;
}

@InputType({ description: 'A book reported lost or stolen by the distributor holding it.' })
export class ReportBookLostInput {
  @Field({ description: 'The code printed on the book.' })
  bookCode!: string;

  @Field(() => ID, { description: 'The distributor holding the book.' })
  distributorId!: string;
}

export const ReportBookLostError = refusalType(ReportBookLostErrorCode, 'ReportBookLostError', 'reportBookLost');

@ObjectType({ description: 'What reportBookLost answers: the book, or why not.' })
export class ReportBookLostPayload {
  @Field(() => Book, { nullable: true, description: 'The book, now reported lost.' })
  book!: Book | null;

  @Field(() => Int, { description: 'Unused vouchers blocked by this report.' })
  vouchersBlocked!: number;

  @Field(() => ReportBookLostError, { nullable: true, description: 'Why the report was refused.' })
  error!: Refusal<ReportBookLostErrorCode> | null;
}
