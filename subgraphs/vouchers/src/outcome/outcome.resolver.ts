import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { ensure, is, isOrganisation } from '@pass/kit';
import { Role } from '@pass/access';
import type { Context } from '../loaders';
import { VenueRef } from '../venue/venue.entity';
import { Outcome } from './outcome.entity';
import { recordOutcome } from './outcome.manager';
import { RecordOutcomeInput, RecordOutcomePayload } from './outcome.inputs';

@Resolver(() => Outcome)
export class OutcomeResolver {
  @FieldResolver(() => VenueRef, { description: 'The venue that assessed the person.' })
  venue(@Root() outcome: Outcome): VenueRef {
    return { id: outcome.venueId };
  }

  @Authorized(Role.VENUE, Role.OPERATOR)
  @Mutation(() => RecordOutcomePayload, { description: 'A venue records the outcome of the holder of a book it served.' })
  recordOutcome(@Arg('input', () => RecordOutcomeInput, { description: 'The book, the venue and the assessment.' }) input: RecordOutcomeInput, @Ctx() ctx: Context): Promise<RecordOutcomePayload> {
    ensure(is(ctx.caller, Role.OPERATOR) || isOrganisation(ctx.caller, Role.VENUE, input.venueId), 'recording an outcome for another venue');
    return recordOutcome(ctx.dataSource, input, ctx.clock.now());
  }
}
