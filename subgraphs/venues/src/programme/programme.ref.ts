import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The programmes subgraph's entity, known here by its key only. */
@ObjectType('Programme')
@Directive('@key(fields: "id")')
export class ProgrammeRef {
  @Field(() => ID)
  id!: string;

  /** Owned by the programmes subgraph; sent along by the gateway for fields that @require it. */
  @Field(() => [String])
  @Directive('@external')
  territory?: string[];
}
