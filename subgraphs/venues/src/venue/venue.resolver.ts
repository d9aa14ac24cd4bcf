import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadInputError, EVERY_ROLE, coordinates, ensure, is } from '@pass/kit';
import { Role } from '@pass/access';
import { LocalDateResolver } from 'graphql-scalars';
import type { Context } from '../loaders';
import { ProgrammeRef } from '../programme/programme.ref';
import { WorkshopSession } from '../session/session.entity';
import { Workshop } from '../workshop/workshop.entity';
import { Venue } from './venue.entity';
import { qualifyVenue } from './venue.manager';
import { venueStore } from './venue.store';

@Resolver(() => Venue)
export class VenueResolver {
  @Authorized(EVERY_ROLE)
  @Query(() => [Venue], { description: 'Venues are public places: every partner sees them.' })
  venues(@Arg('first', () => Int, { defaultValue: 100, description: 'At most this many venues.' }) first: number, @Ctx() ctx: Context): Promise<Venue[]> {
    if (first < 1 || first > 1000) throw new BadInputError('first must be between 1 and 1000', 'first');
    return venueStore.all(ctx.dataSource, first);
  }

  @Authorized(EVERY_ROLE)
  @Query(() => Venue, { description: 'A venue: public facts for every partner; its money for itself and the operator.' })
  venue(@Arg('id', () => ID, { description: "The venue's id." }) id: string, @Ctx() ctx: Context): Promise<Venue> {
    return ctx.loaders.venue.load(id);
  }

  @FieldResolver(() => [Workshop], { description: 'The workshops the venue runs.' })
  workshops(@Root() venue: Venue, @Ctx() ctx: Context): Promise<Workshop[]> {
    return ctx.loaders.workshopsOfVenue.load(venue.id);
  }

  @FieldResolver(() => [WorkshopSession], { description: "The venue's workshop sessions." })
  sessions(@Root() venue: Venue, @Ctx() ctx: Context): Promise<WorkshopSession[]> {
    return ctx.loaders.sessionsOfVenue.load(venue.id);
  }

  @FieldResolver(() => [WorkshopSession], { description: "Sessions starting on a Paris calendar day, earliest first: the counter page's list for today." })
  sessionsOn(@Root() venue: Venue, @Arg('date', () => LocalDateResolver, { description: 'The Paris calendar day, YYYY-MM-DD.' }) date: string, @Ctx() ctx: Context): Promise<WorkshopSession[]> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new BadInputError('date must be written YYYY-MM-DD', 'date');
    return ctx.loaders.sessionsOfVenueOn(date).load(venue.id);
  }

  @FieldResolver(() => [ProgrammeRef], { description: 'Programmes whose vouchers this venue may take.' })
  async qualifiedFor(@Root() venue: Venue, @Ctx() ctx: Context): Promise<ProgrammeRef[]> {
    const qualifications = await ctx.loaders.qualificationsOfVenue.load(venue.id);
    return qualifications.map((q) => ({ id: q.programmeId }));
  }

  @Authorized(Role.COORDINATOR, Role.OPERATOR)
  @Mutation(() => Venue, { description: 'Qualifies (or disqualifies) a venue for a programme: its coordinator or the operator.' })
  qualifyVenue(
    @Arg('venueId', () => ID, { description: 'The venue.' }) venueId: string,
    @Arg('programmeId', () => ID, { description: 'The programme.' }) programmeId: string,
    @Arg('qualified', { defaultValue: true, description: 'True to qualify, false to withdraw the qualification.' }) qualified: boolean,
    @Ctx() ctx: Context,
  ): Promise<Venue> {
    ensure(is(ctx.caller, Role.OPERATOR) || coordinates(ctx.caller, programmeId), 'qualifying for a programme the caller does not coordinate');
    return qualifyVenue(ctx.dataSource, venueId, programmeId, qualified);
  }
}

@Resolver(() => ProgrammeRef)
export class ProgrammeVenuesResolver {
  @FieldResolver(() => [Venue], { description: 'Venues qualified for this programme.' })
  async qualifiedVenues(@Root() programme: ProgrammeRef, @Ctx() ctx: Context): Promise<Venue[]> {
    const qualifications = await ctx.loaders.qualificationsOfProgramme.load(programme.id);
    return ctx.loaders.venue.loadMany(qualifications.map((q) => q.venueId)) as Promise<Venue[]>;
  }
}
