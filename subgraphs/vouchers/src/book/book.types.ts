import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Book } from './book.entity';
import { IssueBooksErrorCode } from './book.manager';
import { ReportBookLostErrorCode } from './lost-book.manager';

registerEnumType(IssueBooksErrorCode, { name: 'IssueBooksErrorCode' });

@ObjectType()
export class IssueBooksError {
  @Field(() => IssueBooksErrorCode)
  code!: IssueBooksErrorCode;

  @Field()
  message!: string;
}

@ObjectType()
export class IssueBooksResult {
  @Field(() => ID)
  orderId!: string;

  @Field(() => Int)
  booksIssued!: number;

  @Field(() => Int)
  vouchersIssued!: number;

  @Field(() => IssueBooksError, { nullable: true, description: 'Why nothing was issued: PROGRAMME_ENDED.' })
  error?: IssueBooksError | null;
}

@InputType()
export class HandOutBookInput {
  @Field({ description: 'The code printed on the book.' })
  bookCode!: string;

  @Field(() => ID)
  beneficiaryId!: string;

  @Field(() => ID)
  distributorId!: string;
}

registerEnumType(ReportBookLostErrorCode, { name: 'ReportBookLostErrorCode' });

@InputType()
export class ReportBookLostInput {
  @Field({ description: 'The code printed on the book.' })
  bookCode!: string;

  @Field(() => ID)
  distributorId!: string;
}

@ObjectType()
export class ReportBookLostError {
  @Field(() => ReportBookLostErrorCode)
  code!: ReportBookLostErrorCode;

  @Field()
  message!: string;
}

@ObjectType()
export class ReportBookLostPayload {
  @Field(() => Book, { nullable: true })
  book!: Book | null;

  @Field(() => Int, { description: 'Unused vouchers blocked by this report.' })
  vouchersBlocked!: number;

  @Field(() => ReportBookLostError, { nullable: true })
  error!: ReportBookLostError | null;
}

@ObjectType()
export class HandOutError {
  @Field({ description: 'BOOK_NOT_FOUND, BOOK_NOT_ALLOCATED_TO_DISTRIBUTOR, BOOK_ALREADY_HANDED_OUT, BENEFICIARY_NOT_FOUND, BENEFICIARY_OF_ANOTHER_DISTRIBUTOR, NOT_ELIGIBLE' })
  code!: string;

  @Field()
  message!: string;
}

@ObjectType()
export class HandOutBookPayload {
  @Field(() => Book, { nullable: true })
  book!: Book | null;

  @Field(() => HandOutError, { nullable: true })
  error!: HandOutError | null;
}
