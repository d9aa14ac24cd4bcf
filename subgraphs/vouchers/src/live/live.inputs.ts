import { Directive, Field, ID, InputType } from 'type-graphql';

/** The gateway's own plumbing, hidden from partners (`@inaccessible`): a subscriber's scope as the gateway hands it back. */
@InputType()
@Directive('@inaccessible')
export class LiveRedemptionScopeInput {
  @Field()
  all!: boolean;

  @Field(() => [ID])
  venueIds!: string[];

  @Field(() => [ID])
  programmeIds!: string[];

  @Field(() => [ID])
  distributorIds!: string[];
}
