import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The programmes subgraph's entity, known here by its key only. */
@ObjectType('Programme')
@Directive('@key(fields: "id")')
export class ProgrammeRef {
  @Field(() => ID)
  id!: string;
}
