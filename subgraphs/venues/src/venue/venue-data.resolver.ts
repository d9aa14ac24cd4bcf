import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BadInputError } from '@pass/kit';
import { Role } from '@pass/access';
import type { Context } from '../loaders';
import { placeOf } from './geography';
import { exportVenueCsv } from './venue-export.manager';
import { importVenueCsv } from './venue-import.manager';
import { registerVenueChecked } from './venue-register.manager';
import { RegisterVenueInput, RegisterVenuePayload, VenueImportReport } from './venue-data.types';
import { AdministrativeArea, Venue } from './venue.entity';

/** Above this, `importVenues` refuses: the gateway admits about 20 MB for that operation only. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** An export through the API is one response; beyond this many venues, the CLI streams a file. */
export const EXPORT_MAX_VENUES = 20_000;

@Resolver(() => Venue)
export class VenueDataResolver {
  @Authorized(Role.OPERATOR, Role.COORDINATOR)
  @Mutation(() => RegisterVenuePayload, { description: 'Registers a venue, with the checks of the national venue standard; refusals are typed.' })
  registerVenue(@Arg('input', () => RegisterVenueInput, { description: 'The venue to register.' }) input: RegisterVenueInput, @Ctx() ctx: Context): Promise<RegisterVenuePayload> {
    return registerVenueChecked(ctx.dataSource, { ...input, services: input.services ?? [] });
  }

  @Authorized(Role.OPERATOR)
  @Mutation(() => VenueImportReport, {
    description: 'Imports venues from a CSV in the national venue standard (standard-mediation-num v1.0.2), up to about 20 MB: good rows are upserted by (`source`, `id`), each bad one reported.',
  })
  async importVenues(@Arg('csv', () => String, { description: 'The CSV file\'s content, header row first.' }) csv: string, @Ctx() ctx: Context): Promise<VenueImportReport> {
    if (Buffer.byteLength(csv) > IMPORT_MAX_BYTES) throw new BadInputError(`at most ${IMPORT_MAX_BYTES} bytes; import larger files with the CLI (npm run hub -- venues import)`, 'csv');
    const report = await importVenueCsv(ctx.dataSource, csv, { maxErrors: 1000 });
    return { ...report, errors: report.errors.map((e) => ({ row: e.row, column: e.field ?? null, message: e.message })) };
  }

  @Authorized(Role.OPERATOR)
  @Query(() => String, { description: 'Every venue (or those of one `source`) as a CSV in the national venue standard; re-importing it changes nothing.' })
  async venuesCsv(@Arg('source', () => String, { nullable: true, description: 'Only the venues declared by this source; every venue when left out.' }) source: string | null, @Ctx() ctx: Context): Promise<string> {
    const [{ n }] = await ctx.dataSource.query(source === null ? 'select count(*)::int as n from venue' : 'select count(*)::int as n from venue where source = $1', source === null ? [] : [source]);
    if (n > EXPORT_MAX_VENUES) throw new BadInputError(`${n} venues: export more than ${EXPORT_MAX_VENUES} with the CLI (npm run hub -- venues export)`, 'source');
    let csv = '';
    await exportVenueCsv(ctx.dataSource, (chunk) => void (csv += chunk), source === null ? {} : { source });
    return csv;
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
