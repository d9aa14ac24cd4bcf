import { Role } from '@pass/access';
import type { SubgraphName } from '@pass/contracts';

/**
 * Who may do what, on whose data: the one table the access tests are generated from. Every root
 * field, every mutation and every entity of the supergraph must have a row (the test fails for a
 * new one without), plus the nested fields that carry a rule of their own.
 *
 * `allowed[role]` is `'own'` (only on the caller's own data) or `'all'`; a role not listed is
 * refused on both. "Own" is the caller's organisation: the CSO funder, the Nogent Pôle emploi,
 * Gest'Up, a coordinator of the CSO programme; "other" belongs to the BFC programme, the Dijon
 * Mission locale, the Dijon public digital space.
 */
export type Whose = 'own' | 'other';
export type Grant = 'own' | 'all';

export interface Fixture {
  funder: Record<Whose, string>;
  programme: Record<Whose, string>;
  order: Record<Whose, string>;
  distributor: Record<Whose, string>;
  beneficiary: Record<Whose, string>;
  /** Another person of each distributor, with a book handed out: the erasure request erases them. */
  erasable: Record<Whose, string>;
  venue: Record<Whose, string>;
  workshop: Record<Whose, string>;
  session: Record<Whose, string>;
  /** A handed-out book with redemptions: its code and its id. */
  book: Record<Whose, string>;
  bookId: Record<Whose, string>;
  /** An allocated book not yet handed out, for hand-out attempts. */
  freeBook: Record<Whose, string>;
  statement: Record<Whose, string>;
  /** The closed month (YYYY-MM) of both statements. */
  statementMonth: string;
  /** A redeemed voucher and its redemption; "own" depends on the role (see `ownOf`). */
  voucherOfBook: Record<Whose, RedeemedVoucher>;
  voucherAtVenue: Record<Whose, RedeemedVoucher>;
  /** An unused voucher of a handed-out book, for redemption attempts. */
  unusedVoucher: Record<Whose, string>;
  /** A qualification proposal of a venue in the programme's territory. */
  proposal: Record<Whose, string>;
}

export interface RedeemedVoucher {
  id: string;
  code: string;
  redemptionId: string;
}

export interface Request {
  query: string;
  variables?: Record<string, unknown>;
  /** `_entities` go straight to the owning subgraph, with a gateway-signed caller. */
  subgraph?: SubgraphName;
}

export interface AccessRule {
  coordinate: string;
  allowed: Partial<Record<Role, Grant>>;
  request(f: Fixture, whose: Whose, role: Role): Request;
  /** Typed refusals in a payload that count as denied (besides FORBIDDEN errors). */
  refusals?: string[];
}

const ALL: Partial<Record<Role, Grant>> = Object.fromEntries(Object.values(Role).map((r) => [r, 'all']));
const unique = () => Math.random().toString(36).slice(2, 8);

/** A venue's own redemption is one it took; anyone else's is one of its own books. */
const voucherFor = (f: Fixture, whose: Whose, role: Role) => (role === Role.VENUE ? f.voucherAtVenue[whose] : f.voucherOfBook[whose]);

