import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The beneficiaries subgraph's distributor, known here by its key: this subgraph adds its books and figures (distributor.resolver.ts). */
@ObjectType('Distributor')
@Directive('@key(fields: "id")')
export class DistributorRef {
  @Field(() => ID, { description: "The hub's id of this distributor." })
  id!: string;
}

/** A reference to an entity another subgraph owns, by its id; null when there is none (a book not yet allocated or handed out). */
export const ref = <T extends { id: string }>(id: string | null): T | null => (id ? ({ id } as T) : null);
