import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The venues subgraph's venue, known here by its key: this subgraph adds its redemption figures and statements (venue.resolver.ts). */
@ObjectType('Venue')
@Directive('@key(fields: "id")')
export class VenueRef {
  @Field(() => ID, { description: "The hub's id of this venue." })
  id!: string;
}
