import path from 'node:path';
import { readFileSync } from 'node:fs';
import { buildSchema, getNullableType, isListType, isObjectType, type GraphQLSchema } from 'graphql';

const root = path.resolve(__dirname, '..', '..', '..');

/**
 * Lists of the API that stay bare lists, each with why it is bounded (docs/pagination.md). Every
 * other field of an object type that returns a list must be a connection's `nodes` or `edges`.
 */
export const BARE_LISTS: Record<string, string> = {
  // Values of one row, not rows.
  'Beneficiary.statuses': 'a value of the person: their few statuses',
  'EligibilityRules.statusesAnyOf': "a value of the programme's rules",
  'Outcome.skillsReached': 'a value of one outcome: the skills of one workshop',
  'Programme.territory': "a value of the programme: its territory's few entries",
  'Venue.services': 'a value of the venue: the services it lists',
  'RegisterBeneficiaryPayload.ineligibilityReasons': 'a value of one refusal: the eligibility rules it failed',
  'AllocateBooksPayload.books': 'the books of one allocation, at most its quantity (1 to 100,000, all or nothing)',
  // Bounded by the domain's own rules.
  'Book.vouchers': "a book's 5 or 10 vouchers",
  'Book.redemptions': 'at most one per voucher of the book: 5 or 10',
  'Book.outcomes': 'at most one per voucher of the book: 5 or 10',
  'Beneficiary.books': 'the few books one person was handed',
  'WorkshopSession.redemptions': 'at most one per seat of the session: 100 at most',
  'Programme.fundingShares': "a programme's co-funders: a handful",
  'Programme.funderStatement': 'one line per funding share of the programme',
  'Programme.credits': 'one per funder of the programme, once it expired',
  'Venue.qualifiedFor': 'the programmes a venue takes: a handful',
  'Venue.workshops': "a venue's catalogue of workshops, not its sessions",
  'Venue.sessionsOn': "one venue's sessions of one day",
  'Query.redemptions': 'answers the ids asked for: at most 100',
  'Query.funders': 'the funders the operator set up: tens, not grown by activity',
  'Query.programmes': 'the programmes funders set up: tens, not grown by activity',
  'Funder.programmes': 'the programmes one funder takes part in: a handful',
  'ReimbursementStatement.lines': "one venue's redemptions of one closed month, bounded by its sessions' seats",
  'ReimbursementStatement.corrections': 'the corrections taken back on one statement: a few',
  // Aggregates: one row per distributor, venue, place or day of a programme.
  'Programme.distributorActivity': 'an aggregate: one row per distributor of the programme',
  'Programme.venueActivity': 'an aggregate: one row per venue of the programme',
  'Programme.redemptionsByDay': 'an aggregate: one row per day of the programme',
  'Programme.redemptionsByPlace': 'an aggregate: one row per commune or département of the territory',
  'ExpiryReport.distributors': 'an aggregate: one row per distributor of the programme',
  // Work queues, read from the top with `first` (1 to 1000): done items leave the queue.
  'Programme.venuesToQualify': 'a work queue read from the top with first',
  'Programme.qualificationProposals': 'a work queue read from the top with first',
  'Query.qualificationProposals': 'a work queue read from the top with first',
  // Answers of one mutation call.
  'CloseMonthPayload.statements': 'what one closeMonth made: one statement per venue paid that month',
  'ExpireProgrammePayload.credits': 'what one expireProgramme credited: one per funder',
  'VenueImportReport.errors': "one import's rejected rows, capped by maxErrors (errorsOmitted counts the rest)",
  'CartographyImportReport.errors': "one import's rejected rows",
  // Reshaped by other branches; the lead removes these lines when they merge.
};

/** `Type.field` of every field of an object type that answers a list without being a connection's `nodes` or `edges`. */
export function bareLists(schema: GraphQLSchema): string[] {
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const isConnection = type.name.endsWith('Connection') && 'pageInfo' in type.getFields();
    for (const field of Object.values(type.getFields())) {
      if (isConnection && (field.name === 'nodes' || field.name === 'edges')) continue;
      if (isListType(getNullableType(field.type))) found.push(`${type.name}.${field.name}`);
    }
  }
  return found;
}

/** The bare lists the allowlist does not give a reason for. */
export const unexplainedLists = (schema: GraphQLSchema, allowed: Record<string, string>): string[] => bareLists(schema).filter((list) => !allowed[list]);

describe('lists that can grow are connections (docs/pagination.md)', () => {
  const api = buildSchema(readFileSync(path.join(root, 'schema', 'api.graphql'), 'utf8'));

  test('every list of the API is a connection, or is allowed as a bare list with its reason', () => {
    expect(unexplainedLists(api, BARE_LISTS)).toEqual([]);
  });

  test('the allowlist names only lists the API has, each with a one-line reason', () => {
    const lists = new Set(bareLists(api));
    expect(Object.keys(BARE_LISTS).filter((list) => !lists.has(list))).toEqual([]);
    for (const reason of Object.values(BARE_LISTS)) expect(reason).toMatch(/^[^\n]{8,120}$/);
  });

  test('it catches a bare list, also on a connection, and passes nodes and edges', () => {
    const planted = buildSchema(`
      type PageInfo { hasNextPage: Boolean! endCursor: String }
      type Book { code: String! }
      type BookEdge { cursor: String! node: Book! }
      type BookConnection { edges: [BookEdge!]! nodes: [Book!]! pageInfo: PageInfo! totalCount: Int! also: [Book!]! }
      type Distributor { books(first: Int, after: String): BookConnection! beneficiaries: [Book!]! }
      type Query { distributors: [Distributor!]! distributor: Distributor }`);
    expect(unexplainedLists(planted, {}).sort()).toEqual(['BookConnection.also', 'Distributor.beneficiaries', 'Query.distributors']);
    expect(unexplainedLists(planted, { 'BookConnection.also': 'x', 'Distributor.beneficiaries': 'x', 'Query.distributors': 'x' })).toEqual([]);
  });
});
