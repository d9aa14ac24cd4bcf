import { Field, Int, ObjectType } from 'type-graphql';
import { DistributorRef } from '../refs/refs';

@ObjectType({ description: "A distributor's books and their use within a programme." })
export class DistributorActivity {
  @Field(() => DistributorRef, { description: 'The distributor.' })
  distributor!: DistributorRef;

  @Field(() => Int, { description: 'Books of the programme allocated to the distributor.' })
  booksAllocated!: number;

  @Field(() => Int, { description: 'Of those, books handed to a person.' })
  booksHandedOut!: number;

  @Field(() => Int, { description: 'Vouchers of those books redeemed.' })
  vouchersRedeemed!: number;
}
