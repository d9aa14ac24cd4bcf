import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Role } from '@pass/access';
import { startTestHub, totalSqlStatements, type TestHub } from '@pass/test-kit';
import { allocateBooks } from './kit/fixtures';

/*
 * A list query must cost a constant number of SQL statements whatever its length: loaders batch
 * each level into one statement, and entity references from the gateway arrive batched too.
 */
const QUERY = `query Books($id: ID!, $first: Int!) {
  distributor(id: $id) {
    name
    books(first: $first) {
      totalCount
      nodes {
        code state vouchersUsed
        programme { name }
        beneficiary { pseudonym }
        vouchers { code state }
        redemptions { venue { name } session { startsAt } }
      }
    }
  }
}`;

describe('N+1 guard', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ demo: true });
    // Two more distributors of the BFC programme: one with 10 books, one with 1,000.
    const { mlDijon } = hub.demo!.distributors;
    await allocateBooks(hub, { programmeId: hub.demo!.programmes.bfc, distributorId: mlDijon!, quantity: 1000 - 50 }, hub.demo!.funders.bfc);
  });
  afterAll(() => hub?.close());

  /** Every subgraph's statements so far, read from their `/metrics` (the same in either layout). */
  const totalStatements = () => totalSqlStatements(hub);

  async function statementsFor(first: number): Promise<{ statements: number; books: number }> {
    const before = await totalStatements();
    const { body } = await hub.graphql(QUERY, { id: hub.demo!.distributors.mlDijon, first });
    expect(body.errors).toBeUndefined();
    return { statements: (await totalStatements()) - before, books: body.data.distributor.books.nodes.length };
  }

  test('a page of 10 books and a page of 100 cost the same number of SQL statements', async () => {
    const small = await statementsFor(10);
    const large = await statementsFor(100);
    expect(small.books).toBe(10);
    expect(large.books).toBe(100);
    expect(small.statements).toBeGreaterThan(0);
    expect(large.statements).toBe(small.statements);
  });

  test("a page of venues with a page of each one's sessions costs the same for 2 venues as for 8", async () => {
    const VENUES = `query Venues($first: Int!) { venues(first: $first) { nodes {
      name sessions(first: 2) { totalCount nodes { startsAt workshop { topic } } }
      workshops { sessions(first: 2) { totalCount nodes { seats } } } } } }`;
    const statementsFor = async (first: number) => {
      const before = await totalStatements();
      const { body } = await hub.graphql(VENUES, { first });
      expect(body.errors).toBeUndefined();
      return { statements: (await totalStatements()) - before, venues: body.data.venues.nodes.length };
    };
    const small = await statementsFor(2);
    const large = await statementsFor(8);
    expect([small.venues, large.venues]).toEqual([2, 8]);
    expect(large.statements).toBe(small.statements);
  });

  /*
   * Each statement is a round trip to PostgreSQL that a subgraph waits for and PostgreSQL spends
   * CPU on: on the bench (docs/benchmarks.md, "One statement where there were two") they are most
   * of a partner request's cost. These are the counts the four partner queries make after the
   * joins of 3 December; a change that adds one fails here, and should say why in this table.
   */
  test("the four partner queries' statements, by subgraph", async () => {
    const operation = (name: string) => readFileSync(path.resolve(__dirname, '../../clients/operations', `${name}.graphql`), 'utf8');
    const { demo } = hub;
    const asked = [
      { name: 'funder-programme', caller: { role: Role.FUNDER, organisationId: demo!.funders.cso }, variables: { funderId: demo!.funders.cso } },
      { name: 'distributor-books', caller: { role: Role.DISTRIBUTOR, organisationId: demo!.distributors.peNogent! }, variables: { distributorId: demo!.distributors.peNogent, first: 100 } },
      { name: 'venue-sessions', caller: { role: Role.VENUE, organisationId: demo!.venues.gestUp! }, variables: { venueId: demo!.venues.gestUp } },
      { name: 'coordinator-programme', caller: { role: Role.COORDINATOR, organisationId: 'coordination-cso', programmeIds: [demo!.programmes.cso] }, variables: { programmeId: demo!.programmes.cso } },
    ];
    const counted: Record<string, Record<string, number>> = {};
    for (const query of asked) {
      const token = await hub.tokenFor(query.caller);
      // Once first: the replicas and caches a first request fills are not what every request costs.
      await hub.graphqlAs(token, operation(query.name), query.variables);
      const before = await hub.sqlStatements();
      const { body } = await hub.graphqlAs(token, operation(query.name), query.variables);
      expect(body.errors).toBeUndefined();
      const after = await hub.sqlStatements();
      counted[query.name] = Object.fromEntries(Object.entries(after).map(([subgraph, n]) => [subgraph, n - (before[subgraph] ?? 0)]).filter(([, n]) => n !== 0));
    }
    expect(counted).toEqual({
      'funder-programme': { programmes: 4, vouchers: 3 },
      'distributor-books': { beneficiaries: 2, vouchers: 3 },
      'venue-sessions': { venues: 3, vouchers: 3 },
      'coordinator-programme': { programmes: 1, beneficiaries: 1, venues: 1, vouchers: 3 },
    });
  });
});
