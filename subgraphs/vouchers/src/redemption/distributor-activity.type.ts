import { Field, Int, ObjectType } from 'type-graphql';
import { DistributorRef } from '../refs/refs';

@ObjectType({ description: "A distributor's books and their use within a programme." })
export class DistributorActivity {
  @Field(() => DistributorRef)
  distributor!: DistributorRef;

  @Field(() => Int)
  booksAllocated!: number;

  @Field(() => Int)
  booksHandedOut!: number;

  @Field(() => Int)
  vouchersRedeemed!: number;
}
