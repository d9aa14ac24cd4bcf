import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Role } from '@pass/access';
import { ensureCoordinates } from '../access';
import type { Context } from '../loaders';
import { QualifyVenueInput, QualifyVenuePayload } from './qualification.inputs';
import { qualifyVenueChecked } from './qualification.manager';

/** Qualification has no type of its own in the API: a venue's `qualifiedFor`, a programme's `qualifiedVenues`. */
@Resolver()
export class QualificationResolver {
  @Authorized(Role.COORDINATOR, Role.OPERATOR)
  @Mutation(() => QualifyVenuePayload, { description: "Qualifies (or disqualifies) a venue for a programme: its coordinator or the operator; only a venue in the programme's territory is qualified." })
  qualifyVenue(@Arg('input', () => QualifyVenueInput, { description: 'The venue and the programme.' }) input: QualifyVenueInput, @Ctx() ctx: Context): Promise<QualifyVenuePayload> {
    ensureCoordinates(ctx, input.programmeId, 'qualifying for a programme the caller does not coordinate');
    return qualifyVenueChecked(ctx.dataSource, input.venueId, input.programmeId, input.qualified);
  }
}
