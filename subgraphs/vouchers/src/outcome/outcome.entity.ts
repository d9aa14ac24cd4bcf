import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

/**
 * A venue's assessment of the person holding a book it served (e.g. a PIX score, skills reached),
 * read by the distributor that referred the person. It names no one: it hangs off the book.
 */
@Entity({ name: 'outcome' })
@ObjectType({ description: "A venue's assessment of a book's holder: skills reached, PIX score." })
export class Outcome {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID, { description: "The hub's id of this outcome." })
  id!: string;

  @Column('uuid', { name: 'book_id' })
  bookId!: string;

  @Column('uuid', { name: 'venue_id' })
  venueId!: string;

  @Column('int', { name: 'pix_score', nullable: true })
  @Field(() => Int, { nullable: true, description: 'PIX digital-skills score, 0 to 1,000.' })
  pixScore!: number | null;

  @Column('text', { name: 'skills_reached', array: true })
  @Field(() => [String], { description: "Skills the person reached, in the venue's words." })
  skillsReached!: string[];

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'About skills and progress only, never about the person.' })
  note!: string | null;

  @Column('timestamptz', { name: 'recorded_at' })
  @Field(() => DateTimeISOResolver, { description: 'When the venue recorded it.' })
  recordedAt!: Date;
}
