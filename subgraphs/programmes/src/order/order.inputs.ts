import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { refusalType, type Refusal } from '@pass/kit';
import { Order } from './order.entity';

@InputType({ description: 'An order of books of €10 vouchers by a funder of the programme.' })
export class PlaceOrderInput {
  @Field(() => ID, { description: 'The programme the books are for.' })
  programmeId!: string;

  @Field(() => ID, { description: 'The ordering funder.' })
  funderId!: string;

  @Field(() => Int, { description: 'Number of books, 1 to 10,000,000.' })
  bookCount!: number;

  @Field(() => Int, { defaultValue: 5, description: 'Vouchers in each book (5 or 10).' })
  vouchersPerBook!: number;

  @Field(() => Int, { defaultValue: 1000, description: 'Face value of one voucher, in euro cents: every voucher is worth 1000.' })
  faceValueCents!: number;
}

export enum PlaceOrderErrorCode {
  /** Every voucher of the programme is worth €10 (1,000 cents); an order of any other value is refused. */
  FACE_VALUE_NOT_VOUCHER_VALUE = 'FACE_VALUE_NOT_VOUCHER_VALUE',
  /** A co-funder has not accepted its share yet (or declined it): the programme takes no order. */
  FUNDING_SHARES_PENDING = 'FUNDING_SHARES_PENDING',
  /** No programme has this id. */
  PROGRAMME_NOT_FOUND = 'PROGRAMME_NOT_FOUND',
  /** The funder has no share in the programme (or no funder has this id): only its funders order its books. */
  FUNDER_HAS_NO_SHARE = 'FUNDER_HAS_NO_SHARE',
}
registerEnumType(PlaceOrderErrorCode, {
  name: 'PlaceOrderErrorCode',
  description: 'Why placeOrder refused.',
  valuesConfig: {
    FACE_VALUE_NOT_VOUCHER_VALUE: { description: 'Every voucher of the programme is worth €10 (1,000 cents); an order of any other value is refused.' },
    FUNDING_SHARES_PENDING: { description: 'A co-funder has not accepted its share yet (or declined it): the programme takes no order.' },
    PROGRAMME_NOT_FOUND: { description: 'No programme has this id.' },
    FUNDER_HAS_NO_SHARE: { description: 'The funder has no share in the programme (or no funder has this id): only its funders order its books.' },
  },
});

export const PlaceOrderError = refusalType(PlaceOrderErrorCode, 'PlaceOrderError', 'placeOrder');

@ObjectType({ description: 'What placeOrder answers: the order, or why not.' })
export class PlaceOrderPayload {
  @Field(() => Order, { nullable: true, description: 'The order placed, unpaid; null on an error.' })
  order!: Order | null;

  @Field(() => PlaceOrderError, { nullable: true, description: 'Why it was refused; null when done.' })
  error!: Refusal<PlaceOrderErrorCode> | null;
}

@InputType({ description: "The payment of an order: its vouchers become issuable." })
export class RecordOrderPaymentInput {
  @Field(() => ID, { description: 'The order paid.' })
  orderId!: string;
}

export enum RecordOrderPaymentErrorCode {
  /** No order has this id. */
  ORDER_NOT_FOUND = 'ORDER_NOT_FOUND',
}
registerEnumType(RecordOrderPaymentErrorCode, {
  name: 'RecordOrderPaymentErrorCode',
  description: 'Why recordOrderPayment refused.',
  valuesConfig: { ORDER_NOT_FOUND: { description: 'No order has this id.' } },
});

export const RecordOrderPaymentError = refusalType(RecordOrderPaymentErrorCode, 'RecordOrderPaymentError', 'recordOrderPayment');

@ObjectType({ description: 'What recordOrderPayment answers: the order, paid, or why not. Recording a payment twice changes nothing.' })
export class RecordOrderPaymentPayload {
  @Field(() => Order, { nullable: true, description: 'The order, PAID; null on an error.' })
  order!: Order | null;

  @Field(() => RecordOrderPaymentError, { nullable: true, description: 'Why it was refused; null when done.' })
  error!: Refusal<RecordOrderPaymentErrorCode> | null;
}
