import { BENEFICIARY_STATUS_ENUM, BeneficiaryStatus, EDUCATION_LEVEL_ENUM, EducationLevel } from '@pass/contracts';
import { AuditResolver, HubAuthResolver, registerEnumOnce, type SubgraphModule } from '@pass/kit';
import { Funder } from './funder/funder.entity';
import { funderReference } from './funder/funder.reference';
import { FunderResolver } from './funder/funder.resolver';
import { createLoaders } from './loaders';
import { Init1763900000001 } from './migrations/0001-init';
import { FundingConsent1763900000201 } from './migrations/0002-funding-consent';
import { OrderPages1765000000700 } from './migrations/0003-order-pages';
import { Order } from './order/order.entity';
import { orderReference } from './order/order.reference';
import { OrderResolver } from './order/order.resolver';
import { FundingShare } from './funding-share/funding-share.entity';
import { FundingShareResolver } from './funding-share/funding-share.resolver';
import { Programme } from './programme/programme.entity';
import { programmeReference } from './programme/programme.reference';
import { ProgrammeResolver } from './programme/programme.resolver';

// A programme's eligibility rules name the shared vocabulary (the beneficiaries subgraph registers it too).
registerEnumOnce(EducationLevel, EDUCATION_LEVEL_ENUM);
registerEnumOnce(BeneficiaryStatus, BENEFICIARY_STATUS_ENUM);

export { registerFunder } from './funder/funder.manager';
export { createProgramme } from './programme/programme.manager';
export { answerFundingShare, reshareProgramme } from './funding-share/funding-share.manager';
export { FundingShareStatus } from './funding-share/funding-share.entity';
export { placeOrder, recordOrderPayment } from './order/order.manager';
export { FunderKind } from './funder/funder.entity';

/** Programmes and funding: funders, programmes, their shares and orders. */
export const programmesSubgraph: SubgraphModule<ReturnType<typeof createLoaders>> = {
  name: 'programmes',
  // The audit log is the hub's, not this subgraph's; the operator reads it here (see kit/audit).
  // So is token revocation: the operator revokes here, every gateway reads hub_auth.
  resolvers: [FunderResolver, ProgrammeResolver, FundingShareResolver, OrderResolver, AuditResolver, HubAuthResolver],
  references: { Funder: funderReference, Programme: programmeReference, Order: orderReference },
  entities: [Funder, Programme, FundingShare, Order],
  migrations: [Init1763900000001, FundingConsent1763900000201, OrderPages1765000000700],
  createLoaders,
};
