import { startTestHub, type TestHub } from '@pass/test-kit';
import {
  HAND_OUT,
  allocate,
  atTime,
  distributorToken,
  expireProgramme,
  gql,
  handOutFreshBook,
  redeem,
  registerVenue,
  scheduleSessions,
  seedSmallProgramme,
  venueToken,
} from './kit/fixtures';

/*
 * A distributor reports a book lost or stolen: its unused vouchers are blocked at once, the
 * person gets another book, and the blocked value is credited back at the programme's expiry —
 * ordered = redeemed + outstanding + credited back all along.
 */
describe('reportBookLost', () => {
  let hub: TestHub;
  let venueId: string;
  let programmeId: string;
  let distributorId: string;
  let sessions: string[];
  const REPORT = `mutation ($input: ReportBookLostInput!) { reportBookLost(input: $input) { book { code state } vouchersBlocked error { code } } }`;
  const BOOKS = `query ($id: ID!) { distributor(id: $id) { books(first: 100) { nodes { code state lostAt } } } }`;
  const LEDGER = `query ($id: ID!) { programme(id: $id) { ledger { orderedCents redeemedCents outstandingCents creditedBackCents balanced } } }`;

  beforeAll(async () => {
    hub = await startTestHub();
    venueId = await registerVenue(hub, { name: "Gest'Up", address: 'Creil', inseeCode: '60175' });
    ({ programmeId, distributorId } = await seedSmallProgramme(hub, 4, venueId));
    sessions = await scheduleSessions(hub, venueId, 3);
  });
  afterAll(() => hub?.close());

  test('blocks the unused vouchers at once, a replacement book goes to the same person, and expiry credits the blocked value', async () => {
    const lost = await handOutFreshBook(hub, programmeId, distributorId);
    const venue = await venueToken(hub, venueId);
    expect((await redeem(hub, venue, { voucherCode: lost.voucherCodes[0]!, sessionId: sessions[0]! })).error).toBeNull();

    // Only the distributor holding the book reports it.
    const other = await hub.tokenFor({ role: 'distributor' as never, organisationId: '00000000-0000-4000-8000-000000000000' });
    const refused = await hub.graphqlAs(other, REPORT, { input: { bookCode: lost.bookCode, distributorId } });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const token = await distributorToken(hub, distributorId);
    const reported = (await gql(hub, REPORT, { input: { bookCode: lost.bookCode, distributorId } }, token)).reportBookLost;
    expect(reported).toEqual({ book: { code: lost.bookCode, state: 'LOST' }, vouchersBlocked: 4, error: null });
    // The distributor's books page says so too (its page statement once left lost_at out: HANDED_OUT, lostAt null).
    const page = (await gql(hub, BOOKS, { id: distributorId }, token)).distributor.books.nodes;
    expect(page.find((b: { code: string }) => b.code === lost.bookCode)).toEqual({ code: lost.bookCode, state: 'LOST', lostAt: expect.any(String) });
    // Reporting again blocks nothing more.
    expect((await gql(hub, REPORT, { input: { bookCode: lost.bookCode, distributorId } }, token)).reportBookLost.vouchersBlocked).toBe(0);
    expect((await redeem(hub, venue, { voucherCode: lost.voucherCodes[1]!, sessionId: sessions[1]! })).error?.code).toBe('BOOK_REPORTED_LOST');

    // A replacement book for the same person, whose vouchers are usable.
    const [replacement] = await allocate(hub, programmeId, distributorId, 1);
    const handed = (await gql(hub, HAND_OUT, { input: { bookCode: replacement!.code, beneficiaryId: lost.beneficiaryId, distributorId } }, token)).handOutBook;
    expect(handed.error).toBeNull();
    expect(handed.book.beneficiary.id).toBe(lost.beneficiaryId);
    expect((await redeem(hub, venue, { voucherCode: handed.book.vouchers[0].code, sessionId: sessions[1]! })).error).toBeNull();

    // The lost vouchers are still owed to the funders: outstanding until expiry, then credited back.
    const before = (await gql(hub, LEDGER, { id: programmeId })).programme.ledger;
    expect(before).toMatchObject({ orderedCents: 20_000, redeemedCents: 2000, outstandingCents: 18_000, creditedBackCents: 0, balanced: true });
    const year = new Date().getUTCFullYear();
    const expired = await atTime(hub, new Date(`${year + 2}-01-15T12:00:00Z`), () => expireProgramme(hub, programmeId));
    expect(expired.blockedCents).toBe(18_000);
    const after = (await gql(hub, LEDGER, { id: programmeId })).programme.ledger;
    expect(after).toMatchObject({ orderedCents: 20_000, redeemedCents: 2000, outstandingCents: 0, creditedBackCents: 18_000, balanced: true });
  });

  test("a book that is not the distributor's is refused with a typed error", async () => {
    const token = await distributorToken(hub, distributorId);
    const answer = (await gql(hub, REPORT, { input: { bookCode: 'B0000-00000-0000', distributorId } }, token)).reportBookLost;
    expect(answer).toMatchObject({ book: null, error: { code: 'BOOK_NOT_FOUND' } });
  });
});
