import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The venues subgraph's workshop session, known here by its key: this subgraph adds its redemptions and seats left (session.resolver.ts). */
@ObjectType('WorkshopSession')
@Directive('@key(fields: "id")')
export class WorkshopSessionRef {
  @Field(() => ID, { description: "The hub's id of this session." })
  id!: string;
}
