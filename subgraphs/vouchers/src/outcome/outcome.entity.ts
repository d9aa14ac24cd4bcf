import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

/**
 * A venue's assessment of the person holding a book it served (e.g. a PIX score, skills reached),
 * read by the distributor that referred the person. It names no one: it hangs off the book.
 */
@Entity({ name: 'outcome' })
@ObjectType()
export class Outcome {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column('uuid', { name: 'book_id' })
  bookId!: string;

  @Column('uuid', { name: 'venue_id' })
  venueId!: string;

  @Column('int', { name: 'pix_score', nullable: true })
  @Field(() => Int, { nullable: true, description: 'PIX digital-skills score, 0 to 1,000.' })
  pixScore!: number | null;

  @Column('text', { name: 'skills_reached', array: true })
  @Field(() => [String])
  skillsReached!: string[];

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true })
  note!: string | null;

  @Column('timestamptz', { name: 'recorded_at' })
  @Field(() => DateTimeISOResolver)
  recordedAt!: Date;
}
