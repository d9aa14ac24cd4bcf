import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The programmes subgraph's entity, known here by its key: this subgraph adds the venues that
 * may take its vouchers. Its territory is replicated (`programme_territory`, from
 * `programme.defined`) for the rules, and sent along by the gateway for the fields that `@requires` it.
 */
@ObjectType('Programme')
@Directive('@key(fields: "id")')
export class Programme {
  @Field(() => ID)
  id!: string;

  /** Owned by the programmes subgraph; sent along by the gateway for fields that @require it. */
  @Field(() => [String])
  @Directive('@external')
  territory?: string[];
}
