import { randomUUID } from 'node:crypto';
// Well-formed codes that were never issued, for the not-found refusals: no seeding.
import { generateCodes } from '@pass/vouchers';
import { startTestHub, type TestHub } from '@pass/test-kit';
import {
  HAND_OUT,
  allocate,
  atTime,
  createProgramme,
  distributorToken,
  gql,
  handOutFreshBook,
  issueBooks,
  placeOrder,
  qualifyVenue,
  recordOrderPayment,
  redeem,
  registerEligible,
  registerVenue,
  scheduleSessions,
  venueToken,
  type PersonInput,
} from './kit/fixtures';

/*
 * Every refusal of a redemption and of a hand-out, each reached through the gateway by the
 * situation that causes it, with the voucher or book left as it was. The rules that depend on
 * the day are reached by moving the hub's clock. The voucher's and book's rows are read to prove
 * that a refusal changed nothing.
 */
describe('redemption and hand-out refusals', () => {
  let hub: TestHub;
  let cso: string;
  let peNogent: string;
  let compagnons: string;
  let compagnonsSession: string;
  /** The venue's token, for redeeming in its sessions. */
  let atCompagnons: string;

  beforeAll(async () => {
    hub = await startTestHub({ demo: true });
    cso = hub.demo!.programmes.cso;
    peNogent = hub.demo!.distributors.peNogent!;
    compagnons = hub.demo!.venues.compagnons!;
    // The demo's own session there is full: the demo took its 12 seats.
    [compagnonsSession] = (await scheduleSessions(hub, compagnons, 1, 100)) as [string];
    atCompagnons = await venueToken(hub, compagnons);
  });
  afterAll(() => hub?.close());

  const vouchersDb = () => hub.subgraphs.vouchers.dataSource;
  const freshVoucher = async () => (await handOutFreshBook(hub, cso, peNogent)).voucherCodes[0]!;

  async function voucherState(code: string): Promise<{ state: string; redemptions: number }> {
    const [row] = await vouchersDb().query(
      `select v.state, (select count(*)::int from redemption r where r.voucher_id = v.id) as redemptions from voucher v where v.code = $1`,
      [code],
    );
    return row;
  }

  /** Expects a refusal with this code, and the voucher (when it exists) still unused. */
  async function expectRefused(input: { voucherCode: string; sessionId: string; idempotencyKey?: string }, code: string, token = atCompagnons): Promise<void> {
    const answer = await redeem(hub, token, input);
    expect(answer).toEqual({ redemption: null, error: { code, message: expect.any(String) } });
    const [exists] = await vouchersDb().query(`select 1 from voucher where code = $1`, [input.voucherCode]);
    if (exists && code !== 'VOUCHER_ALREADY_REDEEMED') expect(await voucherState(input.voucherCode)).toEqual({ state: 'AVAILABLE', redemptions: 0 });
  }

  /** One symbol of a code replaced by the next symbol of the alphabet. */
  function mistype(code: string, at: number): string {
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    const next = alphabet[(alphabet.indexOf(code[at]!) + 1) % alphabet.length]!;
    return code.slice(0, at) + next + code.slice(at + 1);
  }

  describe('redeemVoucher', () => {
    test('VOUCHER_NOT_FOUND: a well-formed code nobody issued, a book code, or no code at all', async () => {
      const [unissued] = generateCodes('voucher', 1);
      await expectRefused({ voucherCode: unissued!, sessionId: compagnonsSession }, 'VOUCHER_NOT_FOUND');
      await expectRefused({ voucherCode: hub.demo!.handedOutBooks[0]!.code, sessionId: compagnonsSession }, 'VOUCHER_NOT_FOUND');
      await expectRefused({ voucherCode: 'not a voucher', sessionId: compagnonsSession }, 'VOUCHER_NOT_FOUND');
    });

    test('VOUCHER_CODE_MISTYPED: one symbol changed or two swapped, and the real voucher stays unused', async () => {
      const voucherCode = await freshVoucher();
      for (const at of [1, 7, 12, 13]) await expectRefused({ voucherCode: mistype(voucherCode, at), sessionId: compagnonsSession }, 'VOUCHER_CODE_MISTYPED');
      const swapAt = [...voucherCode].findIndex((c, i) => i > 0 && i + 1 < voucherCode.length && c !== voucherCode[i + 1]);
      const swapped = voucherCode.slice(0, swapAt) + voucherCode[swapAt + 1] + voucherCode[swapAt] + voucherCode.slice(swapAt + 2);
      await expectRefused({ voucherCode: swapped, sessionId: compagnonsSession }, 'VOUCHER_CODE_MISTYPED');
      expect(await voucherState(voucherCode)).toEqual({ state: 'AVAILABLE', redemptions: 0 });
      // Typed in lower case with dashes and spaces, the right code is accepted.
      const typed = `${voucherCode.slice(0, 5)}-${voucherCode.slice(5, 10)} ${voucherCode.slice(10)}`.toLowerCase();
      expect((await redeem(hub, atCompagnons, { voucherCode: typed, sessionId: compagnonsSession })).redemption?.voucher.code).toBe(voucherCode);
    });

    test('VOUCHER_ALREADY_REDEEMED: a second redemption, even in another session of another venue', async () => {
      const voucherCode = await freshVoucher();
      expect((await redeem(hub, atCompagnons, { voucherCode, sessionId: compagnonsSession })).redemption).not.toBeNull();
      await expectRefused({ voucherCode, sessionId: compagnonsSession }, 'VOUCHER_ALREADY_REDEEMED');
      await expectRefused({ voucherCode, sessionId: hub.demo!.sessions.gestUp! }, 'VOUCHER_ALREADY_REDEEMED', await venueToken(hub, hub.demo!.venues.gestUp!));
      expect(await voucherState(voucherCode)).toEqual({ state: 'REDEEMED', redemptions: 1 });
    });

    test('VOUCHER_EXPIRED: a programme whose window has passed, or not begun', async () => {
      const expiredBooks = await programmeWithWindow('2020-01-01', '2020-12-31');
      const year = new Date().getUTCFullYear();
      const futureBooks = await programmeWithWindow(`${year + 2}-01-01`, `${year + 2}-12-31`);
      for (const book of [expiredBooks, futureBooks]) {
        await expectRefused({ voucherCode: book.vouchers[0]!.code, sessionId: compagnonsSession }, 'VOUCHER_EXPIRED');
      }
    });

    test('VOUCHER_EXPIRED: the window is counted in Paris days, first and last day included', async () => {
      const { programme } = await gql(hub, `query ($id: ID!) { programme(id: $id) { validFrom validUntil } }`, { id: cso });
      const dayBefore = (day: string) => new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      const at = async (iso: string) => {
        const voucherCode = await freshVoucher();
        // A sitting of that very day: a voucher is taken on its session's Paris day or the 7 days after.
        const [sessionId] = await scheduleSessions(hub, compagnons, 1, 12, new Date(iso));
        return atTime(hub, new Date(iso), () => redeem(hub, atCompagnons, { voucherCode, sessionId: sessionId!, idempotencyKey: `clock-${randomUUID()}` }));
      };
      // UTC instants whose Paris day is unambiguous in winter and summer time alike.
      expect((await at(`${dayBefore(programme.validFrom)}T21:30:00Z`)).error?.code).toBe('VOUCHER_EXPIRED');
      expect((await at(`${dayBefore(programme.validFrom)}T23:30:00Z`)).redemption).not.toBeNull(); // 00:30 or 01:30, first day
      expect((await at(`${programme.validUntil}T21:30:00Z`)).redemption).not.toBeNull(); // 22:30 or 23:30, last day
      expect((await at(`${programme.validUntil}T23:30:00Z`)).error?.code).toBe('VOUCHER_EXPIRED'); // already the next day in Paris
    });

    test('BOOK_NOT_HANDED_OUT: a book still with its distributor, or never allocated', async () => {
      const [allocated] = await allocate(hub, cso, hub.demo!.distributors.peSaintMaximin!, 1);
      await expectRefused({ voucherCode: allocated!.vouchers[0]!.code, sessionId: compagnonsSession }, 'BOOK_NOT_HANDED_OUT');
      const [neverAllocated] = await vouchersDb().query(
        `select v.code from voucher v join book b on b.id = v.book_id where b.programme_id = $1 and b.distributor_id is null limit 1`,
        [cso],
      );
      await expectRefused({ voucherCode: neverAllocated.code, sessionId: compagnonsSession }, 'BOOK_NOT_HANDED_OUT');
    });

    test('a refusal is the answer replayed to its key, even once the cause is gone; a new key gets the new answer', async () => {
      const [book] = await allocate(hub, cso, peNogent, 1);
      const input = { voucherCode: book!.vouchers[0]!.code, sessionId: compagnonsSession, idempotencyKey: `early-${randomUUID()}` };
      await expectRefused(input, 'BOOK_NOT_HANDED_OUT');
      const beneficiaryId = await registerEligible(hub, peNogent, cso);
      const handed = await gql(hub, HAND_OUT, { input: { bookCode: book!.code, beneficiaryId, distributorId: peNogent } }, await distributorToken(hub, peNogent));
      expect(handed.handOutBook.error).toBeNull();
      await expectRefused(input, 'BOOK_NOT_HANDED_OUT');
      expect((await redeem(hub, atCompagnons, { ...input, idempotencyKey: `late-${randomUUID()}` })).redemption).not.toBeNull();
    });

    test('VENUE_NOT_QUALIFIED: a CSO voucher at a venue qualified only for another programme', async () => {
      await expectRefused(
        { voucherCode: await freshVoucher(), sessionId: hub.demo!.sessions.dijonEpn! },
        'VENUE_NOT_QUALIFIED',
        await venueToken(hub, hub.demo!.venues.dijonEpn!),
      );
    });

    test('OUTSIDE_TERRITORY: a venue qualified for the programme, its session outside the programme territory', async () => {
      // Abancourt is in the Oise like Creil, but not in the Agglomération Creil Sud Oise.
      const venue = { id: await registerVenue(hub, { name: "Médiathèque d'Abancourt", address: 'Abancourt', inseeCode: '60001' }) };
      // qualifyVenue now refuses a venue outside the territory; a qualification fact from before that
      // rule (or a territory since narrowed) still reaches the vouchers subgraph's replica, which redemption re-checks.
      const { body } = await hub.graphql(`mutation ($venueId: ID!, $programmeId: ID!) { qualifyVenue(input: { venueId: $venueId, programmeId: $programmeId }) { venue { id } error { code } } }`, {
        venueId: venue.id,
        programmeId: cso,
      });
      expect(body.data.qualifyVenue).toEqual({ venue: null, error: { code: 'VENUE_OUTSIDE_PROGRAMME_TERRITORY' } });
      // Such a fact cannot be made through the API any more: written into the replica by hand.
      await vouchersDb().query(`insert into venue_qualification (venue_id, programme_id) values ($1, $2)`, [venue.id, cso]);
      const [sessionId] = await scheduleSessions(hub, venue.id, 1);
      await expectRefused({ voucherCode: await freshVoucher(), sessionId: sessionId! }, 'OUTSIDE_TERRITORY', await venueToken(hub, venue.id));
    });

    test("SESSION_NOT_OPEN_FOR_REDEMPTION: a sitting of tomorrow, or of more than 7 days ago, though seats are free", async () => {
      const [tomorrow] = await scheduleSessions(hub, compagnons, 1, 12, new Date(Date.now() + 36 * 3_600_000));
      const [lastMonth] = await scheduleSessions(hub, compagnons, 1, 12, new Date(Date.now() - 30 * 86_400_000));
      for (const sessionId of [tomorrow!, lastMonth!]) await expectRefused({ voucherCode: await freshVoucher(), sessionId }, 'SESSION_NOT_OPEN_FOR_REDEMPTION');
    });

    test('SESSION_NOT_FOUND: an unknown session id, or not an id at all', async () => {
      const voucherCode = await freshVoucher();
      await expectRefused({ voucherCode, sessionId: randomUUID() }, 'SESSION_NOT_FOUND');
      await expectRefused({ voucherCode, sessionId: 'session-1' }, 'SESSION_NOT_FOUND');
    });

    test('SESSION_FULL: a second person in a one-seat session, who can still go to another', async () => {
      const [oneSeat] = await scheduleSessions(hub, compagnons, 1, 1);
      const [first, second] = [await freshVoucher(), await freshVoucher()];
      expect((await redeem(hub, atCompagnons, { voucherCode: first, sessionId: oneSeat! })).redemption).not.toBeNull();
      await expectRefused({ voucherCode: second, sessionId: oneSeat! }, 'SESSION_FULL');
      expect((await redeem(hub, atCompagnons, { voucherCode: second, sessionId: compagnonsSession })).redemption).not.toBeNull();
    });

    test('BOOK_ALREADY_USED_IN_SESSION: a second voucher of one book in one sitting, which another sitting still takes', async () => {
      const [sitting, nextSitting] = await scheduleSessions(hub, compagnons, 2, 12);
      const {
        voucherCodes: [first, second],
      } = await handOutFreshBook(hub, cso, peNogent);
      const taken = (await redeem(hub, atCompagnons, { voucherCode: first!, sessionId: sitting! })).redemption;
      expect(taken).not.toBeNull();
      const inDb = async () =>
        vouchersDb().query(
          `select r.id, v.code, v.state from redemption r join voucher v on v.id = r.voucher_id where r.session_id = $1 order by v.code`,
          [sitting],
        );
      const before = await inDb();
      expect(before).toEqual([{ id: taken!.id, code: first, state: 'REDEEMED' }]);

      const idempotencyKey = `same-book-${randomUUID()}`;
      await expectRefused({ voucherCode: second!, sessionId: sitting!, idempotencyKey }, 'BOOK_ALREADY_USED_IN_SESSION');
      // Nothing changed: the sitting has the one redemption, the second voucher is still usable, its refusal replays.
      expect(await inDb()).toEqual(before);
      expect((await redeem(hub, atCompagnons, { voucherCode: second!, sessionId: sitting!, idempotencyKey })).error?.code).toBe('BOOK_ALREADY_USED_IN_SESSION');
      expect(await voucherState(second!)).toEqual({ state: 'AVAILABLE', redemptions: 0 });
      expect((await redeem(hub, atCompagnons, { voucherCode: second!, sessionId: nextSitting! })).redemption).not.toBeNull();
    });

    test('SESSION_OF_ANOTHER_VENUE: a venue redeems only for its own sessions', async () => {
      const voucherCode = await freshVoucher();
      const input = { voucherCode, sessionId: compagnonsSession, idempotencyKey: `venue-${randomUUID()}` };
      expect((await redeem(hub, await venueToken(hub, hub.demo!.venues.gestUp!), input)).error?.code).toBe('SESSION_OF_ANOTHER_VENUE');
      expect(await voucherState(voucherCode)).toEqual({ state: 'AVAILABLE', redemptions: 0 });
      expect((await redeem(hub, atCompagnons, { ...input, idempotencyKey: `venue-${randomUUID()}` })).redemption).not.toBeNull();
    });

    test('IDEMPOTENCY_KEY_REUSED: one key for two different requests', async () => {
      const [a, b] = [await freshVoucher(), await freshVoucher()];
      const idempotencyKey = `reused-${randomUUID()}`;
      expect((await redeem(hub, atCompagnons, { voucherCode: a, sessionId: compagnonsSession, idempotencyKey })).redemption).not.toBeNull();
      await expectRefused({ voucherCode: b, sessionId: compagnonsSession, idempotencyKey }, 'IDEMPOTENCY_KEY_REUSED');
    });

    test('an idempotency key too short or too long is a bad input, not a refusal', async () => {
      const voucherCode = await freshVoucher();
      for (const idempotencyKey of ['short', 'x'.repeat(201)]) {
        const { body } = await hub.graphqlAs(atCompagnons, `mutation ($input: RedeemVoucherInput!) { redeemVoucher(input: $input) { error { code } } }`, {
          input: { voucherCode, sessionId: compagnonsSession, idempotencyKey },
        });
        expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
      }
      expect(await voucherState(voucherCode)).toEqual({ state: 'AVAILABLE', redemptions: 0 });
    });
  });

  /** A programme of the CSO territory with the given window, paid and issued; one book allocated to peNogent. */
  async function programmeWithWindow(validFrom: string, validUntil: string) {
    const programmeId = await createProgramme(hub, {
      name: `Pass numérique Creil Sud Oise ${validFrom}`,
      territory: ['epci:200068047'],
      eligibility: { statusesAnyOf: [] },
      validFrom,
      validUntil,
      budgetCents: 5000,
      shares: [{ funderId: hub.demo!.funders.cso, basisPoints: 10000 }],
    });
    const orderId = await placeOrder(hub, { programmeId, funderId: hub.demo!.funders.cso, bookCount: 1 });
    await recordOrderPayment(hub, orderId);
    // The venue is qualified so that the window is the only rule the vouchers fail (once its territory is replicated).
    await hub.catchUp();
    await qualifyVenue(hub, { venueId: compagnons, programmeId });
    await hub.catchUp();
    // Issued on the window's first day, the hub's clock moved there: a programme that has ended takes no new vouchers.
    await atTime(hub, new Date(`${validFrom}T12:00:00Z`), () => issueBooks(hub, orderId));
    const [book] = await allocate(hub, programmeId, peNogent, 1);
    return book!;
  }

  describe('handOutBook', () => {
    let peMontataire: string;
    let mlCreil: string;
    beforeAll(() => {
      peMontataire = hub.demo!.distributors.peMontataire!;
      mlCreil = hub.demo!.distributors.mlCreil!;
    });

    async function handOut(input: { bookCode: string; beneficiaryId: string; distributorId: string }) {
      return (await gql(hub, HAND_OUT, { input }, await distributorToken(hub, input.distributorId))).handOutBook as { book: { code: string } | null; error: { code: string; message: string } | null };
    }

    /** Expects the refusal, and the book (when it exists) in the state it was. */
    async function expectRefused(input: { bookCode: string; beneficiaryId: string; distributorId: string }, code: string): Promise<void> {
      const [before] = await vouchersDb().query(`select distributor_id, beneficiary_id from book where code = $1`, [input.bookCode]);
      expect(await handOut(input)).toEqual({ book: null, error: { code, message: expect.any(String) } });
      const [after] = await vouchersDb().query(`select distributor_id, beneficiary_id from book where code = $1`, [input.bookCode]);
      expect(after).toEqual(before);
    }

    test('BOOK_NOT_FOUND: a code nobody issued, or not a code', async () => {
      const beneficiaryId = await registerEligible(hub, peNogent, cso);
      await expectRefused({ bookCode: generateCodes('book', 1)[0]!, beneficiaryId, distributorId: peNogent }, 'BOOK_NOT_FOUND');
      await expectRefused({ bookCode: 'B-nope', beneficiaryId, distributorId: peNogent }, 'BOOK_NOT_FOUND');
    });

    test('BOOK_NOT_ALLOCATED_TO_DISTRIBUTOR: a book of another distributor, or of none', async () => {
      const beneficiaryId = await registerEligible(hub, peMontataire, cso);
      const [othersBook] = await allocate(hub, cso, peNogent, 1);
      await expectRefused({ bookCode: othersBook!.code, beneficiaryId, distributorId: peMontataire }, 'BOOK_NOT_ALLOCATED_TO_DISTRIBUTOR');
      const [unallocated] = await vouchersDb().query(`select code from book where programme_id = $1 and distributor_id is null limit 1`, [cso]);
      await expectRefused({ bookCode: unallocated.code, beneficiaryId, distributorId: peMontataire }, 'BOOK_NOT_ALLOCATED_TO_DISTRIBUTOR');
    });

    test('a retry of a hand-out that went through answers with the book again, unchanged', async () => {
      const { bookCode, beneficiaryId } = await handOutFreshBook(hub, cso, peNogent);
      const again = await handOut({ bookCode, beneficiaryId, distributorId: peNogent });
      expect(again.error).toBeNull();
      expect(again.book).toMatchObject({ code: bookCode, state: 'HANDED_OUT' });
    });

    test("BOOK_ALREADY_HANDED_OUT: a book already in someone else's hands", async () => {
      const { code } = hub.demo!.handedOutBooks.find((b) => b.distributor === 'peNogent')!;
      const someoneElse = await registerEligible(hub, peNogent, cso);
      await expectRefused({ bookCode: code, beneficiaryId: someoneElse, distributorId: peNogent }, 'BOOK_ALREADY_HANDED_OUT');
    });

    test('BOOK_ALREADY_HANDED_OUT: ten distributor desks handing one book to ten people at once, one wins', async () => {
      const people = await Promise.all(Array.from({ length: 10 }, () => registerEligible(hub, peNogent, cso)));
      const [book] = await allocate(hub, cso, peNogent, 1);
      const answers = await Promise.all(people.map((beneficiaryId) => handOut({ bookCode: book!.code, beneficiaryId, distributorId: peNogent })));
      expect(answers.filter((a) => a.book)).toHaveLength(1);
      expect(answers.filter((a) => a.error?.code === 'BOOK_ALREADY_HANDED_OUT')).toHaveLength(9);
      const winner = people[answers.findIndex((a) => a.book)];
      const [row] = await vouchersDb().query(`select beneficiary_id from book where code = $1`, [book!.code]);
      expect(row.beneficiary_id).toBe(winner);
    });

    test('BENEFICIARY_NOT_FOUND: an unknown person, or not an id', async () => {
      const [book] = await allocate(hub, cso, peNogent, 1);
      await expectRefused({ bookCode: book!.code, beneficiaryId: randomUUID(), distributorId: peNogent }, 'BENEFICIARY_NOT_FOUND');
      await expectRefused({ bookCode: book!.code, beneficiaryId: 'someone', distributorId: peNogent }, 'BENEFICIARY_NOT_FOUND');
    });

    test('BENEFICIARY_OF_ANOTHER_DISTRIBUTOR: a person registered by another desk', async () => {
      const theirs = await registerEligible(hub, peMontataire, cso);
      const [book] = await allocate(hub, cso, peNogent, 1);
      await expectRefused({ bookCode: book!.code, beneficiaryId: theirs, distributorId: peNogent }, 'BENEFICIARY_OF_ANOTHER_DISTRIBUTOR');
    });

    test("NOT_ELIGIBLE: a person found eligible for one programme, a book of another", async () => {
      const csoPerson = await registerEligible(hub, mlCreil, cso);
      const [bfcBook] = await allocate(hub, hub.demo!.programmes.bfc, mlCreil, 1);
      await expectRefused({ bookCode: bfcBook!.code, beneficiaryId: csoPerson, distributorId: mlCreil }, 'NOT_ELIGIBLE');
      // Someone registered for that programme gets it.
      const dijonResident: PersonInput = { inseeCode: '21231', statuses: [] };
      const bfcPerson = await registerEligible(hub, mlCreil, hub.demo!.programmes.bfc, dijonResident);
      expect((await handOut({ bookCode: bfcBook!.code, beneficiaryId: bfcPerson, distributorId: mlCreil })).book?.code).toBe(bfcBook!.code);
    });
  });
});
