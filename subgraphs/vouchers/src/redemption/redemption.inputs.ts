import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { refusalType, type Refusal } from '@pass/kit';
import { Redemption } from './redemption.entity';

export enum RedemptionErrorCode {
  VOUCHER_NOT_FOUND = 'VOUCHER_NOT_FOUND',
  VOUCHER_CODE_MISTYPED = 'VOUCHER_CODE_MISTYPED',
  VOUCHER_ALREADY_REDEEMED = 'VOUCHER_ALREADY_REDEEMED',
  VOUCHER_EXPIRED = 'VOUCHER_EXPIRED',
  BOOK_NOT_HANDED_OUT = 'BOOK_NOT_HANDED_OUT',
  VENUE_NOT_QUALIFIED = 'VENUE_NOT_QUALIFIED',
  OUTSIDE_TERRITORY = 'OUTSIDE_TERRITORY',
  SESSION_NOT_FOUND = 'SESSION_NOT_FOUND',
  SESSION_OF_ANOTHER_VENUE = 'SESSION_OF_ANOTHER_VENUE',
  SESSION_FULL = 'SESSION_FULL',
  /** One voucher pays one workshop sitting: a book's holder takes a session's seat once, not twice. */
  BOOK_ALREADY_USED_IN_SESSION = 'BOOK_ALREADY_USED_IN_SESSION',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  /** The book of this voucher was reported lost or stolen by its distributor. */
  BOOK_REPORTED_LOST = 'BOOK_REPORTED_LOST',
  /** The Paris month of the redemption was already closed: its statements are written. */
  MONTH_CLOSED = 'MONTH_CLOSED',
  /**
   * The session is not open for redemption today (Paris): a voucher is taken on the session's day
   * or up to REDEMPTION_GRACE_DAYS after it (a venue catching up after an outage), never before.
   */
  SESSION_NOT_OPEN_FOR_REDEMPTION = 'SESSION_NOT_OPEN_FOR_REDEMPTION',
}


registerEnumType(RedemptionErrorCode, { name: 'RedemptionErrorCode', description: 'Why redeemVoucher refused a voucher.', valuesConfig: { BOOK_ALREADY_USED_IN_SESSION: { description: 'A voucher of the same book already paid for this session: one voucher per person per sitting.' }, BOOK_NOT_HANDED_OUT: { description: "The voucher's book was never handed to a person." }, IDEMPOTENCY_KEY_REUSED: { description: 'The venue already used this idempotency key for another request (another voucher code or session).' }, OUTSIDE_TERRITORY: { description: "The session's venue is outside the territory of the voucher's programme." }, SESSION_FULL: { description: 'Every seat of the session is already paid by a voucher.' }, SESSION_NOT_FOUND: { description: 'No workshop session has this id.' }, SESSION_OF_ANOTHER_VENUE: { description: "The session is another venue's: a venue redeems only for its own sessions." }, VENUE_NOT_QUALIFIED: { description: "The venue is not qualified for the voucher's programme." }, VOUCHER_ALREADY_REDEEMED: { description: 'The voucher was already redeemed (a voucher pays once).' }, VOUCHER_CODE_MISTYPED: { description: "The code's check symbol does not match: the code was mistyped or misread." }, VOUCHER_EXPIRED: { description: "Today (Paris time) is outside the voucher programme's validity window, or the voucher was blocked when the programme expired." }, VOUCHER_NOT_FOUND: { description: 'No voucher has this code.' }, MONTH_CLOSED: { description: 'The Paris month the redemption falls in was already closed by the operator.' }, BOOK_REPORTED_LOST: { description: 'The book of this voucher was reported lost or stolen by its distributor.' }, SESSION_NOT_OPEN_FOR_REDEMPTION: { description: "Today (Paris time) is before the session's day, or more than 7 days after it: a voucher is taken on the session's day or within the 7 days after." } } });

@InputType({ description: 'A venue takes a voucher for a session it runs.' })
export class RedeemVoucherInput {
  @Field({ description: 'As printed or scanned; case, spaces and dashes do not matter.' })
  voucherCode!: string;

  @Field(() => ID, { description: "The workshop session the voucher pays for; it must be the calling venue's." })
  sessionId!: string;

  @Field({ description: 'Chosen by the caller per redemption attempt; a retry with the same key replays the first answer.' })
  idempotencyKey!: string;
}

/** Kept under its name since its first release, `RedemptionError`: the same shape as every mutation's error. */
export const RedemptionError = refusalType(RedemptionErrorCode, 'RedemptionError', 'redeemVoucher');

@ObjectType({ description: 'The answer to redeemVoucher: the redemption, or an error; a retry with the same idempotency key gets the same answer.' })
export class RedeemVoucherPayload {
  @Field(() => Redemption, { nullable: true, description: 'The redemption; null on an error.' })
  redemption!: Redemption | null;

  @Field(() => RedemptionError, { nullable: true, description: 'Why the voucher was not redeemed; null when it was.' })
  error!: Refusal<RedemptionErrorCode> | null;
}
