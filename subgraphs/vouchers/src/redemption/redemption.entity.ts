import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { bigintAsNumber } from '@pass/kit';
import { formatCursor } from '../live/cursor';

/** A venue took a voucher for a session it runs; the venue is paid its face value. */
@Entity({ name: 'redemption' })
@ObjectType({ description: 'A voucher taken by a venue for one workshop session: the venue is paid its face value.' })
@Directive('@key(fields: "id")')
export class Redemption {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: "The hub's id of this redemption." })
  id!: string;

  @Column({ type: 'bigint', transformer: bigintAsNumber, insert: false, update: false })
  seq!: number;

  /** The writing transaction's id (`pg_current_xact_id()`), set by the column default. */
  @Column({ type: 'bigint', insert: false, update: false })
  xid!: string;

  @Column('uuid', { name: 'voucher_id' })
  voucherId!: string;

  @Column('uuid', { name: 'session_id' })
  sessionId!: string;

  @Column('uuid', { name: 'venue_id' })
  venueId!: string;

  @Column('uuid', { name: 'programme_id' })
  programmeId!: string;

  @Column('uuid', { name: 'book_id' })
  bookId!: string;

  @Column('int', { name: 'amount_cents' })
  @Field(() => Int, { description: 'Face value of the voucher, owed to the venue, in euro cents.' })
  amountCents!: number;

  @Column('timestamptz', { name: 'redeemed_at' })
  @Field(() => DateTimeISOResolver, { description: 'When the venue recorded it.' })
  redeemedAt!: Date;

  @Column({ type: 'timestamptz', name: 'corrected_at', nullable: true, insert: false, update: false })
  @Field(() => DateTimeISOResolver, {
    nullable: true,
    description: "When an operator corrected it after its month was closed: it no longer counts, and is deducted from the venue's next statement. Null otherwise.",
  })
  correctedAt!: Date | null;

  @Field(() => String, { description: 'Position in the stream of redemptions, to resume a subscription after it (see docs/live.md).' })
  get cursor(): string {
    return formatCursor(this.xid, this.seq);
  }
}
