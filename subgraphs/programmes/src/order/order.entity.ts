import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver, SafeIntResolver } from 'graphql-scalars';
import { bigintAsNumber } from '@pass/kit';

export enum OrderStatus {
  PLACED = 'PLACED',
  PAID = 'PAID',
}
registerEnumType(OrderStatus, { name: 'OrderStatus' });

/** An order of books (*carnets*) of vouchers by a funder; usable only once paid. */
@Entity({ name: 'voucher_order' })
@ObjectType()
@Directive('@key(fields: "id")')
export class Order {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column('uuid', { name: 'programme_id' })
  programmeId!: string;

  @Column('uuid', { name: 'funder_id' })
  funderId!: string;

  @Column('int', { name: 'book_count' })
  @Field(() => Int)
  bookCount!: number;

  @Column('int', { name: 'vouchers_per_book' })
  @Field(() => Int)
  vouchersPerBook!: number;

  @Column('int', { name: 'face_value_cents' })
  @Field(() => Int)
  faceValueCents!: number;

  @Column('bigint', { name: 'fees_cents', transformer: bigintAsNumber })
  @Field(() => SafeIntResolver, { description: "Operator's fees on top of the face value." })
  feesCents!: number;

  @Column('timestamptz', { name: 'placed_at' })
  @Field(() => DateTimeISOResolver)
  placedAt!: Date;

  @Column('timestamptz', { name: 'paid_at', nullable: true })
  @Field(() => DateTimeISOResolver, { nullable: true })
  paidAt!: Date | null;

  @Field(() => SafeIntResolver, { description: 'Face value of all vouchers ordered.' })
  get faceValueTotalCents(): number {
    return this.bookCount * this.vouchersPerBook * this.faceValueCents;
  }

  @Field(() => Int)
  get voucherCount(): number {
    return this.bookCount * this.vouchersPerBook;
  }

  @Field(() => OrderStatus)
  get status(): OrderStatus {
    return this.paidAt ? OrderStatus.PAID : OrderStatus.PLACED;
  }
}
