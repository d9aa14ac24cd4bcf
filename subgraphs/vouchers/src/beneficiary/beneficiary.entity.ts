import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The beneficiaries subgraph's person, known here by its key: this subgraph adds the books handed to them (beneficiary.resolver.ts). */
@ObjectType('Beneficiary')
@Directive('@key(fields: "id")')
export class BeneficiaryRef {
  @Field(() => ID, { description: "The hub's id of this person." })
  id!: string;
}
