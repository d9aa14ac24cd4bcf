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
registerEnumType(VoucherState, { name: 'VoucherState' });

/** A voucher (*Pass*, €10): pays one workshop session, redeemed at most once. */
@Entity({ name: 'voucher' })
@ObjectType()
@Directive('@key(fields: "id")')
export class Voucher {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column('text')
  @Field()
  code!: string;

  @Column('uuid', { name: 'book_id' })
  bookId!: string;

  @Column('uuid', { name: 'programme_id' })
  programmeId!: string;

  @Column('int', { name: 'face_value_cents' })
  @Field(() => Int)
  faceValueCents!: number;

  @Column('text')
  @Field(() => VoucherState)
  state!: VoucherState;

  @Column('timestamptz', { name: 'redeemed_at', nullable: true })
  @Field(() => DateTimeISOResolver, { nullable: true })
  redeemedAt!: Date | null;
}
