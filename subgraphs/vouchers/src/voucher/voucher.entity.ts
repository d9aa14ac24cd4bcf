import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

export enum VoucherState {
  AVAILABLE = 'AVAILABLE',
  REDEEMED = 'REDEEMED',
  /** Unused at the programme's end: its value went back to the funders. */
  BLOCKED = 'BLOCKED',
  /** Its book was reported lost or stolen: refused at redemption, its value credited back at expiry. */
  LOST = 'LOST',
}
registerEnumType(VoucherState, { name: 'VoucherState', description: 'Whether a voucher can still pay for a workshop.', valuesConfig: { AVAILABLE: { description: "Not yet used: a venue may redeem it within its programme's window." }, BLOCKED: { description: 'Unused when its programme expired: its value was credited back to the funders.' }, REDEEMED: { description: 'Used at a venue.' }, LOST: { description: 'Its book was reported lost or stolen: a redemption is refused (BOOK_REPORTED_LOST); its value is credited back at expiry.' } } });

/** A voucher (*Pass*, €10): pays one workshop session, redeemed at most once. */
@Entity({ name: 'voucher' })
@ObjectType({ description: 'A €10 voucher (Pass): pays for one workshop sitting at a qualified venue.' })
@Directive('@key(fields: "id")')
export class Voucher {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: "The hub's id of this voucher." })
  id!: string;

  @Column('text')
  @Field({ description: 'Printed on the voucher; a check symbol catches typos.' })
  code!: string;

  @Column('uuid', { name: 'book_id' })
  bookId!: string;

  @Column('uuid', { name: 'programme_id' })
  programmeId!: string;

  @Column('int', { name: 'face_value_cents' })
  @Field(() => Int, { description: 'Face value, in euro cents.' })
  faceValueCents!: number;

  @Column('text')
  @Field(() => VoucherState, { description: 'Available, redeemed or blocked.' })
  state!: VoucherState;

  @Column('timestamptz', { name: 'redeemed_at', nullable: true })
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When a venue redeemed it; null while available.' })
  redeemedAt!: Date | null;
}
