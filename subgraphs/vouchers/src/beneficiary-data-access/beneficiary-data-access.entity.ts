import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The beneficiaries subgraph's access request, to which this subgraph adds what it holds. */
@ObjectType('BeneficiaryDataAccess')
@Directive('@key(fields: "id")')
export class BeneficiaryDataAccessRef {
  @Field(() => ID, { description: "The person's id." })
  id!: string;
}
