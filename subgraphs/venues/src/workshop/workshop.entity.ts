import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** The programme's three axes of digital skills. */
export enum WorkshopAxis {
  /** *Découvrir*: discover digital life. */
  DISCOVER = 'DISCOVER',
  /** *Maîtriser*: master the tools and online procedures. */
  MASTER = 'MASTER',
  /** *S'émanciper*: control one's data, find a job. */
  EMPOWER = 'EMPOWER',
}
registerEnumType(WorkshopAxis, { name: 'WorkshopAxis' });

/** A workshop (*atelier*) a venue publishes: one voucher pays one session of it. */
@Entity({ name: 'workshop' })
@ObjectType()
@Directive('@key(fields: "id")')
export class Workshop {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column('uuid', { name: 'venue_id' })
  venueId!: string;

  @Column('text')
  @Field(() => WorkshopAxis)
  axis!: WorkshopAxis;

  @Column('text')
  @Field({ description: 'e.g. "Computer basics", "Writing a CV", "Online admin procedures".' })
  topic!: string;

  @Column('int', { name: 'duration_minutes' })
  @Field(() => Int)
  durationMinutes!: number;

  @Column('int')
  @Field(() => Int)
  seats!: number;
}
