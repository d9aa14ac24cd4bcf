import { BadInputError, ForbiddenError, isUuid } from '@pass/kit';
import { Role } from '@pass/access';
import type { Context } from '../loaders';
import { liveStore } from './live.store';
import type { LiveRedemptionScope } from './live.objects';

const none = (): LiveRedemptionScope => ({ all: false, venueIds: [], programmeIds: [], distributorIds: [] });

/**
 * Which redemptions a subscriber may receive live: the same rows `ensureSeesRedemption` lets it
 * read. A filter naming another organisation's venue or programme is refused here, at subscribe
 * time, rather than becoming a stream that stays silent.
 */
export async function liveScopeOf(ctx: Context, programmeId: string | null, venueId: string | null): Promise<LiveRedemptionScope> {
  if (programmeId !== null && !isUuid(programmeId)) throw new BadInputError('programmeId is not an id', 'programmeId');
  if (venueId !== null && !isUuid(venueId)) throw new BadInputError('venueId is not an id', 'venueId');
  const { caller } = ctx;
  switch (caller.role) {
    case Role.OPERATOR:
      return { ...none(), all: true };
    case Role.VENUE:
      if (venueId !== null && venueId !== caller.organisationId) throw new ForbiddenError("another venue's redemptions");
      return { ...none(), venueIds: [caller.organisationId] };
    case Role.DISTRIBUTOR:
      return { ...none(), distributorIds: [caller.organisationId] };
    case Role.COORDINATOR:
    case Role.FUNDER: {
      const programmes = caller.role === Role.COORDINATOR ? caller.programmeIds ?? [] : await liveStore.programmesFundedBy(ctx.dataSource, caller.organisationId);
      if (programmeId !== null && !programmes.includes(programmeId)) throw new ForbiddenError("another programme's redemptions");
      return { ...none(), programmeIds: programmes };
    }
    default:
      throw new ForbiddenError('live redemptions for the analyst role (aggregates only)');
  }
}
