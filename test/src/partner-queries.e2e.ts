import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CSO_BUDGET_CENTS } from '@pass/clients';
import { Role } from '@pass/kit';
import { startTestHub, type TestHub } from '@pass/test-kit';

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
    expect(cso.orders).toEqual([
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

  test('distributor: its books with state, pseudonym, vouchers used and where', async () => {
    const { body } = await hub.graphqlAs(
      await hub.tokenFor({ role: Role.DISTRIBUTOR, organisationId: hub.demo!.distributors.peNogent }),
      operation('distributor-books'),
      { distributorId: hub.demo!.distributors.peNogent, first: 200 },
    );
    expect(body.errors).toBeUndefined();
    const d = body.data.distributor;
    expect(d.name).toBe('Pôle emploi Creil / Nogent-sur-Oise');
    expect(d.booksAllocated).toBe(120);
    expect(d.booksHandedOut).toBe(6);
    expect(d.vouchersRedeemed).toBe(12);
    expect(d.books).toHaveLength(120);
    const handedOut = d.books.filter((b: any) => b.state === 'HANDED_OUT');
    expect(handedOut).toHaveLength(6);
    for (const book of handedOut) {
      expect(book.beneficiary.pseudonym).toMatch(/^P-[0-9A-Z]{10}$/);
      expect(book.vouchersUsed).toBe(book.redemptions.length);
      for (const r of book.redemptions) expect(r.venue.name).toBe('Les Compagnons du Marais');
    }
    expect(handedOut.map((b: any) => b.vouchersUsed).sort()).toEqual([1, 1, 2, 2, 3, 3]);
    expect(d.books.filter((b: any) => b.state === 'ALLOCATED').every((b: any) => b.beneficiary === null)).toBe(true);
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
    const redemptions = v.sessions.flatMap((s: any) => s.redemptions);
    expect(redemptions).toHaveLength(7);
    for (const r of redemptions) {
      expect(r.voucher.code).toMatch(/^V[0-9A-Z]{13}$/);
      expect(r.programme.name).toBe('Pass numérique Creil Sud Oise');
      expect(r.amountCents).toBe(1000);
    }
    expect(v.sessions[0].workshop).toEqual({ topic: 'Writing a CV and applying online', axis: 'EMPOWER', durationMinutes: 120 });
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
    expect(p.qualifiedVenues).toHaveLength(6);
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
