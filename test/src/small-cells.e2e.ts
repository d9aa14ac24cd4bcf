import { Role } from '@pass/access';
import { startTestHub, type TestHub } from '@pass/test-kit';
import { atTime, gql, handOutFreshBook, qualifyVenue, redeem, registerVenue, scheduleSessions, seedSmallProgramme, venueToken } from './kit/fixtures';

/*
 * Analysts never see a count between 1 and 4 for a commune, a département or a venue (the CNIL's
 * small-cell rule for statistics on people); the programme's insiders keep the exact figures.
 * Seeded through the API: five venues of Creil Sud Oise, two of them in Creil.
 */
const PLAN = [
  { name: 'EPN Creil centre', inseeCode: '60175', redemptions: 7 },
  { name: 'Médiathèque Creil', inseeCode: '60175', redemptions: 3 },
  { name: 'Espace numérique Nogent', inseeCode: '60463', redemptions: 6 },
  { name: 'Point numérique Montataire', inseeCode: '60414', redemptions: 2 },
  { name: 'Maison France services Villers', inseeCode: '60684', redemptions: 1 },
];
const TOTAL = PLAN.reduce((n, v) => n + v.redemptions, 0);

const FIGURES = `query($id: ID!) { programme(id: $id) {
  vouchersRedeemed redeemedAmountCents
  communes: redemptionsByPlace(level: COMMUNE) { code vouchersRedeemed amountCents suppressed }
  departements: redemptionsByPlace(level: DEPARTEMENT) { code vouchersRedeemed amountCents suppressed }
  venueActivity { venue { id } vouchersRedeemed amountCents }
} }`;

interface Row {
  vouchersRedeemed: number;
  amountCents: number;
}
interface Figures {
  vouchersRedeemed: number;
  redeemedAmountCents: number;
  communes: (Row & { code: string; suppressed: boolean })[];
  departements: (Row & { code: string; suppressed: boolean })[];
  venueActivity: (Row & { venue: { id: string } })[];
}

const sum = (rows: Row[], f: (r: Row) => number = (r) => r.vouchersRedeemed) => rows.reduce((n, r) => n + f(r), 0);
const isSmall = (r: Row) => r.vouchersRedeemed >= 1 && r.vouchersRedeemed <= 4;

