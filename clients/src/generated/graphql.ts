/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Why acceptFundingShare refused. */
export type AcceptFundingShareErrorCode =
  /** Accepting a share already declined, or declining one already accepted: the answer was given. */
  | 'SHARE_ALREADY_ANSWERED'
  /** The funder has no share in this programme. */
  | 'SHARE_NOT_FOUND';

/** A co-funder's acceptance of its share of a programme. */
export type AcceptFundingShareInput = {
  /** The co-funder answering for itself. */
  funderId: string | number;
  /** The programme. */
  programmeId: string | number;
};

/** Why allocateBooks gave no book. */
export type AllocateBooksErrorCode =
  /** No distributor has this id. */
  | 'DISTRIBUTOR_NOT_FOUND'
  /** The programme has fewer issued, unallocated books than asked (none for an unknown programme): all or nothing, so none was given. */
  | 'NOT_ENOUGH_BOOKS_LEFT';

/** Situations eligibility rules look at (job seeker, minimum benefits such as RSA, retiree…). */
export type BeneficiaryStatus =
  /** In work. */
  | 'EMPLOYED'
  /** Registered as a job seeker. */
  | 'JOB_SEEKER'
  /** Receiving a minimum social benefit, such as the RSA. */
  | 'MINIMUM_BENEFITS'
  /** Any other situation. */
  | 'OTHER'
  /** Retired. */
  | 'RETIREE'
  /** In education or training. */
  | 'STUDENT';

/** Issued by the operator, allocated to a distributor, handed out to a person. */
export type BookState =
  /** Given to a distributor, not yet handed out. */
  | 'ALLOCATED'
  /** Handed to a person: its vouchers can be redeemed. */
  | 'HANDED_OUT'
  /** Issued by the operator, not yet given to a distributor. */
  | 'ISSUED'
  /** Reported lost or stolen by its distributor: its unused vouchers are blocked. */
  | 'LOST';

/** Why correctRedemption refused. */
export type CorrectRedemptionErrorCode =
  /** The redemption was already corrected: its amount is deducted once. */
  | 'REDEMPTION_ALREADY_CORRECTED'
  /** No redemption has this id. */
  | 'REDEMPTION_NOT_FOUND'
  /** The redemption is on no statement yet: while its month is open its venue cancels it (cancelRedemption); the operator corrects only what a statement paid. */
  | 'REDEMPTION_NOT_YET_PAID';

/** A paid redemption the operator takes back. */
export type CorrectRedemptionInput = {
  /** Why, in words (3 to 500 characters): kept with the correction and shown on the statement that deducts it. */
  reason: string;
  /** The redemption to take back; it must be on a closed month’s statement. */
  redemptionId: string | number;
};

/** Why createProgramme refused. */
export type CreateProgrammeErrorCode =
  /** A share names a funder the hub does not know (the message names it). */
  | 'FUNDER_NOT_FOUND'
  /** A programme of this name already exists: partners tell programmes apart by name. */
  | 'PROGRAMME_NAME_TAKEN';

/** A new programme: its territory, eligibility rules, validity window, budget and funders' shares. */
export type CreateProgrammeInput = {
  /** The budget, in euro cents. */
  budgetCents: number;
  /** Who may receive a book of the programme. */
  eligibility: EligibilityRulesInput;
  /** The programme's name, as partners know it. */
  name: string;
  /** Each funder's share in basis points; they sum to 10,000 and include the calling funder. */
  shares: Array<FundingShareInput>;
  /** Typed INSEE entries: `commune:60175`, `epci:200068047`, `departement:23`, `region:27`. */
  territory: Array<string>;
  /** First day vouchers can be redeemed. */
  validFrom: string;
  /** Last day vouchers can be redeemed. */
  validUntil: string;
};

/** What kind of organisation a distributor is. */
export type DistributorKind =
  /** An association. */
  | 'ASSOCIATION'
  /** A municipal social action centre (centre communal d'action sociale). */
  | 'CCAS'
  /** An apprentice training centre (centre de formation d'apprentis). */
  | 'CFA'
  /** A Mission locale, for 16-25-year-olds. */
  | 'MISSION_LOCALE'
  /** Any other organisation. */
  | 'OTHER'
  /** A Pôle emploi (France Travail) agency. */
  | 'POLE_EMPLOI'
  /** A social centre. */
  | 'SOCIAL_CENTRE'
  /** A town hall desk. */
  | 'TOWN_HALL';

/** Highest education level reached, as eligibility rules compare them: no qualification < CAP/BEP < Bac < above. */
export type EducationLevel =
  /** Above the baccalauréat. */
  | 'ABOVE_BAC'
  /** The baccalauréat. */
  | 'BAC'
  /** A CAP or BEP vocational certificate. */
  | 'CAP_BEP'
  /** No qualification. */
  | 'NO_QUALIFICATION';

/** Who may receive a book of a programme; every rule left empty admits everyone. */
export type EligibilityRulesInput = {
  /** Oldest age admitted, in whole years. */
  maxAge?: number | null | undefined;
  /** Highest education level admitted. */
  maxEducationLevel?: EducationLevel | null | undefined;
  /** Youngest age admitted, in whole years. */
  minAge?: number | null | undefined;
  /** The person must be in at least one of these situations; empty admits all. */
  statusesAnyOf?: Array<BeneficiaryStatus>;
};

/** Why eraseBeneficiary refused. */
export type EraseBeneficiaryErrorCode =
  /** No person, erased or not, has this id. */
  | 'BENEFICIARY_NOT_FOUND';

/** A person's erasure request (GDPR art. 17), made by the distributor that registered them. */
export type EraseBeneficiaryInput = {
  /** The person to erase. */
  beneficiaryId: string | number;
  /** The registering distributor, making the request on the person's behalf. */
  distributorId: string | number;
};

/** What kind of organisation a funder is. */
export type FunderKind =
  /** A company. */
  | 'COMPANY'
  /** A département. */
  | 'DEPARTMENT'
  /** The European Union (e.g. its social fund). */
  | 'EUROPEAN_UNION'
  /** An intercommunality (EPCI), such as an agglomeration. */
  | 'INTERCOMMUNALITY'
  /** A region. */
  | 'REGION'
  /** The State (a ministry, ANCT). */
  | 'STATE';

/** A funder's share of a new programme. */
export type FundingShareInput = {
  /** Basis points: all shares of a programme sum to 10,000. */
  basisPoints: number;
  /** The funder. */
  funderId: string | number;
};

/** Whether a co-funder agreed to its share; a programme takes orders only once every share is ACCEPTED. */
export type FundingShareStatus =
  /** The co-funder agreed (the creating funder agrees by creating). */
  | 'ACCEPTED'
  /** The co-funder refused: the programme's creator shares it again (reshareProgramme). */
  | 'DECLINED'
  /** Named by the funder who created the programme; the co-funder has not answered yet. */
  | 'PENDING';

