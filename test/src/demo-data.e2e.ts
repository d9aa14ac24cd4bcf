import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Role } from '@pass/access';
import { everyNode, startTestHub, type TestHub } from '@pass/test-kit';

const clientsDir = path.resolve(__dirname, '../../clients');
const operation = (name: string) => readFileSync(path.join(clientsDir, 'operations', `${name}.graphql`), 'utf8');

/*
 * The demo data goes through the gateway only, each step as the partner who does it: the audit
 * log, which only the API writes, shows every step with its partner's role and organisation. A
 * loader that went back to the subgraphs' managers would leave it empty (and fail the lint: the
 * demo folder may import no subgraph, test/src/gates).
 */
describe('the demo data, loaded through the API', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ demo: true });
  });
  afterAll(() => hub?.close());

  test('the audit log shows each step done by its partner: operator, funders, coordinators, venues, distributors', async () => {
    // The log is a connection (100 entries a page at most): every page, newest first.
    const entries: { action: string; role: string; organisationId: string }[] = [];
    for (let after: string | null = null; ; ) {
      const { body }: { body: any } = await hub.graphql('query($after: String) { auditLog(first: 100, after: $after) { nodes { action role organisationId } pageInfo { hasNextPage endCursor } } }', { after });
      expect(body.errors).toBeUndefined();
      entries.push(...body.data.auditLog.nodes);
      if (!body.data.auditLog.pageInfo.hasNextPage) break;
      after = body.data.auditLog.pageInfo.endCursor;
    }
    const byAction: Record<string, string[]> = {};
    for (const e of entries) (byAction[e.action.replace(/^mutation:/, '')] ??= []).push(e.role);
    const tally = Object.fromEntries(
      Object.entries(byAction).map(([action, roles]) => [action, Object.fromEntries([...new Set(roles)].sort().map((r) => [r, roles.filter((x) => x === r).length]))]),
    );
    const demo = hub.demo!;
    expect(tally).toEqual({
      registerFunder: { operator: 6 },
      registerDistributor: { operator: 7 },
      // The CSO agglomeration sets its programme up with its co-funders; the operator the three others, from signed agreements.
      createProgramme: { funder: 1, operator: 3 },
      acceptFundingShare: { funder: 2 },
      placeOrder: { funder: 5 },
      recordOrderPayment: { funder: 4 },
      issueBooks: { operator: 4 },
      allocateBooks: { funder: 7 },
      registerVenue: { coordinator: 9 },
      qualifyVenue: { coordinator: 9 },
      publishWorkshop: { venue: 8 },
      // Three sittings of the first workshop at each of the seven venues with workshops.
      scheduleSession: { venue: 21 },
      registerBeneficiary: { distributor: 20 },
      handOutBook: { distributor: 20 },
      redeemVoucher: { venue: demo.redemptions },
    });
    const organisationsOf = (action: string) => new Set(entries.filter((e) => e.action === `mutation:${action}`).map((e) => e.organisationId));
    expect(organisationsOf('createProgramme')).toEqual(new Set(['operator', demo.funders.cso]));
    expect(organisationsOf('acceptFundingShare')).toEqual(new Set([demo.funders.state, demo.funders.eu]));
    expect(organisationsOf('redeemVoucher')).toEqual(new Set(['compagnons', 'gestUp', 'pimms', 'chaiBonnat', 'guyMoquet', 'dijonEpn'].map((k) => demo.venues[k])));
    expect(organisationsOf('handOutBook')).toEqual(new Set(['peNogent', 'peMontataire', 'mlCreil', 'ccasGueret', 'guyMoquet', 'mlDijon'].map((k) => demo.distributors[k])));
    expect(organisationsOf('qualifyVenue')).toEqual(new Set(['coordination-cso', 'coordination-bfc', 'coordination-creuse', 'coordination-aulnoye']));
  });

  test("the distributor's books operation, at its default page size, pages through all 120 of the demo distributor's books", async () => {
    const token = await hub.tokenFor({ role: Role.DISTRIBUTOR, organisationId: hub.demo!.distributors.peNogent });
    const pages: { nodes: unknown[]; pageInfo: { hasNextPage: boolean } }[] = [];
    const books = await everyNode<{ code: string }>(async (after) => {
      const { body } = await hub.graphqlAs(token, operation('distributor-books'), { distributorId: hub.demo!.distributors.peNogent, after });
      expect(body.errors).toBeUndefined();
      pages.push(body.data.distributor.books);
      return body.data.distributor.books;
    });
    expect(pages.map((p) => [p.nodes.length, p.pageInfo.hasNextPage])).toEqual([
      [100, true],
      [20, false],
    ]);
    expect(new Set(books.map((b) => b.code)).size).toBe(120);
  });
});
