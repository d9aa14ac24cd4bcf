import type { SubgraphModule } from '@pass/kit';
import { Book } from './book/book.entity';
import { bookReference } from './book/book.reference';
import { BookResolver } from './book/book.resolver';
import { ExpiryResolver } from './expiry/expiry.resolver';
import { factHandlers } from './facts/facts.handlers';
import { LiveResolver } from './live/live.resolver';
import { createLoaders } from './loaders';
import { Init1763900000004 } from './migrations/0001-init';
import { Reimbursement1763900000104 } from './migrations/0002-reimbursement';
import { ExpiryCredits1763900000105 } from './migrations/0003-expiry-credits';
import { Outcomes1763900000106 } from './migrations/0004-outcomes';
import { IdempotencyScope1763900000107 } from './migrations/0005-idempotency-scope';
import { RedemptionSessionBook1763900000108 } from './migrations/0006-redemption-session-book';
import { LostBooks1763900000109 } from './migrations/0007-lost-books';
import { RedemptionCancellation1763900000110 } from './migrations/0008-redemption-cancellation';
import { IssuanceLean1763900000112 } from './migrations/0010-issuance-lean';
import { Erasure1764600000201 } from './migrations/0012-erasure';
import { RedemptionCorrection1764600000000 } from './migrations/0011-redemption-correction';
import { CorrectRedemptionResolver } from './redemption/correct-redemption.resolver';
import { Tallies1764600000600 } from './migrations/0013-tallies';
import { DropVoucherProgrammeState1764600000601 } from './migrations/0014-drop-voucher-programme-state';
import { RedemptionFunctions1765000000800 } from './migrations/0015-redemption-functions';
import { RecordRedemptionCommit1765000001300 } from './migrations/0016-record-redemption-commit';
import { TallyShards1765000001400 } from './migrations/0017-tally-shards';
import { BookStarted1765000001500 } from './migrations/0018-book-started';
import { WakeFeedsAfterCommit1765000001600 } from './migrations/0019-wake-feeds-after-commit';
import { VenueFact1765300000800 } from './migrations/0020-venue-fact';
import { CancelRedemptionResolver } from './redemption/cancel-redemption.resolver';
import { RedemptionStream1763900000111 } from './migrations/0009-redemption-stream';
import { Outcome } from './outcome/outcome.entity';
import { OutcomeResolver } from './outcome/outcome.resolver';
import { ProgrammeResolver } from './programme/programme.resolver';
import { VenueResolver } from './venue/venue.resolver';
import { DistributorResolver } from './distributor/distributor.resolver';
import { BeneficiaryResolver } from './beneficiary/beneficiary.resolver';
import { SessionResolver } from './session/session.resolver';
import { BeneficiaryDataAccessRef } from './beneficiary-data-access/beneficiary-data-access.entity';
import { BeneficiaryDataAccessResolver } from './beneficiary-data-access/beneficiary-data-access.resolver';
import { Redemption } from './redemption/redemption.entity';
import { redemptionReference } from './redemption/redemption.reference';
import { RedemptionResolver } from './redemption/redemption.resolver';
import { ReimbursementStatement } from './reimbursement/reimbursement-statement.entity';
import { statementReference } from './reimbursement/reimbursement-statement.reference';
import { ReimbursementStatementResolver, StatementLineResolver } from './reimbursement/reimbursement.resolver';
import { Voucher } from './voucher/voucher.entity';
import { voucherReference } from './voucher/voucher.reference';
import { VoucherResolver } from './voucher/voucher.resolver';

export { issueBooksOfOrder, allocateBooks, handOutBook, reportBookLost } from './book/book.manager';
export { cancelRedemption } from './redemption/cancel-redemption.manager';
export { correctRedemption } from './redemption/correct-redemption.manager';
export { CorrectRedemptionErrorCode } from './redemption/correct-redemption.inputs';
export { redeemVoucher, type RedeemAnswer } from './redemption/redemption.manager';
export { RedemptionErrorCode } from './redemption/redemption.inputs';
export { RECORD_REDEMPTION_FUNCTION, REDEMPTION_FACTS_FUNCTION } from './redemption/redemption.store';
export { closeMonth } from './reimbursement/reimbursement.manager';
export { expireProgramme, expiryReport } from './expiry/expiry.manager';
export { recountTallies, tallyStore, RECOUNT_VOUCHER_TALLY, RECOUNT_BOOK_TALLY } from './tally/tally.store';
export { recordOutcome } from './outcome/outcome.manager';
export { programmeLedger } from './ledger/ledger.store';
export { anonymiseVouchersOfProgramme, VouchersAnonymisationRefused } from './privacy/privacy.manager';
export { parisDayOf, parisMonthOf } from '@pass/contracts';
export { generateCodes, normaliseCode, isValidCode, formatCode } from './voucher/voucher-code';

/**
 * Vouchers: books, vouchers, redemptions, and the money after them — venues' monthly statements,
 * credits back at expiry, the programme ledger — plus outcomes and the figures other subgraphs' entities show.
 */
export const vouchersSubgraph: SubgraphModule<ReturnType<typeof createLoaders>> = {
  name: 'vouchers',
  resolvers: [
    BookResolver,
    VoucherResolver,
    RedemptionResolver,
    CancelRedemptionResolver,
    CorrectRedemptionResolver,
    ReimbursementStatementResolver,
    StatementLineResolver,
    ExpiryResolver,
    OutcomeResolver,
    LiveResolver,
    // What this subgraph adds to entities other subgraphs own: one resolver per entity.
    ProgrammeResolver,
    VenueResolver,
    DistributorResolver,
    BeneficiaryResolver,
    SessionResolver,
    BeneficiaryDataAccessResolver,
  ],
  references: {
    Book: bookReference,
    Voucher: voucherReference,
    Redemption: redemptionReference,
    ReimbursementStatement: statementReference,
  },
  // Reached by no field here: the beneficiaries subgraph's access request, which this one extends.
  orphanedTypes: [BeneficiaryDataAccessRef],
  entities: [Book, Voucher, Redemption, ReimbursementStatement, Outcome],
  migrations: [
    Init1763900000004,
    Reimbursement1763900000104,
    ExpiryCredits1763900000105,
    Outcomes1763900000106,
    IdempotencyScope1763900000107,
    RedemptionSessionBook1763900000108,
    LostBooks1763900000109,
    RedemptionCancellation1763900000110,
    RedemptionStream1763900000111,
    IssuanceLean1763900000112,
    RedemptionCorrection1764600000000,
    Erasure1764600000201,
    Tallies1764600000600,
    DropVoucherProgrammeState1764600000601,
    RedemptionFunctions1765000000800,
    RecordRedemptionCommit1765000001300,
    TallyShards1765000001400,
    BookStarted1765000001500,
    WakeFeedsAfterCommit1765000001600,
    VenueFact1765300000800,
  ],
  createLoaders,
  eventHandlers: factHandlers,
};
