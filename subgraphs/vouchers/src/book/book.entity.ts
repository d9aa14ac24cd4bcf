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
registerEnumType(BookState, { name: 'BookState', description: 'Issued by the operator, allocated to a distributor, handed out to a person.' });

/** A book (*carnet*, *chéquier*) of 5 or 10 vouchers, handed to one person. */
@Entity({ name: 'book' })
@ObjectType()
@Directive('@key(fields: "id")')
export class Book {
  @PrimaryColumn('uuid')
  @Field(() => ID)
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

  @Column('timestamptz', { name: 'issued_at' })
  @Field(() => DateTimeISOResolver)
  issuedAt!: Date;

  @Column('timestamptz', { name: 'allocated_at', nullable: true })
  @Field(() => DateTimeISOResolver, { nullable: true })
  allocatedAt!: Date | null;

  @Column('timestamptz', { name: 'handed_out_at', nullable: true })
  @Field(() => DateTimeISOResolver, { nullable: true })
  handedOutAt!: Date | null;

  @Column('timestamptz', { name: 'lost_at', nullable: true })
  @Field(() => DateTimeISOResolver, { nullable: true })
  lostAt!: Date | null;

  @Field(() => BookState)
  get state(): BookState {
    if (this.lostAt) return BookState.LOST;
    if (this.beneficiaryId) return BookState.HANDED_OUT;
    if (this.distributorId) return BookState.ALLOCATED;
    return BookState.ISSUED;
  }
}
