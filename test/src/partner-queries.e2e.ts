import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CSO_BUDGET_CENTS } from '@pass/clients';
import { Role } from '@pass/access';
import { everyNode, startTestHub, type TestHub } from '@pass/test-kit';

const operation = (name: string) => readFileSync(path.resolve(__dirname, '../../clients/operations', `${name}.graphql`), 'utf8');

/*
 * The four partner queries of the README, each one request through the gateway that crosses
 * subgraphs, checked against what the demo data loaded. In the demo, person i of the CSO
 * programme used (i mod 3) + 1 vouchers: 12 at Les Compagnons du Marais, 7 at Gest'Up, 6 at PIMMS.
 */
describe('partner queries through the gateway, each as its partner', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ demo: true });
  });
  afterAll(() => hub?.close());

  test('funder: programmes, orders, shares, books and redemptions per venue', async () => {
    const { status, body } = await hub.graphqlAs(
      await hub.tokenFor({ role: Role.FUNDER, organisationId: hub.demo!.funders.cso }),
      operation('funder-programme'),
      { funderId: hub.demo!.funders.cso },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const [cso] = body.data.funder.programmes;
    expect(cso.name).toBe('Pass numérique Creil Sud Oise');
    expect(cso.budgetCents).toBe(CSO_BUDGET_CENTS);
    expect(cso.fundingShares.map((s: any) => [s.funder.name, s.basisPoints])).toEqual([
      ['État — Agence nationale de la cohésion des territoires (ANCT)', 6500],
      ['Agglomération Creil Sud Oise', 2100],
      ['Union européenne', 1400],
    ]);
    expect(cso.orders.totalCount).toBe(1);
    expect(cso.orders.nodes).toEqual([
      expect.objectContaining({ bookCount: 1570, vouchersPerBook: 5, faceValueCents: 1000, faceValueTotalCents: CSO_BUDGET_CENTS, status: 'PAID' }),
    ]);
    expect(cso.booksIssued).toBe(1570);
    expect(cso.booksHandedOut).toBe(13);
    expect(cso.vouchersRedeemed).toBe(25);
    expect(cso.redeemedAmountCents).toBe(25_000);
    expect(cso.outstandingAmountCents).toBe(CSO_BUDGET_CENTS - 25_000);
    expect(cso.venueActivity.map((v: any) => [v.venue.name, v.vouchersRedeemed, v.amountCents])).toEqual([
      ['Les Compagnons du Marais', 12, 12_000],
      ["Gest'Up", 7, 7_000],
      ['Point information médiation multi-services (PIMMS) de Creil', 6, 6_000],
    ]);
  });

  test('distributor: its books with state, pseudonym, vouchers used and where, page by page', async () => {
    const token = await hub.tokenFor({ role: Role.DISTRIBUTOR, organisationId: hub.demo!.distributors.peNogent });
    const pages: any[] = [];
    const books: any[] = await everyNode(async (after) => {
      const { body } = await hub.graphqlAs(token, operation('distributor-books'), { distributorId: hub.demo!.distributors.peNogent, first: 50, after });
      expect(body.errors).toBeUndefined();
      pages.push(body.data.distributor);
      return body.data.distributor.books;
    });
    const d = pages[0];
    expect(d.name).toBe('Pôle emploi Creil / Nogent-sur-Oise');
    expect(d.booksAllocated).toBe(120);
    expect(d.booksHandedOut).toBe(6);
    expect(d.vouchersRedeemed).toBe(12);
    // 50 + 50 + 20: every book once, in code order, and only the last page says nothing follows.
    expect(pages.map((p) => p.books.nodes.length)).toEqual([50, 50, 20]);
    expect(pages.map((p) => p.books.pageInfo.hasNextPage)).toEqual([true, true, false]);
    expect(pages.every((p) => p.books.totalCount === 120)).toBe(true);
    const codes = books.map((b) => b.code);
    expect(new Set(codes).size).toBe(120);
    expect(codes).toEqual([...codes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const handedOut = books.filter((b: any) => b.state === 'HANDED_OUT');
    expect(handedOut).toHaveLength(6);
    for (const book of handedOut) {
      expect(book.beneficiary.pseudonym).toMatch(/^P-[0-9A-Z]{10}$/);
      expect(book.vouchersUsed).toBe(book.redemptions.length);
      for (const r of book.redemptions) expect(r.venue.name).toBe('Les Compagnons du Marais');
    }
    expect(handedOut.map((b: any) => b.vouchersUsed).sort()).toEqual([1, 1, 2, 2, 3, 3]);
    expect(books.filter((b: any) => b.state === 'ALLOCATED').every((b: any) => b.beneficiary === null)).toBe(true);
  });

  test("distributor books: edges carry each book's cursor, and the page after a cursor starts after that book", async () => {
    const query = `query($id: ID!, $after: String) { distributor(id: $id) { books(first: 3, after: $after) {
      edges { cursor node { code } } pageInfo { hasNextPage endCursor } } } }`;
    const first = (await hub.graphql(query, { id: hub.demo!.distributors.peNogent })).body.data.distributor.books;
    expect(first.edges).toHaveLength(3);
    expect(first.pageInfo.endCursor).toBe(first.edges[2].cursor);
    const { body } = await hub.graphql(query, { id: hub.demo!.distributors.peNogent, after: first.edges[0].cursor });
    expect(body.data.distributor.books.edges.map((e: any) => e.node.code)).toEqual([first.edges[1].node.code, first.edges[2].node.code, expect.any(String)]);
    expect(body.data.distributor.books.edges[2].node.code > first.edges[2].node.code).toBe(true);
  });

  test('distributor books: a first out of 1-100 or a forged cursor is BAD_USER_INPUT naming the argument', async () => {
    const ask = (variables: Record<string, unknown>) =>
      hub.graphql('query($id: ID!, $first: Int!, $after: String) { distributor(id: $id) { books(first: $first, after: $after) { nodes { code } } } }', {
        id: hub.demo!.distributors.peNogent,
        first: 10,
        ...variables,
      });
    const refusal = async (variables: Record<string, unknown>) => {
      const { body } = await ask(variables);
      expect(body.errors).toHaveLength(1);
      return { code: body.errors![0].extensions.code, field: body.errors![0].extensions.field };
    };
    for (const first of [0, -1, 101, 1000]) expect(await refusal({ first })).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
    const real = (await ask({ first: 1 })).body.data.distributor.books;
    expect(real.nodes).toHaveLength(1);
    const forged = [
      'not a cursor!',
      Buffer.from('B-0001').toString('base64url'),
      Buffer.from(JSON.stringify(['v1', 'Venue.statements', 'B-0001'])).toString('base64url'),
      Buffer.from(JSON.stringify(['v0', 'Distributor.books', 'B-0001'])).toString('base64url'),
      'x'.repeat(500),
    ];
    for (const after of forged) expect(await refusal({ after })).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    expect((await ask({ first: 100 })).body.errors).toBeUndefined();
  });

  test('venue: sessions with redemptions, voucher codes, programme names and the amount due this month', async () => {
    const { body } = await hub.graphqlAs(
      await hub.tokenFor({ role: Role.VENUE, organisationId: hub.demo!.venues.gestUp }),
      operation('venue-sessions'),
      { venueId: hub.demo!.venues.gestUp },
    );
    expect(body.errors).toBeUndefined();
    const v = body.data.venue;
    expect(v.name).toBe("Gest'Up");
    expect(v.amountDueCents).toBe(7_000);
    expect(v.sessions.pageInfo.hasNextPage).toBe(false);
    const redemptions = v.sessions.nodes.flatMap((s: any) => s.redemptions);
    expect(redemptions).toHaveLength(7);
    for (const r of redemptions) {
      expect(r.voucher.code).toMatch(/^V[0-9A-Z]{13}$/);
      expect(r.programme.name).toBe('Pass numérique Creil Sud Oise');
      expect(r.amountCents).toBe(1000);
    }
    expect(v.sessions.nodes[0].workshop).toEqual({ topic: 'Writing a CV and applying online', axis: 'EMPOWER', durationMinutes: 120 });
  });

  test('coordinator: a programme with its venues and distributors and their counts', async () => {
    const { body } = await hub.graphqlAs(
      await hub.tokenFor({ role: Role.COORDINATOR, organisationId: 'coordination-cso', programmeIds: [hub.demo!.programmes.cso] }),
      operation('coordinator-programme'),
      { programmeId: hub.demo!.programmes.cso },
    );
    expect(body.errors).toBeUndefined();
    const p = body.data.programme;
    expect(p.territory).toEqual(['epci:200068047']);
    expect(p.vouchersIssued).toBe(1570 * 5);
    expect(p.booksAllocated).toBe(360);
    expect(p.qualifiedVenues.totalCount).toBe(6);
    expect(p.qualifiedVenues.nodes).toHaveLength(6);
    expect(p.distributorActivity.map((d: any) => [d.distributor.name, d.booksAllocated, d.booksHandedOut, d.vouchersRedeemed])).toEqual([
      ['Pôle emploi Creil / Nogent-sur-Oise', 120, 6, 12],
      ['Pôle emploi Creil / Montataire', 100, 4, 7],
      ['Pôle emploi Creil / Saint-Maximin', 80, 0, 0],
      ['Mission locale de Creil', 60, 3, 6],
    ]);
    expect(p.venueActivity.reduce((sum: number, v: any) => sum + v.vouchersRedeemed, 0)).toBe(p.vouchersRedeemed);
  });

  test('the gateway is healthy and ready, and counts requests in /metrics', async () => {
    const base = hub.gatewayUrl.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect((await ready.json()).subgraphs).toHaveLength(4);
    expect(await (await fetch(`${base}/metrics`)).text()).toMatch(/^graphql_operations_total\{operation_type="query",outcome="ok",service="gateway"\} [1-9]/m);
  });
});
