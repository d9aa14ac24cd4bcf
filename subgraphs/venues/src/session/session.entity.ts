import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

/** One sitting of a workshop at a venue; vouchers are redeemed against a session. */
@Entity({ name: 'workshop_session' })
@ObjectType()
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
  @Field(() => DateTimeISOResolver)
  startsAt!: Date;

  @Column('int')
  @Field(() => Int)
  seats!: number;
}
