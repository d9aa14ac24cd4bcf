import { GraphQLError } from 'graphql';

/**
 * Why an order is refused. `placeOrder` keeps the shape partners already use (it returns the
 * `Order`), so its refusals are GraphQL errors whose `extensions.code` is one of these, stable
 * and documented on the mutation.
 */
export enum OrderRefusal {
  /** Every voucher of the programme is worth €10 (1,000 cents); an order of any other value is refused. */
  FACE_VALUE_NOT_VOUCHER_VALUE = 'FACE_VALUE_NOT_VOUCHER_VALUE',
  /** A co-funder has not accepted its share yet (or declined it): the programme takes no order. */
  FUNDING_SHARES_PENDING = 'FUNDING_SHARES_PENDING',
}

export class OrderRefusedError extends GraphQLError {
  constructor(code: OrderRefusal, message: string) {
    super(message, { extensions: { code } });
  }
}