/** Why handOutBook refused. */
export type HandOutBookErrorCode =
  /** No person has this id. */
  | 'BENEFICIARY_NOT_FOUND'
  /** Another distributor registered the person. */
  | 'BENEFICIARY_OF_ANOTHER_DISTRIBUTOR'
  /** The book was already handed to someone else. */
  | 'BOOK_ALREADY_HANDED_OUT'
  /** The book is not allocated to this distributor. */
  | 'BOOK_NOT_ALLOCATED_TO_DISTRIBUTOR'
  /** No book has this code. */
  | 'BOOK_NOT_FOUND'
  /** The person was not found eligible for the book's programme. */
  | 'NOT_ELIGIBLE';

/** A distributor hands a book to a person it registered. */
export type HandOutBookInput = {
  /** The person, registered by this distributor. */
  beneficiaryId: string | number;
  /** The code printed on the book. */
  bookCode: string;
  /** The distributor handing the book out; the book must be allocated to it. */
  distributorId: string | number;
};

/** Why importVenues refused the whole file (nothing was written); the report lists every problem found with its row and column. */
export type ImportVenuesErrorCode =
  /** A column of the standard appears twice in the header. */
  | 'COLUMN_REPEATED'
  /** The file is empty: no header row. */
  | 'EMPTY_FILE'
  /** The file is not well-formed CSV (e.g. an unclosed quote); the report gives the row where reading stopped. */
  | 'MALFORMED_CSV'
  /** The header reads as one column holding semicolons or tabs: the standard separates columns with commas. */
  | 'NOT_COMMA_SEPARATED'
  /** A column the standard requires is missing from the header. */
  | 'REQUIRED_COLUMN_MISSING';

/** A venue file in the national venue standard. */
export type ImportVenuesInput = {
  /** The CSV file's content, header row first, up to about 20 MB (larger files: npm run hub -- venues import). */
  csv: string;
};

/** Why issueBooks issued nothing. */
export type IssueBooksErrorCode =
  /** No paid order has this id: the order is unknown or not paid yet (vouchers are issued only once paid). */
  | 'ORDER_NOT_PAID'
  /** The programme's last day has passed: its vouchers could never be used. */
  | 'PROGRAMME_ENDED';

/** Where an order is: vouchers become usable only once it is paid. */
export type OrderStatus =
  /** The funder paid; its books can be issued. */
  | 'PAID'
  /** Ordered, not yet paid. */
  | 'PLACED';

/** Why placeOrder refused. */
export type PlaceOrderErrorCode =
  /** Every voucher of the programme is worth €10 (1,000 cents); an order of any other value is refused. */
  | 'FACE_VALUE_NOT_VOUCHER_VALUE'
  /** The funder has no share in the programme (or no funder has this id): only its funders order its books. */
  | 'FUNDER_HAS_NO_SHARE'
  /** A co-funder has not accepted its share yet (or declined it): the programme takes no order. */
  | 'FUNDING_SHARES_PENDING'
  /** No programme has this id. */
  | 'PROGRAMME_NOT_FOUND';

/** Why publishWorkshop refused. */
export type PublishWorkshopErrorCode =
  /** No venue has this id. */
  | 'VENUE_NOT_FOUND';

/** Why qualifyVenue refused. */
export type QualifyVenueErrorCode =
  /** No programme has this id (or its definition has not reached the venues yet). */
  | 'PROGRAMME_NOT_FOUND'
  /** No venue has this id. */
  | 'VENUE_NOT_FOUND'
  /** The venue's commune is outside the programme's territory: its vouchers cannot be taken there, and nothing was recorded. */
  | 'VENUE_OUTSIDE_PROGRAMME_TERRITORY';

/** Why recordOrderPayment refused. */
export type RecordOrderPaymentErrorCode =
  /** No order has this id. */
  | 'ORDER_NOT_FOUND';

/** A venue takes a voucher for a session it runs. */
export type RedeemVoucherInput = {
  /** Chosen by the caller per redemption attempt; a retry with the same key replays the first answer. */
  idempotencyKey: string;
  /** The workshop session the voucher pays for; it must be the calling venue's. */
  sessionId: string | number;
  /** As printed or scanned; case, spaces and dashes do not matter. */
  voucherCode: string;
};

/** Why redeemVoucher refused a voucher. */
export type RedemptionErrorCode =
  /** A voucher of the same book already paid for this session: one voucher per person per sitting. */
  | 'BOOK_ALREADY_USED_IN_SESSION'
  /** The voucher's book was never handed to a person. */
  | 'BOOK_NOT_HANDED_OUT'
  /** The book of this voucher was reported lost or stolen by its distributor. */
  | 'BOOK_REPORTED_LOST'
  /** The venue already used this idempotency key for another request (another voucher code or session). */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The Paris month the redemption falls in was already closed by the operator. */
  | 'MONTH_CLOSED'
  /** The session's venue is outside the territory of the voucher's programme. */
  | 'OUTSIDE_TERRITORY'
  /** Every seat of the session is already paid by a voucher. */
  | 'SESSION_FULL'
  /** No workshop session has this id. */
  | 'SESSION_NOT_FOUND'
  /** Today (Paris time) is before the session's day, or more than 7 days after it: a voucher is taken on the session's day or within the 7 days after. */
  | 'SESSION_NOT_OPEN_FOR_REDEMPTION'
  /** The session is another venue's: a venue redeems only for its own sessions. */
  | 'SESSION_OF_ANOTHER_VENUE'
  /** The venue is not qualified for the voucher's programme. */
  | 'VENUE_NOT_QUALIFIED'
  /** The voucher was already redeemed (a voucher pays once). */
  | 'VOUCHER_ALREADY_REDEEMED'
  /** The code's check symbol does not match: the code was mistyped or misread. */
  | 'VOUCHER_CODE_MISTYPED'
  /** Today (Paris time) is outside the voucher programme's validity window, or the voucher was blocked when the programme expired. */
  | 'VOUCHER_EXPIRED'
  /** No voucher has this code. */
  | 'VOUCHER_NOT_FOUND';

/** Why registerBeneficiary refused. */
export type RegisterBeneficiaryErrorCode =
  /** The consent is dated after now. */
  | 'CONSENT_IN_FUTURE'
  /** The person fails a rule of the programme: `ineligibilityReasons` lists every one. */
  | 'NOT_ELIGIBLE'
  /** The INSEE code names no French commune. */
  | 'UNKNOWN_COMMUNE'
  /** No distributor has this id. */
  | 'UNKNOWN_DISTRIBUTOR'
  /** No programme has this id. */
  | 'UNKNOWN_PROGRAMME';

/** The minimum a distributor records about a person: no name, no address. */
export type RegisterBeneficiaryInput = {
  /** Year of birth; needed when the programme has an age rule. */
  birthYear?: number | null | undefined;
  /** When the person consented to the processing of these data. */
  consentAt: string;
  /** The registering distributor. */
  distributorId: string | number;
  /** Highest education level reached; needed when the programme has an education rule. */
  educationLevel?: EducationLevel | null | undefined;
  /** INSEE code of the commune the person lives in. */
  inseeCode: string;
  /** The programme whose book the person is to receive. */
  programmeId: string | number;
  /** The situations the person is in. */
  statuses?: Array<BeneficiaryStatus>;
};

