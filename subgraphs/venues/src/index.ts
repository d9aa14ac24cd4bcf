import type { SubgraphModule } from '@pass/kit';
import { Topics } from '@pass/contracts';
import { createLoaders } from './loaders';
import { Init1763900000003 } from './migrations/0001-init';
import { ProgrammeTerritory1763900000203 } from './migrations/0002-programme-territory';
import { VenueStandard1764500000001 } from './migrations/0002-venue-standard';
import { QualificationProposal1764500000002 } from './migrations/0003-qualification-proposal';
import { applyProgrammeTerritory } from './programme/programme-territory.handler';
import { ProgrammeResolver } from './programme/programme.resolver';
import { ConnectionPages1765000000702 } from './migrations/0004-connection-pages';
import { VenueDescribed1765300000705 } from './migrations/0005-venue-described';
import { QualificationProposal } from './proposal/proposal.entity';
import { ProposalResolver } from './proposal/proposal.resolver';
import { Qualification } from './qualification/qualification.entity';
import { QualificationResolver } from './qualification/qualification.resolver';
import { WorkshopSession } from './session/session.entity';
import { sessionReference } from './session/session.reference';
import { SessionResolver } from './session/session.resolver';
import { Venue } from './venue/venue.entity';
import { venueReference } from './venue/venue.reference';
import { VenueResolver } from './venue/venue.resolver';
import { Workshop } from './workshop/workshop.entity';
import { workshopReference } from './workshop/workshop.reference';
import { WorkshopResolver } from './workshop/workshop.resolver';

// For the operator CLI and seeding scripts (the demo, fixtures, benchmarks): the managers, which the API's mutations call too.
export { registerVenue, type VenueInput } from './venue/venue.manager';
export { qualifyVenue } from './qualification/qualification.manager';
export { importVenueCsv, type VenueImportReport, type ImportProgress } from './venue/venue-import.manager';
export { exportVenueCsv } from './venue/venue-export.manager';
export { importCartography2021, type CartographyImportReport } from './proposal/cartography-import.manager';
export { defaultVenueSchema, parseVenueCsv, type ImportedVenue, type RowError } from './venue/venue-import';
export { publishWorkshop } from './workshop/workshop.manager';
export { scheduleSession } from './session/session.manager';
export { WorkshopAxis } from './workshop/workshop.entity';

/** Venues and workshops: venues, their qualification per programme, workshops and sessions. */
export const venuesSubgraph: SubgraphModule<ReturnType<typeof createLoaders>> = {
  name: 'venues',
  resolvers: [VenueResolver, QualificationResolver, WorkshopResolver, SessionResolver, ProposalResolver, ProgrammeResolver],
  references: { Venue: venueReference, Workshop: workshopReference, WorkshopSession: sessionReference },
  entities: [Venue, Qualification, Workshop, WorkshopSession, QualificationProposal],
  migrations: [Init1763900000003, ProgrammeTerritory1763900000203, VenueStandard1764500000001, QualificationProposal1764500000002, ConnectionPages1765000000702, VenueDescribed1765300000705],
  // importVenues carries a venue file of up to 20 MB, a little more once escaped in JSON.
  bodyLimit: '30mb',
  createLoaders,
  // Qualification stays inside a programme's territory: the territory is replicated here.
  eventHandlers: { [Topics.programmeDefined]: applyProgrammeTerritory },
};
