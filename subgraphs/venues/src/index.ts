import { Topics, type SubgraphModule } from '@pass/kit';
import { createLoaders } from './loaders';
import { Init1763900000003 } from './migrations/0001-init';
import { ProgrammeTerritory1763900000203 } from './migrations/0002-programme-territory';
import { applyProgrammeTerritory } from './programme/programme-territory.handler';
import { WorkshopSession } from './session/session.entity';
import { sessionReference } from './session/session.reference';
import { SessionResolver } from './session/session.resolver';
import { Qualification, Venue } from './venue/venue.entity';
import { venueReference } from './venue/venue.reference';
import { ProgrammeVenuesResolver, VenueResolver } from './venue/venue.resolver';
import { Workshop } from './workshop/workshop.entity';
import { workshopReference } from './workshop/workshop.reference';
import { WorkshopResolver } from './workshop/workshop.resolver';

export { registerVenue, qualifyVenue, type VenueInput } from './venue/venue.manager';
export { publishWorkshop } from './workshop/workshop.manager';
export { scheduleSession } from './session/session.manager';
export { WorkshopAxis } from './workshop/workshop.entity';

/** Venues and workshops: venues, their qualification per programme, workshops and sessions. */
export const venuesSubgraph: SubgraphModule<ReturnType<typeof createLoaders>> = {
  name: 'venues',
  resolvers: [VenueResolver, ProgrammeVenuesResolver, WorkshopResolver, SessionResolver],
  references: { Venue: venueReference, Workshop: workshopReference, WorkshopSession: sessionReference },
  entities: [Venue, Qualification, Workshop, WorkshopSession],
  migrations: [Init1763900000003, ProgrammeTerritory1763900000203],
  createLoaders,
  // Qualification stays inside a programme's territory: the territory is replicated here.
  eventHandlers: { [Topics.programmeDefined]: applyProgrammeTerritory },
};