describe('small cells for analysts', () => {
  let hub: TestHub;
  let programmeId: string;
  const venueIds: string[] = [];
  let smallVenueSession: string;
  let distributorId: string;

  beforeAll(async () => {
    hub = await startTestHub();
    for (const v of PLAN) venueIds.push(await registerVenue(hub, { name: v.name, address: v.name, inseeCode: v.inseeCode }));
    const seeded = await seedSmallProgramme(hub, 8, venueIds[0]!);
    programmeId = seeded.programmeId;
    distributorId = seeded.distributorId;
    for (const venueId of venueIds.slice(1)) await qualifyVenue(hub, { venueId, programmeId });
    await hub.catchUp();
    // Books of 5 vouchers; one voucher of a book per session, so each redemption has its own session.
    const codes: string[] = [];
    while (codes.length < TOTAL) codes.push(...(await handOutFreshBook(hub, programmeId, seeded.distributorId)).voucherCodes);
    for (const [i, v] of PLAN.entries()) {
      const sessions = await scheduleSessions(hub, venueIds[i]!, v.redemptions);
      const token = await venueToken(hub, venueIds[i]!);
      if (i === 4) smallVenueSession = sessions[0]!;
      for (const sessionId of sessions) expect((await redeem(hub, token, { voucherCode: codes.pop()!, sessionId })).error).toBeNull();
    }
  });
  afterAll(() => hub?.close());

  const figuresAs = async (token: string) => (await gql<{ programme: Figures }>(hub, FIGURES, { id: programmeId }, token)).programme;

  test("an analyst's figures by commune, département and venue never show a count between 1 and 4, and add up to the total", async () => {
    const f = await figuresAs(await hub.tokenFor({ role: Role.ANALYST }));
    expect(f.vouchersRedeemed).toBe(TOTAL);
    for (const table of [f.communes, f.departements, f.venueActivity]) {
      expect(table.filter(isSmall)).toEqual([]);
      // The published rows never exceed the total, and what they leave out is itself 0 or 5 and more.
      const rest = TOTAL - sum(table);
      expect(rest === 0 || rest >= 5).toBe(true);
    }
    // Venues of 3, 2 and 1 merged: 6 redemptions in one row, the same in every table.
    expect(f.communes).toEqual([
      { code: '60175', vouchersRedeemed: 7, amountCents: 7000, suppressed: false },
      { code: '60463', vouchersRedeemed: 6, amountCents: 6000, suppressed: false },
      { code: 'OTHER', vouchersRedeemed: 6, amountCents: 6000, suppressed: true },
    ]);
    expect(f.departements).toEqual([
      { code: '60', vouchersRedeemed: 13, amountCents: 13000, suppressed: false },
      { code: 'OTHER', vouchersRedeemed: 6, amountCents: 6000, suppressed: true },
    ]);
    expect(sum(f.communes)).toBe(TOTAL);
    expect(sum(f.communes, (r) => r.amountCents)).toBe(f.redeemedAmountCents);
    expect(sum(f.departements)).toBe(TOTAL);
    expect(f.venueActivity).toEqual([
      { venue: { id: venueIds[0] }, vouchersRedeemed: 7, amountCents: 7000 },
      { venue: { id: venueIds[2] }, vouchersRedeemed: 6, amountCents: 6000 },
    ]);
    // No difference between tables gives a small count away: Creil's commune figure is its one
    // published venue's, not the 10 that would reveal the Médiathèque's 3.
    const creil = f.communes.find((c) => c.code === '60175')!;
    expect(creil.vouchersRedeemed).toBe(sum(f.venueActivity.filter((v) => v.venue.id === venueIds[0] || v.venue.id === venueIds[1])));
  });

  test("an analyst cannot read one venue's running figures either (its month so far, a session's seats left)", async () => {
    const analyst = await hub.tokenFor({ role: Role.ANALYST });
    const { body } = await hub.graphqlAs(analyst, 'query($v: ID!, $s: ID!) { venue(id: $v) { monthToDate { vouchersRedeemed } } workshopSession(id: $s) { seatsLeft } }', {
      v: venueIds[4],
      s: smallVenueSession,
    });
    expect(body.errors?.map((e: { path?: unknown[]; extensions?: { code?: string } }) => [e.path?.join('.'), e.extensions?.code]).sort()).toEqual([
      ['venue.monthToDate', 'FORBIDDEN'],
      ['workshopSession.seatsLeft', 'FORBIDDEN'],
    ]);
  });

  test('a coordinator of the programme still sees the exact figures', async () => {
    const f = await figuresAs(await hub.tokenFor({ role: Role.COORDINATOR, organisationId: 'coordination-cso', programmeIds: [programmeId] }));
    expect(f.communes.map((c) => [c.code, c.vouchersRedeemed, c.suppressed])).toEqual([
      ['60175', 10, false],
      ['60463', 6, false],
      ['60414', 2, false],
      ['60684', 1, false],
    ]);
    expect(f.departements.map((d) => [d.code, d.vouchersRedeemed])).toEqual([['60', TOTAL]]);
    expect(f.venueActivity.map((v) => [v.venue.id, v.vouchersRedeemed])).toEqual(
      PLAN.map((p, i) => [venueIds[i], p.redemptions]).sort((a, b) => (b[1] as number) - (a[1] as number)),
    );
  });

  const PEOPLE = `query($id: ID!) {
    programme(id: $id) { booksHandedOut vouchersRedeemed distributorActivity { distributor { id } booksHandedOut vouchersRedeemed } redemptionsByDay { day vouchersRedeemed } }
    expiryReport(programmeId: $id) { booksHandedOut distributors { distributor { id } booksHandedOut booksStarted } }
  }`;
  const coordinator = () => hub.tokenFor({ role: Role.COORDINATOR, organisationId: 'coordination-cso', programmeIds: [programmeId] });

  test("an analyst never sees a distributor's 1 to 4 books handed out, in the activity table or the D-30 report; insiders do", async () => {
    // 19 redemptions came from 4 books of 5 vouchers, all handed out by the one distributor.
    const asAnalyst = await gql(hub, PEOPLE, { id: programmeId }, await hub.tokenFor({ role: Role.ANALYST }));
    expect(asAnalyst.programme.booksHandedOut).toBe(4);
    expect(asAnalyst.programme.distributorActivity).toEqual([]);
    expect(asAnalyst.expiryReport.booksHandedOut).toBe(4);
    expect(asAnalyst.expiryReport.distributors).toEqual([]);
    const asCoordinator = await gql(hub, PEOPLE, { id: programmeId }, await coordinator());
    expect(asCoordinator.programme.distributorActivity).toEqual([{ distributor: { id: distributorId }, booksHandedOut: 4, vouchersRedeemed: TOTAL }]);
    expect(asCoordinator.expiryReport.distributors).toEqual([{ distributor: { id: distributorId }, booksHandedOut: 4, booksStarted: 4 }]);

    // A fifth book handed out: 5 books, 19 redemptions, no small count left; the analyst sees the row.
    await handOutFreshBook(hub, programmeId, distributorId);
    const after = await gql(hub, PEOPLE, { id: programmeId }, await hub.tokenFor({ role: Role.ANALYST }));
    expect(after.programme.distributorActivity).toEqual([{ distributor: { id: distributorId }, booksHandedOut: 5, vouchersRedeemed: TOTAL }]);
  });

  test('an analyst never sees a day counting 1 to 4 redemptions, nor one it could recover from the total; insiders do', async () => {
    // Two redemptions three days ago, the hub's clock moved back then.
    const { voucherCodes } = await handOutFreshBook(hub, programmeId, distributorId);
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000);
    // Sittings of that day: a voucher is taken on its session's day or up to 7 days after.
    const sessions = await scheduleSessions(hub, venueIds[0]!, 2, 12, threeDaysAgo);
    const atVenue = await venueToken(hub, venueIds[0]!);
    for (const [i, sessionId] of sessions.entries()) {
      const answer = await atTime(hub, threeDaysAgo, () => redeem(hub, atVenue, { voucherCode: voucherCodes[i]!, sessionId, idempotencyKey: `small-day-${i}` }));
      expect(answer.error).toBeNull();
    }
    const insider = (await gql(hub, PEOPLE, { id: programmeId }, await coordinator())).programme;
    expect(insider.redemptionsByDay.map((d: { vouchersRedeemed: number }) => d.vouchersRedeemed)).toEqual([2, TOTAL]);
    const analyst = (await gql(hub, PEOPLE, { id: programmeId }, await hub.tokenFor({ role: Role.ANALYST }))).programme;
    expect(analyst.vouchersRedeemed).toBe(TOTAL + 2);
    // The day of 2 is left out; the day of 19 too, or the total would give the 2 away.
    expect(analyst.redemptionsByDay).toEqual([]);
    const rest = analyst.vouchersRedeemed - sum(analyst.redemptionsByDay);
    expect(rest === 0 || rest >= 5).toBe(true);
  });
});
