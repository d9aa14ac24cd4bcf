import { DateTimeISOResolver } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Redemption } from '../redemption/redemption.entity';

/** One message of `Subscription.redemptionRecorded`: where it sits in the stream, and what happened. */
@ObjectType({ description: 'A redemption pushed live, with its position in the stream.' })
export class RedemptionEvent {
  @Field({ description: 'Give it back as `after` to resume right after this event.' })
  cursor!: string;

  @Field(() => Redemption, { description: 'The redemption recorded.' })
  redemption!: Redemption;
}

/*
 * What follows is the gateway's own plumbing, hidden from partners (`@inaccessible`): the gateway
 * reads the stream's routing keys here and resolves each event's fields through the supergraph.
 */

@ObjectType({ description: 'Which redemptions a subscriber may receive: any match of the lists, or all.' })
@Directive('@inaccessible')
export class LiveRedemptionScope {
  @Field()
  all!: boolean;

  @Field(() => [ID])
  venueIds!: string[];

  @Field(() => [ID])
  programmeIds!: string[];

  @Field(() => [ID])
  distributorIds!: string[];
}

@ObjectType({ description: "A redemption's place in the stream and the keys that route it to subscribers." })
@Directive('@inaccessible')
export class RedemptionRoute {
  @Field()
  cursor!: string;

  @Field(() => ID)
  redemptionId!: string;

  @Field(() => ID)
  venueId!: string;

  @Field(() => ID)
  programmeId!: string;

  @Field(() => ID, { nullable: true })
  distributorId!: string | null;

  /** For the gateway's per-stage latency (recorded → read → resolved → sent), not for routing. */
  @Field(() => DateTimeISOResolver)
  redeemedAt!: Date;
}
