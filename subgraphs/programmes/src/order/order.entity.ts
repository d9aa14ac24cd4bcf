import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver, SafeIntResolver } from 'graphql-scalars';
import { bigintAsNumber } from '@pass/kit';

export enum OrderStatus {
  PLACED = 'PLACED',
  PAID = 'PAID',
}
registerEnumType(OrderStatus, { name: 'OrderStatus', description: 'Where an order is: vouchers become usable only once it is paid.', valuesConfig: { PAID: { description: 'The funder paid; its books can be issued.' }, PLACED: { description: 'Ordered, not yet paid.' } } });

/** An order of books (*carnets*) of vouchers by a funder; usable only once paid. */
@Entity({ name: 'voucher_order' })
@ObjectType({ description: "A funder's order of books of vouchers for a programme." })
@Directive('@key(fields: "id")')
export class Order {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: "The hub's id of this order." })
  id!: string;

  @Column('uuid', { name: 'programme_id' })
  programmeId!: string;

  @Column('uuid', { name: 'funder_id' })
  funderId!: string;

  @Column('int', { name: 'book_count' })
  @Field(() => Int, { description: 'Number of books ordered.' })
  bookCount!: number;

  @Column('int', { name: 'vouchers_per_book' })
  @Field(() => Int, { description: 'Vouchers in each book.' })
  vouchersPerBook!: number;

  @Column('int', { name: 'face_value_cents' })
  @Field(() => Int, { description: 'Face value of one voucher, in euro cents.' })
  faceValueCents!: number;

  @Column('bigint', { name: 'fees_cents', transformer: bigintAsNumber })
  @Field(() => SafeIntResolver, { description: "Operator's fees on top of the face value." })
  feesCents!: number;

  @Column('timestamptz', { name: 'placed_at' })
  @Field(() => DateTimeISOResolver, { description: 'When the funder placed the order.' })
  placedAt!: Date;

  @Column('timestamptz', { name: 'paid_at', nullable: true })
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When the operator recorded the payment; null while unpaid.' })
  paidAt!: Date | null;

  @Field(() => SafeIntResolver, { description: 'Face value of all vouchers ordered.' })
  get faceValueTotalCents(): number {
    return this.bookCount * this.vouchersPerBook * this.faceValueCents;
  }

  @Field(() => Int, { description: 'Vouchers ordered: books × vouchers per book.' })
  get voucherCount(): number {
    return this.bookCount * this.vouchersPerBook;
  }

  @Field(() => OrderStatus, { description: 'Placed or paid.' })
  get status(): OrderStatus {
    return this.paidAt ? OrderStatus.PAID : OrderStatus.PLACED;
  }
}
