import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadInputError, EVERY_ROLE, Role } from '@pass/kit';
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

  @FieldResolver(() => [WorkshopSession], { description: "The venue's workshop sessions." })
  sessions(@Root() venue: Venue, @Ctx() ctx: Context): Promise<WorkshopSession[]> {
    return ctx.loaders.sessionsOfVenue.load(venue.id);
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