const entity = (subgraph: Request['subgraph'], typename: string, id: (f: Fixture, whose: Whose, role: Role) => string) =>
  (f: Fixture, whose: Whose, role: Role): Request => ({
    subgraph,
    query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { id } } }`,
    variables: { r: [{ __typename: typename, id: id(f, whose, role) }] },
  });

export const ACCESS_RULES: AccessRule[] = [
  // programmes
  { coordinate: 'Query.funders', allowed: ALL, request: () => ({ query: '{ funders { id name } }' }) },
  { coordinate: 'Query.funder', allowed: ALL, request: (f, w) => ({ query: 'query($id: ID!) { funder(id: $id) { name } }', variables: { id: f.funder[w] } }) },
  { coordinate: 'Query.programmes', allowed: ALL, request: () => ({ query: '{ programmes { name territory validUntil } }' }) },
  { coordinate: 'Query.programme', allowed: ALL, request: (f, w) => ({ query: 'query($id: ID!) { programme(id: $id) { name eligibility { minAge } } }', variables: { id: f.programme[w] } }) },
  {
    coordinate: 'Programme.money (budgetCents, fundingShares, orders, orderedCents)',
    allowed: { funder: 'own', coordinator: 'own', operator: 'all', analyst: 'all' },
    request: (f, w) => ({ query: 'query($id: ID!) { programme(id: $id) { budgetCents fundingShares { basisPoints } orders { nodes { id } } orderedCents } }', variables: { id: f.programme[w] } }),
  },
  { coordinate: 'Query.order', allowed: { funder: 'own', coordinator: 'own', operator: 'all', analyst: 'all' }, request: (f, w) => ({ query: 'query($id: ID!) { order(id: $id) { bookCount } }', variables: { id: f.order[w] } }) },
  { coordinate: 'Query.auditLog', allowed: { operator: 'all' }, request: () => ({ query: '{ auditLog(first: 5) { nodes { action } } }' }) },
  { coordinate: 'Mutation.registerFunder', allowed: { operator: 'all' }, request: () => ({ query: `mutation { registerFunder(input: { name: "Funder ${unique()}", kind: COMPANY }) { funder { id } } }` }) },
  {
    coordinate: 'Mutation.createProgramme',
    allowed: { funder: 'own', operator: 'all' },
    request: (f, w) => ({
      query: `mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { programme { id } } }`,
      variables: {
        input: {
          name: `Programme ${unique()}`, territory: ['departement:60'], eligibility: { statusesAnyOf: [] },
          validFrom: '2026-01-01', validUntil: '2027-12-31', budgetCents: 100_000, shares: [{ funderId: f.funder[w], basisPoints: 10000 }],
        },
      },
    }),
  },
  {
    coordinate: 'Mutation.placeOrder',
    allowed: { funder: 'own', operator: 'all' },
    request: (f, w) => ({ query: 'mutation($p: ID!, $f: ID!) { placeOrder(input: { programmeId: $p, funderId: $f, bookCount: 1 }) { order { id } error { code } } }', variables: { p: f.programme[w], f: f.funder[w] } }),
  },
  // The demo's shares are all accepted: an answer to one is "already answered" or the same answer again, never a change.
  {
    coordinate: 'Mutation.acceptFundingShare',
    allowed: { funder: 'own', operator: 'all' },
    request: (f, w) => ({
      query: 'mutation($input: AcceptFundingShareInput!) { acceptFundingShare(input: $input) { fundingShare { status } error { code } } }',
      variables: { input: { programmeId: f.programme[w], funderId: f.funder[w] } },
    }),
  },
  {
    coordinate: 'Mutation.declineFundingShare',
    allowed: { funder: 'own', operator: 'all' },
    request: (f, w) => ({
      query: 'mutation($input: DeclineFundingShareInput!) { declineFundingShare(input: $input) { fundingShare { status } error { code } } }',
      variables: { input: { programmeId: f.programme[w], funderId: f.funder[w] } },
    }),
  },
  {
    coordinate: 'Mutation.reshareProgramme',
    allowed: { funder: 'own', operator: 'all' },
    request: (f, w) => ({
      query: 'mutation($input: ReshareProgrammeInput!) { reshareProgramme(input: $input) { programme { id } error { code } } }',
      variables: { input: { programmeId: f.programme[w], shares: [{ funderId: f.funder[w], basisPoints: 10000 }] } },
    }),
  },
  { coordinate: 'Mutation.recordOrderPayment', allowed: { funder: 'own', operator: 'all' }, request: (f, w) => ({ query: 'mutation($id: ID!) { recordOrderPayment(input: { orderId: $id }) { order { status } } }', variables: { id: f.order[w] } }) },
  // Revocation (hub_auth, served by programmes): ids nobody uses, so no caller of the matrix is locked out.
  { coordinate: 'Mutation.revokeToken', allowed: { operator: 'all' }, request: () => ({ query: `mutation { revokeToken(input: { tokenId: "matrix-${unique()}" }) { revokedAt error { code } } }` }) },
  { coordinate: 'Mutation.revokeOrganisation', allowed: { operator: 'all' }, request: () => ({ query: `mutation { revokeOrganisation(input: { organisationId: "matrix-gone-${unique()}" }) { revokedAt error { code } } }` }) },
  { coordinate: 'Entity.Funder', allowed: ALL, request: entity('programmes', 'Funder', (f, w) => f.funder[w]) },
  { coordinate: 'Entity.Programme', allowed: ALL, request: entity('programmes', 'Programme', (f, w) => f.programme[w]) },
  { coordinate: 'Entity.Order', allowed: { funder: 'own', coordinator: 'own', operator: 'all', analyst: 'all' }, request: entity('programmes', 'Order', (f, w) => f.order[w]) },

  // beneficiaries
  { coordinate: 'Query.distributors', allowed: ALL, request: () => ({ query: '{ distributors { nodes { name } } }' }) },
  { coordinate: 'Query.distributor', allowed: ALL, request: (f, w) => ({ query: 'query($id: ID!) { distributor(id: $id) { name kind } }', variables: { id: f.distributor[w] } }) },
  { coordinate: 'Distributor.beneficiaries', allowed: { distributor: 'own' }, request: (f, w) => ({ query: 'query($id: ID!) { distributor(id: $id) { beneficiaries { nodes { pseudonym } } } }', variables: { id: f.distributor[w] } }) },
  { coordinate: 'Query.beneficiary', allowed: { distributor: 'own', operator: 'all' }, request: (f, w) => ({ query: 'query($id: ID!) { beneficiary(id: $id) { pseudonym } }', variables: { id: f.beneficiary[w] } }) },
  {
    coordinate: 'Beneficiary.details (all but the pseudonym)',
    allowed: { distributor: 'own' },
    request: (f, w) => ({ query: 'query($id: ID!) { beneficiary(id: $id) { birthYear ageBand inseeCode educationLevel statuses consentAt } }', variables: { id: f.beneficiary[w] } }),
  },
  { coordinate: 'Mutation.registerDistributor', allowed: { operator: 'all' }, request: () => ({ query: `mutation { registerDistributor(input: { name: "CCAS ${unique()}", kind: CCAS, inseeCode: "60175" }) { distributor { id } } }` }) },
  {
    coordinate: 'Mutation.registerBeneficiary',
    allowed: { distributor: 'own' },
    request: (f, w) => ({
      query: 'mutation($input: RegisterBeneficiaryInput!) { registerBeneficiary(input: $input) { beneficiary { id } error { code } } }',
      variables: { input: { distributorId: f.distributor[w], programmeId: f.programme[w], inseeCode: '60175', statuses: ['JOB_SEEKER'], consentAt: '2026-01-01T00:00:00Z' } },
    }),
  },
  { coordinate: 'Entity.Distributor', allowed: ALL, request: entity('beneficiaries', 'Distributor', (f, w) => f.distributor[w]) },
  { coordinate: 'Entity.Beneficiary', allowed: { distributor: 'own', operator: 'all' }, request: entity('beneficiaries', 'Beneficiary', (f, w) => f.beneficiary[w]) },
  // A person's rights of access and erasure go through the distributor that registered them, and no one else: not even the operator.
  {
    coordinate: 'Query.beneficiaryDataAccess',
    allowed: { distributor: 'own' },
    request: (f, w) => ({ query: 'query($id: ID!) { beneficiaryDataAccess(beneficiaryId: $id) { id erasedAt record vouchersHeld } }', variables: { id: f.beneficiary[w] } }),
  },
  { coordinate: 'Entity.BeneficiaryDataAccess', allowed: { distributor: 'own' }, request: entity('beneficiaries', 'BeneficiaryDataAccess', (f, w) => f.beneficiary[w]) },

  // venues
  { coordinate: 'Query.venues', allowed: ALL, request: () => ({ query: '{ venues { nodes { name } } }' }) },
  { coordinate: 'Query.venue', allowed: ALL, request: (f, w) => ({ query: 'query($id: ID!) { venue(id: $id) { name workshops { topic } sessions { nodes { startsAt } } qualifiedFor { id } } }', variables: { id: f.venue[w] } }) },
  { coordinate: 'Query.workshopSession', allowed: ALL, request: (f, w) => ({ query: 'query($id: ID!) { workshopSession(id: $id) { startsAt seats } }', variables: { id: f.session[w] } }) },
  {
    coordinate: 'Mutation.qualifyVenue',
    allowed: { coordinator: 'own', operator: 'all' },
    request: (f, w) => ({ query: 'mutation($input: QualifyVenueInput!) { qualifyVenue(input: $input) { venue { id } error { code } } }', variables: { input: { venueId: f.venue[w], programmeId: f.programme[w] } } }),
  },
  {
    // The CSO coordinator qualifying the Dijon venue for the CSO programme would reach Dijon's figures: nobody may.
    coordinate: 'Qualification outside the programme territory (Mutation.qualifyVenue)',
    allowed: {},
    refusals: ['VENUE_OUTSIDE_PROGRAMME_TERRITORY'],
    request: (f) => ({ query: 'mutation($input: QualifyVenueInput!) { qualifyVenue(input: $input) { venue { id } error { code } } }', variables: { input: { venueId: f.venue.other, programmeId: f.programme.own } } }),
  },
  {
    coordinate: 'Mutation.publishWorkshop',
    allowed: { venue: 'own', operator: 'all' },
    request: (f, w) => ({
      query: 'mutation($input: PublishWorkshopInput!) { publishWorkshop(input: $input) { workshop { id } error { code } } }',
      variables: { input: { venueId: f.venue[w], axis: 'MASTER', topic: 'Online forms', durationMinutes: 60, seats: 8 } },
    }),
  },
  {
    coordinate: 'Mutation.scheduleSession',
    allowed: { venue: 'own', operator: 'all' },
    refusals: ['WORKSHOP_OF_ANOTHER_VENUE'],
    request: (f, w) => ({
      query: 'mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { session { id } error { code } } }',
      variables: { input: { workshopId: f.workshop[w], startsAt: '2026-12-01T09:00:00Z' } },
    }),
  },
  {
    coordinate: 'Mutation.registerVenue',
    allowed: { coordinator: 'all', operator: 'all' },
    request: () => ({ query: `mutation { registerVenue(input: { name: "EPN ${unique()}", address: "1 place de la mairie", inseeCode: "60175" }) { venue { id } error { code } } }` }),
  },
  {
    coordinate: 'Mutation.importVenues',
    allowed: { operator: 'all' },
    request: () => ({
      query: 'mutation($input: ImportVenuesInput!) { importVenues(input: $input) { report { rowsRead imported } error { code } } }',
      variables: { input: { csv: 'id,pivot,nom,commune,code_postal,adresse,date_maj\n' } },
    }),
  },
  { coordinate: 'Query.venuesCsv', allowed: { operator: 'all' }, request: () => ({ query: '{ venuesCsv }' }) },
  {
    coordinate: 'Programme.venuesToQualify',
    allowed: { coordinator: 'own', operator: 'all' },
    request: (f, w) => ({ query: 'query($id: ID!) { programme(id: $id) { venuesToQualify { name } } }', variables: { id: f.programme[w] } }),
  },
  {
    coordinate: 'Mutation.importCartography2021',
    allowed: { operator: 'all' },
    request: () => ({ query: 'mutation { importCartography2021(input: { json: "[]" }) { report { rowsRead } error { code } } }' }),
  },
  { coordinate: 'Query.qualificationProposals', allowed: { operator: 'all' }, request: () => ({ query: '{ qualificationProposals { reason venue { name } } }' }) },
  {
    coordinate: 'Programme.qualificationProposals',
    allowed: { coordinator: 'own', operator: 'all' },
    request: (f, w) => ({ query: 'query($id: ID!) { programme(id: $id) { qualificationProposals { reason } } }', variables: { id: f.programme[w] } }),
  },
  {
    coordinate: 'Mutation.confirmQualificationProposal',
    allowed: { coordinator: 'own', operator: 'all' },
    request: (f, w) => ({
      query: 'mutation($input: ConfirmQualificationProposalInput!) { confirmQualificationProposal(input: $input) { proposal { status } error { code } } }',
      variables: { input: { proposalId: f.proposal[w], programmeId: f.programme[w] } },
    }),
  },
  {
    coordinate: 'Mutation.dismissQualificationProposal',
    // Only a proposal of a venue in the territory of a programme the coordinator coordinates (the Dijon one is not).
    allowed: { coordinator: 'own', operator: 'all' },
    request: (f, w) => ({ query: 'mutation($input: DismissQualificationProposalInput!) { dismissQualificationProposal(input: $input) { proposal { status } error { code } } }', variables: { input: { proposalId: f.proposal[w] } } }),
  },
  { coordinate: 'Venue.place', allowed: ALL, request: (f, w) => ({ query: 'query($id: ID!) { venue(id: $id) { communeName departement { name } region { name } source sourceId } }', variables: { id: f.venue[w] } }) },
  { coordinate: 'Entity.Venue', allowed: ALL, request: entity('venues', 'Venue', (f, w) => f.venue[w]) },
  { coordinate: 'Entity.Workshop', allowed: ALL, request: entity('venues', 'Workshop', (f, w) => f.workshop[w]) },
  { coordinate: 'Entity.WorkshopSession', allowed: ALL, request: entity('venues', 'WorkshopSession', (f, w) => f.session[w]) },

  // vouchers
  {
    coordinate: 'Query.book',
    allowed: { distributor: 'own', funder: 'own', coordinator: 'own', operator: 'all' },
    request: (f, w) => ({ query: 'query($c: String!) { book(code: $c) { state vouchersUsed } }', variables: { c: f.book[w] } }),
  },
  {
    coordinate: 'Book.outcomes',
    allowed: { distributor: 'own', operator: 'all' },
    request: (f, w) => ({ query: 'query($c: String!) { book(code: $c) { outcomes { pixScore } } }', variables: { c: f.book[w] } }),
  },
  {
    coordinate: 'Book.vouchers (the codes, money in hand)',
    allowed: { distributor: 'own', operator: 'all' },
    request: (f, w) => ({ query: 'query($c: String!) { book(code: $c) { vouchers { code } } }', variables: { c: f.book[w] } }),
  },
  {
    coordinate: 'Voucher.book (no way from a taken voucher to the rest of its book)',
    allowed: { distributor: 'own', funder: 'own', coordinator: 'own', operator: 'all' },
    request: (f, w, role) => ({ query: 'query($c: String!) { voucher(code: $c) { book { code } } }', variables: { c: voucherFor(f, w, role).code } }),
  },
  {
    coordinate: 'Query.voucher',
    allowed: { distributor: 'own', funder: 'own', coordinator: 'own', venue: 'own', operator: 'all' },
    request: (f, w, role) => ({ query: 'query($c: String!) { voucher(code: $c) { state } }', variables: { c: voucherFor(f, w, role).code } }),
  },
  {
    coordinate: 'Query.expiryReport',
    allowed: { funder: 'own', coordinator: 'own', operator: 'all', analyst: 'all' },
    request: (f, w) => ({ query: 'query($p: ID!) { expiryReport(programmeId: $p) { booksIssued } }', variables: { p: f.programme[w] } }),
  },
  {
    coordinate: 'Programme.funderStatement',
    allowed: { funder: 'own', coordinator: 'own', operator: 'all', analyst: 'all' },
    request: (f, w) => ({ query: 'query($p: ID!) { programme(id: $p) { funderStatement { paidCents creditedBackCents } } }', variables: { p: f.programme[w] } }),
  },
  {
    coordinate: 'Venue.statement',
    allowed: { venue: 'own', operator: 'all' },
    request: (f, w) => ({ query: 'query($v: ID!, $m: String!) { venue(id: $v) { statement(month: $m) { totalCents lines { amountCents } } } }', variables: { v: f.venue[w], m: f.statementMonth } }),
  },
  {
    coordinate: 'Query.reimbursementStatement',
    allowed: { venue: 'own', operator: 'all' },
    request: (f, w) => ({ query: 'query($id: ID!) { reimbursementStatement(id: $id) { totalCents lines { amountCents } } }', variables: { id: f.statement[w] } }),
  },
  {
    coordinate: 'Programme.figures (vouchers subgraph)',
    allowed: { funder: 'own', coordinator: 'own', operator: 'all', analyst: 'all' },
    request: (f, w) => ({ query: 'query($id: ID!) { programme(id: $id) { booksIssued vouchersRedeemed redeemedAmountCents venueActivity { vouchersRedeemed } } }', variables: { id: f.programme[w] } }),
  },
  {
    coordinate: 'Venue.figures',
    // All programmes together: the venue's own and the operator's; a coordinator reads Programme.venueActivity.
    allowed: { venue: 'own', operator: 'all' },
    request: (f, w) => ({ query: 'query($id: ID!) { venue(id: $id) { vouchersRedeemed redeemedAmountCents amountDueCents } }', variables: { id: f.venue[w] } }),
  },
  {
    coordinate: 'Programme.activity (redemptionsByDay, redemptionsByPlace)',
    allowed: { funder: 'own', coordinator: 'own', operator: 'all', analyst: 'all' },
    request: (f, w) => ({ query: 'query($id: ID!) { programme(id: $id) { redemptionsByDay { day vouchersRedeemed } redemptionsByPlace(level: COMMUNE) { code vouchersRedeemed } } }', variables: { id: f.programme[w] } }),
  },
  {
    coordinate: 'Venue.monthToDate',
    // All programmes together, like Venue.figures: the venue's own and the operator's (a
    // coordinator reads Programme.venueActivity). Never analysts: one venue's count, often 1 to 4.
    allowed: { venue: 'own', operator: 'all' },
    request: (f, w) => ({ query: 'query($id: ID!) { venue(id: $id) { monthToDate { month amountCents } } }', variables: { id: f.venue[w] } }),
  },
  {
    coordinate: 'WorkshopSession.seatsLeft',
    // Seats minus seats left is the session's redemptions across programmes: the venue's and the
    // operator's, as its other figures. Never analysts (the small-cell rule, see small-cells.e2e.ts).
    allowed: { venue: 'own', operator: 'all' },
    request: (f, w) => ({ query: 'query($id: ID!) { workshopSession(id: $id) { seatsLeft } }', variables: { id: f.session[w] } }),
  },
  { coordinate: 'Venue.sessionsOn', allowed: ALL, request: (f, w) => ({ query: 'query($id: ID!) { venue(id: $id) { sessionsOn(date: "2026-01-05") { startsAt seats } } }', variables: { id: f.venue[w] } }) },
  { coordinate: 'Venue.statements', allowed: { venue: 'own', operator: 'all' }, request: (f, w) => ({ query: 'query($id: ID!) { venue(id: $id) { statements { nodes { totalCents } } } }', variables: { id: f.venue[w] } }) },
  {
    coordinate: 'Distributor.figures',
    allowed: { distributor: 'own', operator: 'all' },
    request: (f, w) => ({ query: 'query($id: ID!) { distributor(id: $id) { booksAllocated booksHandedOut vouchersRedeemed } }', variables: { id: f.distributor[w] } }),
  },
  // Coordinator reach: venues and distributors through the programmes it coordinates, nothing beyond.
  {
    coordinate: 'Programme.venueActivity (how a coordinator reads venues)',
    allowed: { funder: 'own', coordinator: 'own', operator: 'all', analyst: 'all' },
    request: (f, w) => ({ query: 'query($id: ID!) { programme(id: $id) { venueActivity { venue { id } vouchersRedeemed amountCents } } }', variables: { id: f.programme[w] } }),
  },
  {
    coordinate: 'Programme.distributorActivity (how a coordinator reads distributors)',
    allowed: { funder: 'own', coordinator: 'own', operator: 'all', analyst: 'all' },
    request: (f, w) => ({ query: 'query($id: ID!) { programme(id: $id) { distributorActivity { distributor { id } booksAllocated vouchersRedeemed } } }', variables: { id: f.programme[w] } }),
  },
  { coordinate: 'Distributor.books', allowed: { distributor: 'own', operator: 'all' }, request: (f, w) => ({ query: 'query($id: ID!) { distributor(id: $id) { books(first: 5) { nodes { code } } } }', variables: { id: f.distributor[w] } }) },
  { coordinate: 'WorkshopSession.redemptions', allowed: { venue: 'own', operator: 'all' }, request: (f, w) => ({ query: 'query($id: ID!) { workshopSession(id: $id) { redemptions { amountCents } } }', variables: { id: f.session[w] } }) },
  { coordinate: 'Mutation.issueBooks', allowed: { operator: 'all' }, request: (f, w) => ({ query: 'mutation($id: ID!) { issueBooks(input: { orderId: $id }) { booksIssued error { code } } }', variables: { id: f.order[w] } }) },
  {
    coordinate: 'Mutation.allocateBooks',
    allowed: { funder: 'own', operator: 'all' },
    request: (f, w) => ({ query: 'mutation($p: ID!, $d: ID!) { allocateBooks(input: { programmeId: $p, distributorId: $d, quantity: 1 }) { books { code } error { code } } }', variables: { p: f.programme[w], d: f.distributor[w] } }),
  },
  {
    coordinate: 'Mutation.handOutBook',
    allowed: { distributor: 'own' },
    request: (f, w) => ({
      query: 'mutation($input: HandOutBookInput!) { handOutBook(input: $input) { book { code } error { code } } }',
      variables: { input: { bookCode: f.freeBook[w], beneficiaryId: f.beneficiary[w], distributorId: f.distributor[w] } },
    }),
  },
  {
    coordinate: 'Mutation.redeemVoucher',
    allowed: { venue: 'own' },
    refusals: ['SESSION_OF_ANOTHER_VENUE'],
    request: (f, w) => ({
      query: 'mutation($input: RedeemVoucherInput!) { redeemVoucher(input: $input) { redemption { id } error { code } } }',
      variables: { input: { voucherCode: f.unusedVoucher.own, sessionId: f.session[w], idempotencyKey: `matrix-${unique()}-${unique()}` } },
    }),
  },
  {
    // Another venue's redemption is refused as data; its own is tried with an id that exists nowhere, so no fixture is cancelled.
    coordinate: 'Mutation.cancelRedemption',
    allowed: { venue: 'own' },
    refusals: ['REDEMPTION_OF_ANOTHER_VENUE'],
    request: (f, w) => ({
      query: 'mutation($input: CancelRedemptionInput!) { cancelRedemption(input: $input) { cancelledRedemption { id } error { code } } }',
      variables: { input: { redemptionId: w === 'own' ? '00000000-0000-4000-8000-00000000c0de' : f.voucherAtVenue.other.redemptionId } },
    }),
  },
  {
    // A code printed on no book: the rule is on whose books, and no fixture book is blocked.
    coordinate: 'Mutation.reportBookLost',
    allowed: { distributor: 'own' },
    request: (f, w) => ({
      query: 'mutation($input: ReportBookLostInput!) { reportBookLost(input: $input) { book { code } error { code } } }',
      variables: { input: { bookCode: 'B0000-00000-0000', distributorId: f.distributor[w] } },
    }),
  },
  {
    coordinate: 'Mutation.recordOutcome',
    allowed: { venue: 'own', operator: 'all' },
    request: (f, w) => ({
      query: 'mutation($input: RecordOutcomeInput!) { recordOutcome(input: $input) { error { code } } }',
      variables: { input: { bookCode: f.book.own, venueId: f.venue[w], pixScore: 120, skillsReached: ['email'] } },
    }),
  },
  {
    // The operator's correction of a paid redemption: tried on an id that exists nowhere, so no fixture is corrected.
    coordinate: 'Mutation.correctRedemption',
    allowed: { operator: 'all' },
    request: () => ({
      query: 'mutation($input: CorrectRedemptionInput!) { correctRedemption(input: $input) { correction { id } error { code } } }',
      variables: { input: { redemptionId: '00000000-0000-4000-8000-00000000c0de', reason: 'access matrix probe' } },
    }),
  },
  { coordinate: 'Mutation.closeMonth', allowed: { operator: 'all' }, request: () => ({ query: 'mutation { closeMonth(input: { month: "2020-01" }) { statements { id } error { code } } }' }) },
  { coordinate: 'Mutation.expireProgramme', allowed: { operator: 'all' }, request: (f, w) => ({ query: 'mutation($p: ID!) { expireProgramme(input: { programmeId: $p }) { error { code } } }', variables: { p: f.programme[w] } }) },
  {
    coordinate: 'Entity.Book',
    allowed: { distributor: 'own', funder: 'own', coordinator: 'own', operator: 'all' },
    request: entity('vouchers', 'Book', (f, w) => f.bookId[w]),
  },
  {
    coordinate: 'Entity.Voucher',
    allowed: { distributor: 'own', funder: 'own', coordinator: 'own', venue: 'own', operator: 'all' },
    request: entity('vouchers', 'Voucher', (f, w, role) => voucherFor(f, w, role).id),
  },
  {
    coordinate: 'Entity.Redemption',
    allowed: { distributor: 'own', funder: 'own', coordinator: 'own', venue: 'own', operator: 'all' },
    request: entity('vouchers', 'Redemption', (f, w, role) => voucherFor(f, w, role).redemptionId),
  },
  {
    coordinate: 'Query.redemptions',
    allowed: { distributor: 'own', funder: 'own', coordinator: 'own', venue: 'own', operator: 'all' },
    request: (f, w, role) => ({ query: 'query($ids: [ID!]!) { redemptions(ids: $ids) { amountCents } }', variables: { ids: [voucherFor(f, w, role).redemptionId] } }),
  },
  // The live stream's hidden (@inaccessible) fields: only the gateway calls them, straight to the subgraph.
  {
    coordinate: 'Query.liveRedemptionScope',
    allowed: { venue: 'own', coordinator: 'own', funder: 'own', distributor: 'all', operator: 'all' },
    request: (f, w, role) => ({
      subgraph: 'vouchers',
      query: 'query($p: ID, $v: ID) { liveRedemptionScope(programmeId: $p, venueId: $v) { all } }',
      variables: role === Role.VENUE ? { v: f.venue[w] } : { p: f.programme[w] },
    }),
  },
  {
    coordinate: 'Query.redemptionStream',
    allowed: { operator: 'all' },
    request: () => ({
      subgraph: 'vouchers',
      query: 'query { redemptionStream(first: 1, scope: { all: true, venueIds: [], programmeIds: [], distributorIds: [] }) { cursor } }',
    }),
  },
  { coordinate: 'Query.redemptionStreamHead', allowed: { operator: 'all' }, request: () => ({ subgraph: 'vouchers', query: 'query { redemptionStreamHead }' }) },
  { coordinate: 'Entity.ReimbursementStatement', allowed: { venue: 'own', operator: 'all' }, request: entity('vouchers', 'ReimbursementStatement', (f, w) => f.statement[w]) },
  // Last: it erases a person (not the one the rules above read).
  {
    coordinate: 'Mutation.eraseBeneficiary',
    allowed: { distributor: 'own' },
    request: (f, w) => ({
      query: 'mutation($input: EraseBeneficiaryInput!) { eraseBeneficiary(input: $input) { erasure { id erasedAt erasedNow } error { code } } }',
      variables: { input: { beneficiaryId: f.erasable[w], distributorId: f.distributor[w] } },
    }),
  },
];
