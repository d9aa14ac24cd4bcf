import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

/** One sitting of a workshop at a venue; vouchers are redeemed against a session. */
@Entity({ name: 'workshop_session' })
@ObjectType({ description: 'One sitting of a workshop, at a time, with a number of seats.' })
@Directive('@key(fields: "id")')
export class WorkshopSession {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column('uuid', { name: 'workshop_id' })
  workshopId!: string;

  @Column('uuid', { name: 'venue_id' })
  venueId!: string;

  @Column('timestamptz', { name: 'starts_at' })
  @Field(() => DateTimeISOResolver, { description: 'When it starts.' })
  startsAt!: Date;

  @Column('int')
  @Field(() => Int, { description: 'Seats; each redemption takes one.' })
  seats!: number;
}
