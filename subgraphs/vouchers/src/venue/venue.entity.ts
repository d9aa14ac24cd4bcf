import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The venues subgraph's venue, known here by its key: this subgraph adds its redemption figures and statements (venue.resolver.ts). */
@ObjectType('Venue')
@Directive('@key(fields: "id")')
export class VenueRef {
  @Field(() => ID, { description: "The hub's id of this venue." })
  id!: string;

  // Owned by the venues subgraph; this subgraph answers them only where it says so with
  // @provides (a redemption's venue, a programme's venue activity), from its replica of
  // venue.described, sparing the partner pages a round trip to the venues subgraph (issue 12).
  // After a venue is renamed the old name may show here for the moment the replica takes.
  @Field({ description: "The venue's name." })
  @Directive('@external')
  name?: string;

  @Field({ description: 'INSEE code of the commune.' })
  @Directive('@external')
  inseeCode?: string;
}