/** Why registerDistributor refused. */
export type RegisterDistributorErrorCode =
  /** A distributor of this name already exists: distributors are told apart by name. */
  | 'DISTRIBUTOR_NAME_TAKEN'
  /** The INSEE code names no French commune. */
  | 'UNKNOWN_COMMUNE';

/** Why registerFunder refused. */
export type RegisterFunderErrorCode =
  /** A funder of this name already exists: funders are told apart by name. */
  | 'FUNDER_NAME_TAKEN';

/** Why `registerVenue` refuses a venue, one code per column of the venue standard the hub checks. */
export type RegisterVenueErrorCode =
  /** The street address is empty or missing. */
  | 'ADDRESS_REQUIRED'
  /** The latitude or longitude is out of range, or only one of them is given. */
  | 'INVALID_COORDINATES'
  /** Another field breaks the venue standard (e.g. its source or id); the message says which. */
  | 'INVALID_FIELD'
  /** The opening hours are not valid OpenStreetMap opening_hours syntax. */
  | 'INVALID_OPENING_HOURS'
  /** The postcode is not five digits, or is missing while the commune has several. */
  | 'INVALID_POSTCODE'
  /** The SIRET (or RNA) is malformed, or a SIRET's check digit is wrong. */
  | 'INVALID_SIRET'
  /** The name is empty or missing. */
  | 'NAME_REQUIRED'
  /** The postcode is not one of the commune's postcodes. */
  | 'POSTCODE_MISMATCH'
  /** The INSEE code is not a current commune's, or none is given and the postcode and commune name do not determine one. */
  | 'UNKNOWN_INSEE_CODE'
  /** A service is not one of the nine of the venue standard. */
  | 'UNKNOWN_SERVICE'
  /** A venue with the same source and source id is already registered: nothing was written. */
  | 'VENUE_ALREADY_REGISTERED';

/** A venue as the national venue standard describes it; the same checks as an imported row. */
export type RegisterVenueInput = {
  /** Street address (the standard's `adresse`). */
  address: string;
  /** The commune's name; its official name when left out. */
  commune?: string | null | undefined;
  /** INSEE code of the commune; derived from the postcode and commune name when left out. */
  inseeCode?: string | null | undefined;
  /** WGS 84 latitude in degrees; given together with `longitude`. */
  latitude?: number | null | undefined;
  /** WGS 84 longitude in degrees; given together with `latitude`. */
  longitude?: number | null | undefined;
  /** The venue's name as the public sees it. */
  name: string;
  /** OpenStreetMap opening_hours syntax, e.g. "Mo-Fr 09:00-12:00,14:00-18:00". */
  openingHours?: string | null | undefined;
  /** Required unless the commune has a single postcode; must be one of the commune's. */
  postcode?: string | null | undefined;
  /** Among the nine services of the venue standard. */
  services?: Array<string> | null | undefined;
  /** SIRET (or RNA); several venues may share one, e.g. a town hall's. */
  siret?: string | null | undefined;
  /** Who declares the venue (the standard's `source`). */
  source?: string | null | undefined;
  /** The declaring source's id for the venue (the standard's `id`); a new id when left out. */
  sourceId?: string | null | undefined;
};

/** Why scheduleSession refused. */
export type ScheduleSessionErrorCode =
  /** More seats than the workshop's: a sitting has at most the workshop's seats. */
  | 'SEATS_ABOVE_WORKSHOP_SEATS'
  /** No workshop has this id. */
  | 'WORKSHOP_NOT_FOUND'
  /** Another venue runs this workshop: a venue schedules sittings of its own workshops only. */
  | 'WORKSHOP_OF_ANOTHER_VENUE';

/** Whether a voucher can still pay for a workshop. */
export type VoucherState =
  /** Not yet used: a venue may redeem it within its programme's window. */
  | 'AVAILABLE'
  /** Unused when its programme expired: its value was credited back to the funders. */
  | 'BLOCKED'
  /** Its book was reported lost or stolen: a redemption is refused (BOOK_REPORTED_LOST); its value is credited back at expiry. */
  | 'LOST'
  /** Used at a venue. */
  | 'REDEEMED';

/** The three axes of the programme's workshops. */
export type WorkshopAxis =
  /** Discover digital life. */
  | 'DISCOVER'
  /** Be autonomous: control one's data, find a job. */
  | 'EMPOWER'
  /** Master the tools and online procedures. */
  | 'MASTER';

export type DashboardFeedSubscriptionVariables = Exact<{
  programmeId: string | number;
  after?: string | null | undefined;
}>;


export type DashboardFeedSubscription = { redemptionRecorded: { __typename: 'RedemptionEvent', cursor: string, redemption: { __typename: 'Redemption', id: string, redeemedAt: string, amountCents: number, venue: { __typename: 'Venue', name: string }, session: { __typename: 'WorkshopSession', workshop: { __typename: 'Workshop', topic: string } }, voucher: { __typename: 'Voucher', book: { __typename: 'Book', distributor: { __typename: 'Distributor', name: string } | null } } } } };

export type DashboardProgrammesQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardProgrammesQuery = { __typename: 'Query', programmes: Array<{ __typename: 'Programme', id: string, name: string, validUntil: string }> };

export type DashboardProgrammeQueryVariables = Exact<{
  programmeId: string | number;
}>;


export type DashboardProgrammeQuery = { __typename: 'Query', programme: { __typename: 'Programme', id: string, name: string, validUntil: string, daysLeft: number, budgetCents: number, booksIssued: number, booksHandedOut: number, vouchersIssued: number, vouchersRedeemed: number, redeemedAmountCents: number, venueActivity: Array<{ __typename: 'VenueActivity', vouchersRedeemed: number, amountCents: number, venue: { __typename: 'Venue', id: string, name: string, commune: string | null } }>, distributorActivity: Array<{ __typename: 'DistributorActivity', booksAllocated: number, booksHandedOut: number, vouchersRedeemed: number, distributor: { __typename: 'Distributor', id: string, name: string } }>, redemptionsByDay: Array<{ __typename: 'DailyRedemptions', day: string, vouchersRedeemed: number, amountCents: number }>, departements: Array<{ __typename: 'PlaceActivity', code: string, name: string, vouchersRedeemed: number, amountCents: number }>, communes: Array<{ __typename: 'PlaceActivity', code: string, name: string, vouchersRedeemed: number, amountCents: number }> } };

export type CoordinatorProgrammeQueryVariables = Exact<{
  programmeId: string | number;
}>;


