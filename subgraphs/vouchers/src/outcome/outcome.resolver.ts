import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { ensure, is, isOrganisation } from '@pass/kit';
import { Role } from '@pass/access';
import { Book } from '../book/book.entity';
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

@Resolver(() => Book)
export class BookOutcomesResolver {
  @FieldResolver(() => [Outcome], {
    description: "Venues' assessments of the holder, oldest first: for the referring distributor; a venue sees its own.",
  })
  async outcomes(@Root() book: Book, @Ctx() ctx: Context): Promise<Outcome[]> {
    const { caller } = ctx;
    const isVenue = caller.role === Role.VENUE;
    ensure(is(caller, Role.OPERATOR) || isOrganisation(caller, Role.DISTRIBUTOR, book.distributorId) || isVenue, "this book's outcomes");
    const outcomes = (await ctx.loaders.outcomesOfBook.load(book.id)).filter((o) => !isVenue || o.venueId === caller.organisationId);
    // About a person, even if only through a pseudonymous book: every read is logged.
    for (const outcome of outcomes) ctx.audit.read('Outcome', outcome.id);
    return outcomes;
  }
}
