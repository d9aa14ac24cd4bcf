import { Directive, Field, ID, ObjectType } from 'type-graphql';

/*
 * Entities other subgraphs own, known here by their key only. This subgraph adds fields to
 * them (redemption counts and amounts, credits back) and points at them from books and redemptions.
 */

@ObjectType('Programme')
@Directive('@key(fields: "id")')
export class ProgrammeRef {
  @Field(() => ID, { description: "The hub's id of this programme." })
  id!: string;
}

@ObjectType('Venue')
@Directive('@key(fields: "id")')
export class VenueRef {
  @Field(() => ID, { description: "The hub's id of this venue." })
  id!: string;
}

@ObjectType('Distributor')
@Directive('@key(fields: "id")')
export class DistributorRef {
  @Field(() => ID, { description: "The hub's id of this distributor." })
  id!: string;
}

@ObjectType('Beneficiary')
@Directive('@key(fields: "id")')
export class BeneficiaryRef {
  @Field(() => ID, { description: "The hub's id of this person." })
  id!: string;
}

@ObjectType('Funder')
@Directive('@key(fields: "id")')
export class FunderRef {
  @Field(() => ID, { description: "The hub's id of this funder." })
  id!: string;
}

@ObjectType('WorkshopSession')
@Directive('@key(fields: "id")')
export class WorkshopSessionRef {
  @Field(() => ID, { description: "The hub's id of this session." })
  id!: string;
}

export const ref = <T extends { id: string }>(id: string | null): T | null => (id ? ({ id } as T) : null);