export type CoordinatorProgrammeQuery = { __typename: 'Query', programme: { __typename: 'Programme', name: string, territory: Array<string>, booksIssued: number, booksAllocated: number, booksHandedOut: number, vouchersIssued: number, vouchersRedeemed: number, redeemedAmountCents: number, qualifiedVenues: { __typename: 'VenueConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ __typename: 'Venue', id: string, name: string }> }, venueActivity: Array<{ __typename: 'VenueActivity', vouchersRedeemed: number, amountCents: number, venue: { __typename: 'Venue', name: string } }>, distributorActivity: Array<{ __typename: 'DistributorActivity', booksAllocated: number, booksHandedOut: number, vouchersRedeemed: number, distributor: { __typename: 'Distributor', name: string, kind: DistributorKind } }> } };

export type QualifyVenueMutationVariables = Exact<{
  venueId: string | number;
  programmeId: string | number;
}>;


export type QualifyVenueMutation = { __typename: 'Mutation', qualifyVenue: { __typename: 'QualifyVenuePayload', venue: { __typename: 'Venue', id: string } | null, error: { __typename: 'QualifyVenueError', code: QualifyVenueErrorCode, message: string } | null } };

export type RegisterVenueMutationVariables = Exact<{
  input: RegisterVenueInput;
}>;


export type RegisterVenueMutation = { __typename: 'Mutation', registerVenue: { __typename: 'RegisterVenuePayload', venue: { __typename: 'Venue', id: string } | null, error: { __typename: 'RegisterVenueError', code: RegisterVenueErrorCode, message: string } | null } };

export type CoordinatorVenuesToQualifyQueryVariables = Exact<{
  programmeId: string | number;
}>;


export type CoordinatorVenuesToQualifyQuery = { __typename: 'Query', programme: { __typename: 'Programme', name: string, venuesToQualify: Array<{ __typename: 'Venue', id: string, name: string, commune: string | null, communeName: string | null, openingHours: string | null, services: Array<string>, departement: { __typename: 'AdministrativeArea', name: string } | null, region: { __typename: 'AdministrativeArea', name: string } | null }>, qualificationProposals: Array<{ __typename: 'QualificationProposal', id: string, reason: string, venue: { __typename: 'Venue', id: string, name: string, communeName: string | null } }> } };

export type BeneficiaryDataAccessQueryVariables = Exact<{
  beneficiaryId: string | number;
}>;


export type BeneficiaryDataAccessQuery = { __typename: 'Query', beneficiaryDataAccess: { __typename: 'BeneficiaryDataAccess', id: string, erasedAt: string | null, record: unknown, vouchersHeld: unknown } };

export type DistributorBooksQueryVariables = Exact<{
  distributorId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DistributorBooksQuery = { __typename: 'Query', distributor: { __typename: 'Distributor', name: string, booksAllocated: number, booksHandedOut: number, vouchersRedeemed: number, books: { __typename: 'BookConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ __typename: 'Book', code: string, state: BookState, handedOutAt: string | null, vouchersUsed: number, beneficiary: { __typename: 'Beneficiary', pseudonym: string } | null, redemptions: Array<{ __typename: 'Redemption', redeemedAt: string, amountCents: number, venue: { __typename: 'Venue', name: string } }> }> } } };

export type EraseBeneficiaryMutationVariables = Exact<{
  input: EraseBeneficiaryInput;
}>;


export type EraseBeneficiaryMutation = { __typename: 'Mutation', eraseBeneficiary: { __typename: 'EraseBeneficiaryPayload', erasure: { __typename: 'BeneficiaryErasure', id: string, erasedAt: string, erasedNow: boolean } | null, error: { __typename: 'EraseBeneficiaryError', code: EraseBeneficiaryErrorCode, message: string } | null } };

export type HandOutBookMutationVariables = Exact<{
  input: HandOutBookInput;
}>;


export type HandOutBookMutation = { __typename: 'Mutation', handOutBook: { __typename: 'HandOutBookPayload', book: { __typename: 'Book', id: string, code: string, vouchers: Array<{ __typename: 'Voucher', code: string }> } | null, error: { __typename: 'HandOutBookError', code: HandOutBookErrorCode, message: string } | null } };

export type RegisterBeneficiaryMutationVariables = Exact<{
  input: RegisterBeneficiaryInput;
}>;


export type RegisterBeneficiaryMutation = { __typename: 'Mutation', registerBeneficiary: { __typename: 'RegisterBeneficiaryPayload', beneficiary: { __typename: 'Beneficiary', id: string } | null, error: { __typename: 'RegisterBeneficiaryError', code: RegisterBeneficiaryErrorCode, message: string } | null } };

export type AcceptFundingShareMutationVariables = Exact<{
  input: AcceptFundingShareInput;
}>;


export type AcceptFundingShareMutation = { __typename: 'Mutation', acceptFundingShare: { __typename: 'AcceptFundingSharePayload', fundingShare: { __typename: 'FundingShare', status: FundingShareStatus } | null, error: { __typename: 'AcceptFundingShareError', code: AcceptFundingShareErrorCode, message: string } | null } };

export type AllocateBooksMutationVariables = Exact<{
  programmeId: string | number;
  distributorId: string | number;
  quantity: number;
}>;


export type AllocateBooksMutation = { __typename: 'Mutation', allocateBooks: { __typename: 'AllocateBooksPayload', books: Array<{ __typename: 'Book', code: string }> | null, error: { __typename: 'AllocateBooksError', code: AllocateBooksErrorCode, message: string } | null } };

export type CreateProgrammeMutationVariables = Exact<{
  input: CreateProgrammeInput;
}>;


export type CreateProgrammeMutation = { __typename: 'Mutation', createProgramme: { __typename: 'CreateProgrammePayload', programme: { __typename: 'Programme', id: string } | null, error: { __typename: 'CreateProgrammeError', code: CreateProgrammeErrorCode, message: string } | null } };

export type PlaceOrderMutationVariables = Exact<{
  programmeId: string | number;
  funderId: string | number;
  bookCount: number;
  vouchersPerBook: number;
}>;


export type PlaceOrderMutation = { __typename: 'Mutation', placeOrder: { __typename: 'PlaceOrderPayload', order: { __typename: 'Order', id: string, status: OrderStatus } | null, error: { __typename: 'PlaceOrderError', code: PlaceOrderErrorCode, message: string } | null } };

export type FunderProgrammesQueryVariables = Exact<{
  funderId: string | number;
}>;


export type FunderProgrammesQuery = { __typename: 'Query', funder: { __typename: 'Funder', name: string, programmes: Array<{ __typename: 'Programme', id: string, name: string, validFrom: string, validUntil: string, budgetCents: number, booksIssued: number, booksHandedOut: number, vouchersRedeemed: number, redeemedAmountCents: number, outstandingAmountCents: number, fundingShares: Array<{ __typename: 'FundingShare', basisPoints: number, funder: { __typename: 'Funder', name: string } }>, orders: { __typename: 'OrderConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ __typename: 'Order', id: string, bookCount: number, vouchersPerBook: number, faceValueCents: number, faceValueTotalCents: number, status: OrderStatus, paidAt: string | null }> }, venueActivity: Array<{ __typename: 'VenueActivity', vouchersRedeemed: number, amountCents: number, venue: { __typename: 'Venue', id: string, name: string, inseeCode: string } }> }> } };

export type RecordOrderPaymentMutationVariables = Exact<{
  orderId: string | number;
}>;


export type RecordOrderPaymentMutation = { __typename: 'Mutation', recordOrderPayment: { __typename: 'RecordOrderPaymentPayload', order: { __typename: 'Order', id: string, status: OrderStatus } | null, error: { __typename: 'RecordOrderPaymentError', code: RecordOrderPaymentErrorCode, message: string } | null } };

export type OperatorCorrectRedemptionMutationVariables = Exact<{
  input: CorrectRedemptionInput;
}>;


export type OperatorCorrectRedemptionMutation = { __typename: 'Mutation', correctRedemption: { __typename: 'CorrectRedemptionPayload', correction: { __typename: 'RedemptionCorrection', id: string, amountCents: number, reason: string, correctedAt: string, redemption: { __typename: 'Redemption', id: string, correctedAt: string | null }, voucher: { __typename: 'Voucher', code: string, state: VoucherState }, venue: { __typename: 'Venue', id: string } } | null, error: { __typename: 'CorrectRedemptionError', code: CorrectRedemptionErrorCode, message: string } | null } };

export type ExportVenuesQueryVariables = Exact<{
  source?: string | null | undefined;
}>;


export type ExportVenuesQuery = { __typename: 'Query', venuesCsv: string };

export type ImportVenuesMutationVariables = Exact<{
  input: ImportVenuesInput;
}>;


export type ImportVenuesMutation = { __typename: 'Mutation', importVenues: { __typename: 'ImportVenuesPayload', report: { __typename: 'VenueImportReport', rowsRead: number, imported: number, inserted: number, updated: number, unchanged: number, rejected: number, errorsOmitted: number, errors: Array<{ __typename: 'VenueImportError', row: number, column: string | null, message: string }> }, error: { __typename: 'ImportVenuesError', code: ImportVenuesErrorCode, message: string } | null } };

export type IssueBooksMutationVariables = Exact<{
  orderId: string | number;
}>;


export type IssueBooksMutation = { __typename: 'Mutation', issueBooks: { __typename: 'IssueBooksPayload', booksIssued: number | null, vouchersIssued: number | null, error: { __typename: 'IssueBooksError', code: IssueBooksErrorCode, message: string } | null } };

export type RegisterDistributorMutationVariables = Exact<{
  name: string;
  kind: DistributorKind;
  inseeCode: string;
}>;


export type RegisterDistributorMutation = { __typename: 'Mutation', registerDistributor: { __typename: 'RegisterDistributorPayload', distributor: { __typename: 'Distributor', id: string } | null, error: { __typename: 'RegisterDistributorError', code: RegisterDistributorErrorCode, message: string } | null } };

export type RegisterFunderMutationVariables = Exact<{
  name: string;
  kind: FunderKind;
}>;


export type RegisterFunderMutation = { __typename: 'Mutation', registerFunder: { __typename: 'RegisterFunderPayload', funder: { __typename: 'Funder', id: string } | null, error: { __typename: 'RegisterFunderError', code: RegisterFunderErrorCode, message: string } | null } };

export type D30ReportQueryVariables = Exact<{
  programmeId: string | number;
}>;


export type D30ReportQuery = { __typename: 'Query', programme: { __typename: 'Programme', id: string, name: string, validUntil: string }, expiryReport: { __typename: 'ExpiryReport', validUntil: string, alertOn: string, booksIssued: number, booksNotAllocated: number, booksHandedOut: number, booksNeverHandedOut: number, booksStarted: number, vouchersAvailable: number, availableCents: number, distributors: Array<{ __typename: 'DistributorExpiryLine', booksAllocated: number, booksHandedOut: number, booksNeverHandedOut: number, booksStarted: number, distributor: { __typename: 'Distributor', id: string, name: string } }> } };

export type FunderStatementReportQueryVariables = Exact<{
  programmeId: string | number;
}>;


export type FunderStatementReportQuery = { __typename: 'Query', programme: { __typename: 'Programme', id: string, name: string, validFrom: string, validUntil: string, ledger: { __typename: 'ProgrammeLedger', orderedCents: number, redeemedCents: number, outstandingCents: number, creditedBackCents: number, balanced: boolean }, funderStatement: Array<{ __typename: 'FunderStatementLine', basisPoints: number, paidCents: number, redeemedCents: number, outstandingCents: number, creditedBackCents: number, funder: { __typename: 'Funder', id: string, name: string } }> } };

export type VenueStatementReportQueryVariables = Exact<{
  venueId: string | number;
  month: string;
}>;


export type VenueStatementReportQuery = { __typename: 'Query', venue: { __typename: 'Venue', id: string, name: string, siret: string | null, inseeCode: string, statement: { __typename: 'ReimbursementStatement', id: string, month: string, totalCents: number, lineCount: number, closedAt: string, lines: Array<{ __typename: 'StatementLine', voucherCode: string, amountCents: number, redeemedAt: string, redemption: { __typename: 'Redemption', programme: { __typename: 'Programme', name: string } }, session: { __typename: 'WorkshopSession', startsAt: string, workshop: { __typename: 'Workshop', topic: string } } }>, corrections: Array<{ __typename: 'RedemptionCorrection', amountCents: number, correctedAt: string, reason: string, voucher: { __typename: 'Voucher', code: string }, redemption: { __typename: 'Redemption', redeemedAt: string, programme: { __typename: 'Programme', name: string }, session: { __typename: 'WorkshopSession', startsAt: string, workshop: { __typename: 'Workshop', topic: string } } } }> } | null } };

export type VenueCounterQueryVariables = Exact<{
  venueId: string | number;
  date: string;
}>;


export type VenueCounterQuery = { __typename: 'Query', venue: { __typename: 'Venue', id: string, name: string, commune: string | null, monthToDate: { __typename: 'VenueMonthToDate', month: string, vouchersRedeemed: number, amountCents: number }, sessionsOn: Array<{ __typename: 'WorkshopSession', id: string, startsAt: string, seats: number, seatsLeft: number | null, workshop: { __typename: 'Workshop', topic: string, durationMinutes: number } }> } };

export type PublishWorkshopMutationVariables = Exact<{
  venueId: string | number;
  axis: WorkshopAxis;
  topic: string;
  durationMinutes: number;
  seats: number;
}>;


export type PublishWorkshopMutation = { __typename: 'Mutation', publishWorkshop: { __typename: 'PublishWorkshopPayload', workshop: { __typename: 'Workshop', id: string } | null, error: { __typename: 'PublishWorkshopError', code: PublishWorkshopErrorCode, message: string } | null } };

export type VenueRedeemMutationVariables = Exact<{
  input: RedeemVoucherInput;
}>;


export type VenueRedeemMutation = { __typename: 'Mutation', redeemVoucher: { __typename: 'RedeemVoucherPayload', redemption: { __typename: 'Redemption', id: string, amountCents: number, redeemedAt: string, voucher: { __typename: 'Voucher', code: string }, session: { __typename: 'WorkshopSession', id: string, seatsLeft: number | null }, venue: { __typename: 'Venue', id: string, monthToDate: { __typename: 'VenueMonthToDate', month: string, vouchersRedeemed: number, amountCents: number } } } | null, error: { __typename: 'RedemptionError', code: RedemptionErrorCode, message: string } | null } };

export type ScheduleSessionMutationVariables = Exact<{
  workshopId: string | number;
  startsAt: string;
}>;


export type ScheduleSessionMutation = { __typename: 'Mutation', scheduleSession: { __typename: 'ScheduleSessionPayload', session: { __typename: 'WorkshopSession', id: string } | null, error: { __typename: 'ScheduleSessionError', code: ScheduleSessionErrorCode, message: string } | null } };

export type VenueSessionsQueryVariables = Exact<{
  venueId: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type VenueSessionsQuery = { __typename: 'Query', venue: { __typename: 'Venue', name: string, amountDueCents: number, sessions: { __typename: 'WorkshopSessionConnection', totalCount: number, pageInfo: { __typename: 'PageInfo', hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ __typename: 'WorkshopSession', id: string, startsAt: string, seats: number, workshop: { __typename: 'Workshop', topic: string, axis: WorkshopAxis, durationMinutes: number }, redemptions: Array<{ __typename: 'Redemption', cursor: string, redeemedAt: string, amountCents: number, voucher: { __typename: 'Voucher', code: string }, programme: { __typename: 'Programme', name: string } }> }> } } };


export const DashboardFeedDocument = {"__meta__":{"hash":"51d59e79237b71a06df854a44f1ed3611a627590fcd5bbdee444db1f2a5bcb35"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DashboardFeed"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"redemptionRecorded"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"programmeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"redemption"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"redeemedAt"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"venue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"workshop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"voucher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"book"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"distributor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DashboardFeedSubscription, DashboardFeedSubscriptionVariables>;
export const DashboardProgrammesDocument = {"__meta__":{"hash":"946f3279c94355a4952b9e50529a6cccb751a2f08908555bfe8817aa3b4eaf8f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardProgrammes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"programmes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}}]}}]} as unknown as DocumentNode<DashboardProgrammesQuery, DashboardProgrammesQueryVariables>;
export const DashboardProgrammeDocument = {"__meta__":{"hash":"59b1ee72b6b1c2e8893eb61c860ca7c15fba92d8d9b5a41e2c359c06843dcb1f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardProgramme"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"programme"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"daysLeft"}},{"kind":"Field","name":{"kind":"Name","value":"budgetCents"}},{"kind":"Field","name":{"kind":"Name","value":"booksIssued"}},{"kind":"Field","name":{"kind":"Name","value":"booksHandedOut"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersIssued"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersRedeemed"}},{"kind":"Field","name":{"kind":"Name","value":"redeemedAmountCents"}},{"kind":"Field","name":{"kind":"Name","value":"venueActivity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"venue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"commune"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vouchersRedeemed"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"distributorActivity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"distributor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"booksAllocated"}},{"kind":"Field","name":{"kind":"Name","value":"booksHandedOut"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersRedeemed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"redemptionsByDay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"day"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersRedeemed"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"departements"},"name":{"kind":"Name","value":"redemptionsByPlace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"level"},"value":{"kind":"EnumValue","value":"DEPARTEMENT"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersRedeemed"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"communes"},"name":{"kind":"Name","value":"redemptionsByPlace"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"level"},"value":{"kind":"EnumValue","value":"COMMUNE"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersRedeemed"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardProgrammeQuery, DashboardProgrammeQueryVariables>;
export const CoordinatorProgrammeDocument = {"__meta__":{"hash":"ce3e31ab823a3482ecd3b0ac74b19c90488ea4c7b2222ee74635499d8cba5ec2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoordinatorProgramme"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"programme"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"territory"}},{"kind":"Field","name":{"kind":"Name","value":"booksIssued"}},{"kind":"Field","name":{"kind":"Name","value":"booksAllocated"}},{"kind":"Field","name":{"kind":"Name","value":"booksHandedOut"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersIssued"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersRedeemed"}},{"kind":"Field","name":{"kind":"Name","value":"redeemedAmountCents"}},{"kind":"Field","name":{"kind":"Name","value":"qualifiedVenues"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"venueActivity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"venue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vouchersRedeemed"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"distributorActivity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"distributor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"booksAllocated"}},{"kind":"Field","name":{"kind":"Name","value":"booksHandedOut"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersRedeemed"}}]}}]}}]}}]} as unknown as DocumentNode<CoordinatorProgrammeQuery, CoordinatorProgrammeQueryVariables>;
export const QualifyVenueDocument = {"__meta__":{"hash":"82e7fb31c0f00444cb443f1b1e8ba1d72e4e3ab419cf9a40397bbfa49a5bae3c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"QualifyVenue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"venueId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"qualifyVenue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"venueId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"venueId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"programmeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"venue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<QualifyVenueMutation, QualifyVenueMutationVariables>;
export const RegisterVenueDocument = {"__meta__":{"hash":"a1215c6cb2917c2a80328758f30efe39bbcc1d2864c1318d21833779c74b21f5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterVenue"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterVenueInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"registerVenue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"venue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RegisterVenueMutation, RegisterVenueMutationVariables>;
export const CoordinatorVenuesToQualifyDocument = {"__meta__":{"hash":"52584a22492b73e86dd447135afcc055fa57336df80b9716e9033752ee3fa275"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoordinatorVenuesToQualify"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"programme"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"venuesToQualify"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"commune"}},{"kind":"Field","name":{"kind":"Name","value":"communeName"}},{"kind":"Field","name":{"kind":"Name","value":"departement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"region"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"openingHours"}},{"kind":"Field","name":{"kind":"Name","value":"services"}}]}},{"kind":"Field","name":{"kind":"Name","value":"qualificationProposals"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"venue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"communeName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CoordinatorVenuesToQualifyQuery, CoordinatorVenuesToQualifyQueryVariables>;
export const BeneficiaryDataAccessDocument = {"__meta__":{"hash":"b85a5011d4a1011e88a36b56a6bd21f0c705985836ba1cf15ab8b8e07fcdaa97"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BeneficiaryDataAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"beneficiaryId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"beneficiaryDataAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"beneficiaryId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"beneficiaryId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"erasedAt"}},{"kind":"Field","name":{"kind":"Name","value":"record"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersHeld"}}]}}]}}]} as unknown as DocumentNode<BeneficiaryDataAccessQuery, BeneficiaryDataAccessQueryVariables>;
export const DistributorBooksDocument = {"__meta__":{"hash":"26fa81f344e78acd35f3f5ea510dbfd6122db0ff85775922ae4863047ed3d1cd"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DistributorBooks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"distributorId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"100"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"distributor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"distributorId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"booksAllocated"}},{"kind":"Field","name":{"kind":"Name","value":"booksHandedOut"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersRedeemed"}},{"kind":"Field","name":{"kind":"Name","value":"books"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"handedOutAt"}},{"kind":"Field","name":{"kind":"Name","value":"beneficiary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"pseudonym"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vouchersUsed"}},{"kind":"Field","name":{"kind":"Name","value":"redemptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"redeemedAt"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"venue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DistributorBooksQuery, DistributorBooksQueryVariables>;
export const EraseBeneficiaryDocument = {"__meta__":{"hash":"89b8782627ab17ef81f4587d62273580343f782ffa276dc0a7c8dc0e64136250"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EraseBeneficiary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EraseBeneficiaryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"eraseBeneficiary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"erasure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"erasedAt"}},{"kind":"Field","name":{"kind":"Name","value":"erasedNow"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<EraseBeneficiaryMutation, EraseBeneficiaryMutationVariables>;
export const HandOutBookDocument = {"__meta__":{"hash":"956cfc6067baaaafffb657fd4ef5a804e23a303f18de25cf521527c64cb61c79"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HandOutBook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"HandOutBookInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"handOutBook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"book"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"vouchers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<HandOutBookMutation, HandOutBookMutationVariables>;
export const RegisterBeneficiaryDocument = {"__meta__":{"hash":"e75811b00be57683b67f020fcfc44c490e75c4141d92b70bfb9493dc2b23fe00"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterBeneficiary"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterBeneficiaryInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"registerBeneficiary"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"beneficiary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RegisterBeneficiaryMutation, RegisterBeneficiaryMutationVariables>;
export const AcceptFundingShareDocument = {"__meta__":{"hash":"ffadf98235ec8fead054012aff494ebc05244fa5899fc7219ff9abb44e998871"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptFundingShare"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptFundingShareInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"acceptFundingShare"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"fundingShare"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AcceptFundingShareMutation, AcceptFundingShareMutationVariables>;
export const AllocateBooksDocument = {"__meta__":{"hash":"4a43eb91e5f989667af772b3d7b5ee269db941aa8d9050ae872cda7c1edcc293"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AllocateBooks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"distributorId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"quantity"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"allocateBooks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"programmeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"distributorId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"distributorId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"quantity"},"value":{"kind":"Variable","name":{"kind":"Name","value":"quantity"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"books"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<AllocateBooksMutation, AllocateBooksMutationVariables>;
export const CreateProgrammeDocument = {"__meta__":{"hash":"acd6645d9a6c6aa0cf74d3f2223e209a19563f32fad26608e2b1973c62056991"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProgramme"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProgrammeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createProgramme"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"programme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<CreateProgrammeMutation, CreateProgrammeMutationVariables>;
export const PlaceOrderDocument = {"__meta__":{"hash":"49da67ec96b96510f5ca2c609a87f3853065570c75f0b8dd9736ce551fb3bac3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PlaceOrder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"funderId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bookCount"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"vouchersPerBook"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"placeOrder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"programmeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"funderId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"funderId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"bookCount"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bookCount"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"vouchersPerBook"},"value":{"kind":"Variable","name":{"kind":"Name","value":"vouchersPerBook"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PlaceOrderMutation, PlaceOrderMutationVariables>;
export const FunderProgrammesDocument = {"__meta__":{"hash":"948a42c41890753e66e5040441a5ace4c2c4228b6f121e001ad56ac46832716e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FunderProgrammes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"funderId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"funder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"funderId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"programmes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"budgetCents"}},{"kind":"Field","name":{"kind":"Name","value":"fundingShares"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"basisPoints"}},{"kind":"Field","name":{"kind":"Name","value":"funder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"bookCount"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersPerBook"}},{"kind":"Field","name":{"kind":"Name","value":"faceValueCents"}},{"kind":"Field","name":{"kind":"Name","value":"faceValueTotalCents"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"paidAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"booksIssued"}},{"kind":"Field","name":{"kind":"Name","value":"booksHandedOut"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersRedeemed"}},{"kind":"Field","name":{"kind":"Name","value":"redeemedAmountCents"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingAmountCents"}},{"kind":"Field","name":{"kind":"Name","value":"venueActivity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"venue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"inseeCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"vouchersRedeemed"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FunderProgrammesQuery, FunderProgrammesQueryVariables>;
export const RecordOrderPaymentDocument = {"__meta__":{"hash":"a76761d5eda2974cdb1c4b1465c0ca45c34f22cec6fd5401f0b6d128e72f91d6"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RecordOrderPayment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recordOrderPayment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"orderId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RecordOrderPaymentMutation, RecordOrderPaymentMutationVariables>;
export const OperatorCorrectRedemptionDocument = {"__meta__":{"hash":"b77350ca11ffba7071ef97e8e9144c393369479593552f03de520d61510bf1d7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"OperatorCorrectRedemption"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CorrectRedemptionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"correctRedemption"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"correction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"correctedAt"}},{"kind":"Field","name":{"kind":"Name","value":"redemption"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"correctedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"voucher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"state"}}]}},{"kind":"Field","name":{"kind":"Name","value":"venue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<OperatorCorrectRedemptionMutation, OperatorCorrectRedemptionMutationVariables>;
export const ExportVenuesDocument = {"__meta__":{"hash":"92f7c0144542764f5486300a90783cedd4f945cff673d482ec16b2192b54841c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExportVenues"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"source"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"venuesCsv"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"source"},"value":{"kind":"Variable","name":{"kind":"Name","value":"source"}}}]}]}}]} as unknown as DocumentNode<ExportVenuesQuery, ExportVenuesQueryVariables>;
export const ImportVenuesDocument = {"__meta__":{"hash":"43157e1e74dd6c02d83bbc19fdb79f267fc00eb14be475bcdd43c7189c29b022"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ImportVenues"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ImportVenuesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"importVenues"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"report"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"rowsRead"}},{"kind":"Field","name":{"kind":"Name","value":"imported"}},{"kind":"Field","name":{"kind":"Name","value":"inserted"}},{"kind":"Field","name":{"kind":"Name","value":"updated"}},{"kind":"Field","name":{"kind":"Name","value":"unchanged"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"errorsOmitted"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"row"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ImportVenuesMutation, ImportVenuesMutationVariables>;
export const IssueBooksDocument = {"__meta__":{"hash":"a9b1f652a7d4d9d938274f23a4a5d8aca40b6180b457433f96ff9de3b062878e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"IssueBooks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"issueBooks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"orderId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"booksIssued"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersIssued"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<IssueBooksMutation, IssueBooksMutationVariables>;
export const RegisterDistributorDocument = {"__meta__":{"hash":"41b4978dd83086f58f9ff3213fbce8ea14999b6afc2e4e81237828849f299c4d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterDistributor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DistributorKind"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"inseeCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"registerDistributor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"inseeCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"inseeCode"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"distributor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RegisterDistributorMutation, RegisterDistributorMutationVariables>;
export const RegisterFunderDocument = {"__meta__":{"hash":"3ddf4fa7e7beba120583f600cf3455f0e31ce704df03728b3df397c9a83e5bb7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterFunder"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FunderKind"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"registerFunder"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"funder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RegisterFunderMutation, RegisterFunderMutationVariables>;
export const D30ReportDocument = {"__meta__":{"hash":"f6037a1a08ab1ece182dd282c197200f10df26c656902b2cec5a06e3b7a10190"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"D30Report"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"programme"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}}]}},{"kind":"Field","name":{"kind":"Name","value":"expiryReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"programmeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"alertOn"}},{"kind":"Field","name":{"kind":"Name","value":"booksIssued"}},{"kind":"Field","name":{"kind":"Name","value":"booksNotAllocated"}},{"kind":"Field","name":{"kind":"Name","value":"booksHandedOut"}},{"kind":"Field","name":{"kind":"Name","value":"booksNeverHandedOut"}},{"kind":"Field","name":{"kind":"Name","value":"booksStarted"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersAvailable"}},{"kind":"Field","name":{"kind":"Name","value":"availableCents"}},{"kind":"Field","name":{"kind":"Name","value":"distributors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"distributor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"booksAllocated"}},{"kind":"Field","name":{"kind":"Name","value":"booksHandedOut"}},{"kind":"Field","name":{"kind":"Name","value":"booksNeverHandedOut"}},{"kind":"Field","name":{"kind":"Name","value":"booksStarted"}}]}}]}}]}}]} as unknown as DocumentNode<D30ReportQuery, D30ReportQueryVariables>;
export const FunderStatementReportDocument = {"__meta__":{"hash":"ae3585ad1ca4e93d4c5f20c023f1db937f465e65f1599e925eac6e40cab87dac"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FunderStatementReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"programme"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"programmeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"validFrom"}},{"kind":"Field","name":{"kind":"Name","value":"validUntil"}},{"kind":"Field","name":{"kind":"Name","value":"ledger"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"orderedCents"}},{"kind":"Field","name":{"kind":"Name","value":"redeemedCents"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingCents"}},{"kind":"Field","name":{"kind":"Name","value":"creditedBackCents"}},{"kind":"Field","name":{"kind":"Name","value":"balanced"}}]}},{"kind":"Field","name":{"kind":"Name","value":"funderStatement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"funder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"basisPoints"}},{"kind":"Field","name":{"kind":"Name","value":"paidCents"}},{"kind":"Field","name":{"kind":"Name","value":"redeemedCents"}},{"kind":"Field","name":{"kind":"Name","value":"outstandingCents"}},{"kind":"Field","name":{"kind":"Name","value":"creditedBackCents"}}]}}]}}]}}]} as unknown as DocumentNode<FunderStatementReportQuery, FunderStatementReportQueryVariables>;
export const VenueStatementReportDocument = {"__meta__":{"hash":"35c5365120708ae3d56900a5153a221aeb1abae8c47b69adc6a4e2a960da4cd7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VenueStatementReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"venueId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"venue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"venueId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"siret"}},{"kind":"Field","name":{"kind":"Name","value":"inseeCode"}},{"kind":"Field","name":{"kind":"Name","value":"statement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"totalCents"}},{"kind":"Field","name":{"kind":"Name","value":"lineCount"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"lines"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"voucherCode"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"redeemedAt"}},{"kind":"Field","name":{"kind":"Name","value":"redemption"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"programme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"workshop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"corrections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"correctedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"voucher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"redemption"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"redeemedAt"}},{"kind":"Field","name":{"kind":"Name","value":"programme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"workshop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<VenueStatementReportQuery, VenueStatementReportQueryVariables>;
export const VenueCounterDocument = {"__meta__":{"hash":"9768e47c4ff0c246b946ae65b288b96d41138ebe04c902842fda252f4c3944f7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VenueCounter"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"venueId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"date"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LocalDate"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"venue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"venueId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"commune"}},{"kind":"Field","name":{"kind":"Name","value":"monthToDate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersRedeemed"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sessionsOn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"date"},"value":{"kind":"Variable","name":{"kind":"Name","value":"date"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"seats"}},{"kind":"Field","name":{"kind":"Name","value":"seatsLeft"}},{"kind":"Field","name":{"kind":"Name","value":"workshop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"durationMinutes"}}]}}]}}]}}]}}]} as unknown as DocumentNode<VenueCounterQuery, VenueCounterQueryVariables>;
export const PublishWorkshopDocument = {"__meta__":{"hash":"f4a74b286a2df98b6aae4a2916be0c4dde09adbbabd7de8518e0fb39fb9425a7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PublishWorkshop"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"venueId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"axis"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkshopAxis"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"topic"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"durationMinutes"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"seats"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"publishWorkshop"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"venueId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"venueId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"axis"},"value":{"kind":"Variable","name":{"kind":"Name","value":"axis"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"topic"},"value":{"kind":"Variable","name":{"kind":"Name","value":"topic"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"durationMinutes"},"value":{"kind":"Variable","name":{"kind":"Name","value":"durationMinutes"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"seats"},"value":{"kind":"Variable","name":{"kind":"Name","value":"seats"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"workshop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PublishWorkshopMutation, PublishWorkshopMutationVariables>;
export const VenueRedeemDocument = {"__meta__":{"hash":"3f32760f16c47682f7cc0bfe4d6a8c750afae96878dbf61898314ee807df3084"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VenueRedeem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RedeemVoucherInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"redeemVoucher"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"redemption"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"redeemedAt"}},{"kind":"Field","name":{"kind":"Name","value":"voucher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"seatsLeft"}}]}},{"kind":"Field","name":{"kind":"Name","value":"venue"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"monthToDate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"vouchersRedeemed"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<VenueRedeemMutation, VenueRedeemMutationVariables>;
export const ScheduleSessionDocument = {"__meta__":{"hash":"29f13b2784568d34d1cfcc443c942f8206e1136f10103e6a182e0ca61d2f054b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ScheduleSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"workshopId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"startsAt"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTimeISO"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"scheduleSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"workshopId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"workshopId"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"startsAt"},"value":{"kind":"Variable","name":{"kind":"Name","value":"startsAt"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"session"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<ScheduleSessionMutation, ScheduleSessionMutationVariables>;
export const VenueSessionsDocument = {"__meta__":{"hash":"d1a12b0c6a7d111d1e5c8c70efb21f5f95c04a08150d8e4f5980800a5692029d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VenueSessions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"venueId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"50"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"venue"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"venueId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"amountDueCents"}},{"kind":"Field","name":{"kind":"Name","value":"sessions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsAt"}},{"kind":"Field","name":{"kind":"Name","value":"seats"}},{"kind":"Field","name":{"kind":"Name","value":"workshop"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"topic"}},{"kind":"Field","name":{"kind":"Name","value":"axis"}},{"kind":"Field","name":{"kind":"Name","value":"durationMinutes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"redemptions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"redeemedAt"}},{"kind":"Field","name":{"kind":"Name","value":"amountCents"}},{"kind":"Field","name":{"kind":"Name","value":"voucher"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}},{"kind":"Field","name":{"kind":"Name","value":"programme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<VenueSessionsQuery, VenueSessionsQueryVariables>;