import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { BadInputError, ConnectionType, DEFAULT_PAGE_SIZE, EVERY_ROLE, MAX_PAGE_SIZE, readPageRequest, toConnection } from '@pass/kit';
import { Role } from '@pass/access';
import { LocalDateResolver } from 'graphql-scalars';
import type { Context } from '../loaders';
import { Programme } from '../programme/programme.entity';
import { WorkshopSession } from '../session/session.entity';
import { Workshop } from '../workshop/workshop.entity';
import { placeOf } from './geography';
import { exportVenueCsv } from './venue-export.manager';
import { importVenueCsv } from './venue-import.manager';
import { AdministrativeArea, Venue } from './venue.entity';
import { ImportVenuesInput, ImportVenuesPayload, RegisterVenueInput, RegisterVenuePayload } from './venue.inputs';
import { registerVenueChecked } from './venue.manager';
import { venueStore } from './venue.store';

/** Above this, `importVenues` refuses: the gateway admits about 20 MB for that operation only. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** An export through the API is one response; beyond this many venues, the CLI streams a file. */
export const EXPORT_MAX_VENUES = 20_000;

/** Name the lists in their cursors, so that a cursor of another list is refused. */
const VENUES = 'Query.venues';
const SESSIONS_OF_VENUE = 'Venue.sessions';

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

  @Authorized(Role.OPERATOR)
  @Query(() => String, { description: 'Every venue (or those of one `source`) as a CSV in the national venue standard; re-importing it changes nothing.' })
  async venuesCsv(@Arg('source', () => String, { nullable: true, description: 'Only the venues declared by this source; every venue when left out.' }) source: string | null, @Ctx() ctx: Context): Promise<string> {
    const n = await venueStore.count(ctx.dataSource, source);
    if (n > EXPORT_MAX_VENUES) throw new BadInputError(`${n} venues: export more than ${EXPORT_MAX_VENUES} with the CLI (npm run hub -- venues export)`, 'source');
    let csv = '';
    await exportVenueCsv(ctx.dataSource, (chunk) => void (csv += chunk), source === null ? {} : { source });
    return csv;
  }

  @Authorized(Role.OPERATOR, Role.COORDINATOR)
  @Mutation(() => RegisterVenuePayload, { description: 'Registers a venue, with the checks of the national venue standard; refusals are typed.' })
  registerVenue(@Arg('input', () => RegisterVenueInput, { description: 'The venue to register.' }) input: RegisterVenueInput, @Ctx() ctx: Context): Promise<RegisterVenuePayload> {
    return registerVenueChecked(ctx.dataSource, { ...input, services: input.services ?? [] });
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => ImportVenuesPayload, {
    description: 'Imports venues from a CSV in the national venue standard (standard-mediation-num v1.0.2), up to about 20 MB: good rows are upserted by (`source`, `id`), each bad one reported; a file refused as a whole writes nothing.',
  })
  async importVenues(@Arg('input', () => ImportVenuesInput, { description: 'The file.' }) input: ImportVenuesInput, @Ctx() ctx: Context): Promise<ImportVenuesPayload> {
    if (Buffer.byteLength(input.csv) > IMPORT_MAX_BYTES) throw new BadInputError(`at most ${IMPORT_MAX_BYTES} bytes; import larger files with the CLI (npm run hub -- venues import)`, 'csv');
    const { report, error } = await importVenueCsv(ctx.dataSource, input.csv, { maxErrors: 1000 });
    return { report: { ...report, errors: report.errors.map((e) => ({ row: e.row, column: e.field ?? null, message: e.message })) }, error };
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

  @FieldResolver(() => [Programme], { description: 'Programmes whose vouchers this venue may take.' })
  async qualifiedFor(@Root() venue: Venue, @Ctx() ctx: Context): Promise<Programme[]> {
    const qualifications = await ctx.loaders.qualificationsOfVenue.load(venue.id);
    return qualifications.map((q) => ({ id: q.programmeId }));
  }

  @FieldResolver(() => String, { nullable: true, description: 'The official name of the venue\'s commune (from its INSEE code), beside `commune` as declared.' })
  communeName(@Root() venue: Venue): string | null {
    return placeOf(venue.inseeCode)?.name ?? null;
  }

  @FieldResolver(() => AdministrativeArea, { nullable: true, description: 'The département of the venue\'s commune.' })
  departement(@Root() venue: Venue): AdministrativeArea | null {
    return placeOf(venue.inseeCode)?.departement ?? null;
  }

  @FieldResolver(() => AdministrativeArea, { nullable: true, description: 'The région of the venue\'s commune.' })
  region(@Root() venue: Venue): AdministrativeArea | null {
    return placeOf(venue.inseeCode)?.region ?? null;
  }
}
