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
registerEnumType(WorkshopAxis, { name: 'WorkshopAxis', description: "The three axes of the programme's workshops.", valuesConfig: { DISCOVER: { description: 'Discover digital life.' }, EMPOWER: { description: "Be autonomous: control one's data, find a job." }, MASTER: { description: 'Master the tools and online procedures.' } } });

/** A workshop (*atelier*) a venue publishes: one voucher pays one session of it. */
@Entity({ name: 'workshop' })
@ObjectType({ description: 'A workshop a venue runs, on one of the three axes, in sessions of 1 to 2 hours.' })
@Directive('@key(fields: "id")')
export class Workshop {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: "The hub's id of this workshop." })
  id!: string;

  @Column('uuid', { name: 'venue_id' })
  venueId!: string;

  @Column('text')
  @Field(() => WorkshopAxis, { description: 'Which of the three axes it serves.' })
  axis!: WorkshopAxis;

  @Column('text')
  @Field({ description: 'e.g. "Computer basics", "Writing a CV", "Online admin procedures".' })
  topic!: string;

  @Column('int', { name: 'duration_minutes' })
  @Field(() => Int, { description: 'Length of one sitting, in minutes.' })
  durationMinutes!: number;

  @Column('int')
  @Field(() => Int, { description: 'Default number of seats of its sessions.' })
  seats!: number;
}
