import type { SubgraphModule } from '@pass/kit';
import { Topics } from '@pass/contracts';
import { Beneficiary } from './beneficiary/beneficiary.entity';
import { beneficiaryReference } from './beneficiary/beneficiary.reference';
import { BeneficiaryResolver } from './beneficiary/beneficiary.resolver';
import { Distributor } from './distributor/distributor.entity';
import { distributorReference } from './distributor/distributor.reference';
import { DistributorResolver } from './distributor/distributor.resolver';
import { createLoaders } from './loaders';
import { Init1763900000002 } from './migrations/0001-init';
import { Erasure1764600000200 } from './migrations/0002-erasure';
import { beneficiaryDataAccessReference } from './privacy/privacy.reference';
import { PrivacyResolver } from './privacy/privacy.resolver';
import { ConnectionPages1765000000701 } from './migrations/0003-connection-pages';
import { ProgrammeFact } from './programme/programme-fact.entity';
import { applyProgrammeDefined } from './programme/programme-fact.handler';

export { registerDistributor } from './distributor/distributor.manager';
export { registerBeneficiary } from './beneficiary/beneficiary.manager';
export { DistributorKind } from './distributor/distributor.entity';
export { eraseBeneficiary, anonymiseBeneficiariesOfProgramme, AnonymisationRefused, type AnonymisationRun } from './privacy/privacy.manager';

/** Beneficiaries: distributors, the people they register, and eligibility. */
export const beneficiariesSubgraph: SubgraphModule<ReturnType<typeof createLoaders>> = {
  name: 'beneficiaries',
  resolvers: [DistributorResolver, BeneficiaryResolver, PrivacyResolver],
  references: { Distributor: distributorReference, Beneficiary: beneficiaryReference, BeneficiaryDataAccess: beneficiaryDataAccessReference },
  entities: [Distributor, Beneficiary, ProgrammeFact],
  migrations: [Init1763900000002, Erasure1764600000200, ConnectionPages1765000000701],
  createLoaders,
  eventHandlers: { [Topics.programmeDefined]: applyProgrammeDefined },
};
