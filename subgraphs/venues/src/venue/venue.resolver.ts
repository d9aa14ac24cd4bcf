import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { BadInputError, ConnectionType, DEFAULT_PAGE_SIZE, EVERY_ROLE, MAX_PAGE_SIZE, Role, coordinates, ensure, is, readPageRequest, toConnection } from '@pass/kit';
import { LocalDateResolver } from 'graphql-scalars';
import type { Context } from '../loaders';
import { ProgrammeRef } from '../programme/programme.ref';
import { WorkshopSession } from '../session/session.entity';
import { Workshop } from '../workshop/workshop.entity';
import { Venue } from './venue.entity';
import { qualifyVenue } from './venue.manager';
import { venueStore } from './venue.store';

/** Name the lists in their cursors, so that a cursor of another list is refused. */
const VENUES = 'Query.venues';
const SESSIONS_OF_VENUE = 'Venue.sessions';
const QUALIFIED_VENUES = 'Programme.qualifiedVenues';

@ObjectType('VenueConnection', { description: 'A page of venues: every venue by name then id, or those qualified for a programme by id.' })
export class VenueConnection extends ConnectionType(Venue, 'Venue') {}

@ObjectType('WorkshopSessionConnection', { description: "A page of a venue's or a workshop's sessions, by start time then id." })
export class WorkshopSessionConnection extends ConnectionType(WorkshopSession, 'WorkshopSession') {}

@Resolver(() => Venue)
export class VenueResolver {
  @Authorized(EVERY_ROLE)
  @Query(() => VenueConnection, { description: 'Venues are public places: every partner sees them, by name then id, a page at a time.' })
  async venues(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Venues in this page: 1 to ${MAX_PAGE_SIZE}.` }) first: number,
    @Arg('after', () => String, { nullable: true, description: "The previous page's `pageInfo.endCursor`; the first page when absent." })
    after: string | null,
  ): Promise<VenueConnection> {
    const request = readPageRequest(VENUES, first, after);
    return toConnection(VENUES, request, await venueStore.page(ctx.dataSource, request), (v) => v.pageKey);
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

  @FieldResolver(() => WorkshopSessionConnection, { description: "The venue's workshop sessions, by start time then id, a page at a time." })
  async sessions(
    @Root() venue: Venue,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Sessions in this page: 1 to ${MAX_PAGE_SIZE}.` }) first: number,
    @Arg('after', () => String, { nullable: true, description: "The previous page's `pageInfo.endCursor`; the first page when absent." })
    after: string | null,
  ): Promise<WorkshopSessionConnection> {
    const request = readPageRequest(SESSIONS_OF_VENUE, first, after);
    const page = await ctx.loaders.sessionPagesOfVenue(request).load(venue.id);
    return toConnection(SESSIONS_OF_VENUE, request, page, (s) => s.pageKey);
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
  @FieldResolver(() => VenueConnection, { description: 'Venues qualified for this programme, by venue id, a page at a time.' })
  async qualifiedVenues(
    @Root() programme: ProgrammeRef,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `Venues in this page: 1 to ${MAX_PAGE_SIZE}.` }) first: number,
    @Arg('after', () => String, { nullable: true, description: "The previous page's `pageInfo.endCursor`; the first page when absent." })
    after: string | null,
  ): Promise<VenueConnection> {
    const request = readPageRequest(QUALIFIED_VENUES, first, after);
    const page = await ctx.loaders.qualifiedVenuePagesOfProgramme(request).load(programme.id);
    return toConnection(QUALIFIED_VENUES, request, page, (v) => v.pageKey);
  }
}
