import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The programmes subgraph's funder, known here by its key: credits back and funder statements point at it. */
@ObjectType('Funder')
@Directive('@key(fields: "id")')
export class FunderRef {
  @Field(() => ID, { description: "The hub's id of this funder." })
  id!: string;
}
