import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RedemptionErrorCode } from './redemption.manager';
import { Redemption } from './redemption.entity';
import { VenueRef } from '../refs/refs';

registerEnumType(RedemptionErrorCode, {
  name: 'RedemptionErrorCode',
  valuesConfig: {
    MONTH_CLOSED: { description: 'The Paris month the redemption falls in was already closed by the operator.' },
    BOOK_REPORTED_LOST: { description: 'The book of this voucher was reported lost or stolen by its distributor.' },
  },
});

@InputType()
export class RedeemVoucherInput {
  @Field({ description: 'As printed or scanned; case, spaces and dashes do not matter.' })
  voucherCode!: string;

  @Field(() => ID)
  sessionId!: string;

  @Field({ description: 'Chosen by the caller per redemption attempt; a retry with the same key replays the first answer.' })
  idempotencyKey!: string;
}

@ObjectType()
export class RedemptionError {
  @Field(() => RedemptionErrorCode)
  code!: RedemptionErrorCode;

  @Field()
  message!: string;
}

@ObjectType()
export class RedeemVoucherPayload {
  @Field(() => Redemption, { nullable: true })
  redemption!: Redemption | null;

  @Field(() => RedemptionError, { nullable: true })
  error!: RedemptionError | null;
}

@ObjectType({ description: "A venue's redemptions within a programme." })
export class VenueActivity {
  @Field(() => VenueRef)
  venue!: VenueRef;

  @Field(() => Int)
  vouchersRedeemed!: number;

  @Field(() => Int)
  amountCents!: number;
}
