import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver, JSONObjectResolver } from 'graphql-scalars';

@ObjectType({
  description:
    "A person's access request (GDPR art. 15): everything the hub holds about them, as JSON, each subgraph adding what it holds. " +
    'Only the distributor that registered the person may ask; every request is written to the audit log.',
})
@Directive('@key(fields: "id")')
export class BeneficiaryDataAccess {
  @Field(() => ID, { description: "The person's id." })
  id!: string;

  /** Not exposed: the access rule of the other subgraphs' parts is checked against their own replica. */
  distributorId!: string;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When the person was erased (on request or by the anonymisation job); null while their record is held.' })
  erasedAt!: Date | null;

  @Field(() => JSONObjectResolver, {
    nullable: true,
    description: 'The beneficiary record as stored (pseudonym, birth year, commune, education level, situations, consent and registration times, programmes found eligible for); null once erased.',
  })
  record!: Record<string, unknown> | null;
}
