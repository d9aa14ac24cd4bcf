import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

export enum BookState {
  ISSUED = 'ISSUED',
  ALLOCATED = 'ALLOCATED',
  HANDED_OUT = 'HANDED_OUT',
  /** Reported lost or stolen by its distributor: its unused vouchers are LOST. */
  LOST = 'LOST',
}
registerEnumType(BookState, { name: 'BookState', description: 'Issued by the operator, allocated to a distributor, handed out to a person.', valuesConfig: { ALLOCATED: { description: 'Given to a distributor, not yet handed out.' }, HANDED_OUT: { description: 'Handed to a person: its vouchers can be redeemed.' }, ISSUED: { description: 'Issued by the operator, not yet given to a distributor.' }, LOST: { description: 'Reported lost or stolen by its distributor: its unused vouchers are blocked.' } } });

/** A book (*carnet*, *chéquier*) of 5 or 10 vouchers, handed to one person. */
@Entity({ name: 'book' })
@ObjectType({ description: 'A book (carnet) of vouchers of one programme: issued by the operator, allocated to a distributor, handed out to one person.' })
@Directive('@key(fields: "id")')
export class Book {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: "The hub's id of this book." })
  id!: string;

  @Column('text')
  @Field({ description: 'Printed on the book; a check symbol catches typos.' })
  code!: string;

  @Column('uuid', { name: 'programme_id' })
  programmeId!: string;

  @Column('uuid', { name: 'order_id' })
  orderId!: string;

  @Column('uuid', { name: 'distributor_id', nullable: true })
  distributorId!: string | null;

  @Column('uuid', { name: 'beneficiary_id', nullable: true })
  beneficiaryId!: string | null;

  /** Set when the person the book was handed to was erased: `beneficiaryId` then leads nowhere. */
  @Column('timestamptz', { name: 'beneficiary_erased_at', nullable: true })
  beneficiaryErasedAt!: Date | null;

  @Column('timestamptz', { name: 'issued_at' })
  @Field(() => DateTimeISOResolver, { description: 'When the operator issued the book and its vouchers.' })
  issuedAt!: Date;

  @Column('timestamptz', { name: 'allocated_at', nullable: true })
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When the book was given to a distributor; null while it is not.' })
  allocatedAt!: Date | null;

  @Column('timestamptz', { name: 'handed_out_at', nullable: true })
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When the distributor handed the book to a person; null before.' })
  handedOutAt!: Date | null;

  @Column('timestamptz', { name: 'lost_at', nullable: true })
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When its distributor reported the book lost or stolen; its unused vouchers are blocked since.' })
  lostAt!: Date | null;

  @Field(() => BookState, { description: 'Where the book is in its life: issued, allocated or handed out.' })
  get state(): BookState {
    if (this.lostAt) return BookState.LOST;
    if (this.beneficiaryId) return BookState.HANDED_OUT;
    if (this.distributorId) return BookState.ALLOCATED;
    return BookState.ISSUED;
  }
}
