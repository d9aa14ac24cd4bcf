import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The programmes subgraph's programme, known here by its key: this subgraph adds its figures, credits back and ledger (programme.resolver.ts). */
@ObjectType('Programme')
@Directive('@key(fields: "id")')
export class ProgrammeRef {
  @Field(() => ID, { description: "The hub's id of this programme." })
  id!: string;

  // Owned by the programmes subgraph; this subgraph answers it only where it says so with
  // @provides (a redemption's programme), from its replica of programme.defined: a programme is
  // never renamed, so the replica's name is the name, and the venue's pages skip a round trip to
  // the programmes subgraph (issue 12).
  @Field({ description: "The programme's name." })
  @Directive('@external')
  name?: string;
}
