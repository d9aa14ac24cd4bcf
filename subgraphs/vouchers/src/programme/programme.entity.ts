import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The programmes subgraph's programme, known here by its key: this subgraph adds its figures, credits back and ledger (programme.resolver.ts). */
@ObjectType('Programme')
@Directive('@key(fields: "id")')
export class ProgrammeRef {
  @Field(() => ID, { description: "The hub's id of this programme." })
  id!: string;
}
