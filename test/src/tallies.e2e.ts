// The recount queries only: this suite compares the tally rows with a recount of the voucher, book
// and redemption rows, which no API shows. Every step it counts goes through the gateway.
import { RECOUNT_BOOK_TALLY, RECOUNT_VOUCHER_TALLY, tallyStore, vouchersSubgraph } from '@pass/vouchers';
import { startTestHub, type TestHub } from '@pass/test-kit';
import {
  allocateTo,
  atTime,
  availableVoucherCodes,
  cancelRedemption,
  createPastProgramme,
  expireProgramme,
  gql,
  handOut,
  noonOf,
  orderAndIssue,
  redeemAt,
  reportBookLost,
  sleep,
  type PastProgramme,
} from './kit/fixtures';

/*
 * The running tallies that the D-30 report and a programme's figures read (issue 13) are moved in
 * the transactions of issue, allocate, hand out, redeem, cancel, report lost and expire. After
 * each step of a mix of them — including concurrent redemptions of one book and of one
 * programme — every tally row equals a full recount of the voucher, book and redemption rows,
 * shard by shard, and the report says what the rows say.
 */
describe('tallies: equal to a recount after any mix of changes', () => {
  let hub: TestHub;
  let p: PastProgramme;

  beforeAll(async () => {
    hub = await startTestHub();
    p = await createPastProgramme(hub, { basisPoints: [6_000, 4_000], validFrom: '2025-01-06', validUntil: '2025-03-31', sittings: 6, sittingsOn: '2025-02-03' });
  });
  afterAll(() => hub?.close());

  const db = () => hub.subgraphs.vouchers.dataSource;
  const numbers = (rows: Record<string, unknown>[]) =>
    rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k.endsWith('_id') ? v : Number(v)])));

  type QueryRunner = ReturnType<ReturnType<typeof db>['createQueryRunner']>;
  /** A migration's class run directly, so that a later migration does not change what is undone. */
  function migrationNamed(name: string): { up(runner: QueryRunner): Promise<void>; down(runner: QueryRunner): Promise<void> } {
    const Migration = vouchersSubgraph.migrations.find((m) => m.name === name) as
      | (new () => { up(runner: QueryRunner): Promise<void>; down(runner: QueryRunner): Promise<void> })
      | undefined;
    if (!Migration) throw new Error(`${name} is not among the vouchers subgraph migrations`);
    return new Migration();
  }
  async function inTransaction(step: (runner: QueryRunner) => Promise<void>): Promise<void> {
    const runner = db().createQueryRunner();
    try {
      await runner.startTransaction();
      await step(runner);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
  }

  /** Every tally row of the programme against the recount; returns the recount of its vouchers, summed. */
  async function expectTalliesEqualRecount(programmeId = p.programmeId): Promise<Record<string, number>> {
    const tallied = await db().query(
      `select * from voucher_tally where programme_id = $1
          and (available, lost, redeemed, blocked) <> (0, 0, 0, 0) order by shard`,
      [programmeId],
    );
    const recounted = await db().query(`select * from (${RECOUNT_VOUCHER_TALLY}) r where programme_id = $1 order by shard`, [programmeId]);
    expect(numbers(tallied)).toEqual(numbers(recounted));
    const books = await db().query(
      `select * from book_tally where programme_id = $1 and (books, handed_out, started) <> (0, 0, 0) order by distributor_id`,
      [programmeId],
    );
    const booksRecounted = await db().query(`select * from (${RECOUNT_BOOK_TALLY}) r where programme_id = $1 order by distributor_id`, [programmeId]);
    expect(numbers(books)).toEqual(numbers(booksRecounted));
    const [{ wrong }] = await db().query(
      `select count(*)::int as wrong from book b
        where b.programme_id = $1
          and exists (select 1 from book_started s where s.book_id = b.id)
              <> exists (select 1 from redemption r where r.book_id = b.id and r.corrected_at is null)`,
      [programmeId],
    );
    expect(wrong).toBe(0);
    const [sum] = await db().query(
      `select count(*) filter (where state = 'AVAILABLE')::int as available, count(*) filter (where state = 'LOST')::int as lost,
              count(*) filter (where state = 'REDEEMED')::int as redeemed, count(*) filter (where state = 'BLOCKED')::int as blocked,
              coalesce(sum(face_value_cents) filter (where state = 'AVAILABLE'), 0)::int as available_cents
         from voucher where programme_id = $1`,
      [programmeId],
    );
    return sum;
  }

  const vouchersOf = (bookCode: string) => availableVoucherCodes(hub, bookCode);
  const expiryReport = async (programmeId: string) =>
    (
      await gql(
        hub,
        `query ($p: ID!) { expiryReport(programmeId: $p) { booksIssued booksNotAllocated booksHandedOut booksStarted vouchersAvailable availableCents
          distributors { distributor { id } booksAllocated booksHandedOut booksNeverHandedOut booksStarted } } }`,
        { p: programmeId },
      )
    ).expiryReport;
  const inWindow = (day: number) => noonOf(`2025-02-${String(day).padStart(2, '0')}`);

  test('issue, allocate, hand out, redeem (concurrently too), cancel, report lost, issue again, expire', async () => {
    await orderAndIssue(hub, p, { bookCount: 6, vouchersPerBook: 5, faceValueCents: 1000 });
    expect(await expectTalliesEqualRecount()).toMatchObject({ available: 30, redeemed: 0 });

    const [a, b, c, d] = await allocateTo(hub, p, 4);
    await expectTalliesEqualRecount();
    for (const code of [a!, b!, c!, d!]) await handOut(hub, p, code, '2025-01-10');
    await expectTalliesEqualRecount();

    // Two vouchers of book a (one book started), one of book b (another).
    const aCodes = await vouchersOf(a!);
    const bCodes = await vouchersOf(b!);
    const a0 = await redeemAt(hub, p, aCodes[0]!, p.sessionIds[0]!, inWindow(3));
    const a1 = await redeemAt(hub, p, aCodes[1]!, p.sessionIds[1]!, inWindow(3));
    const b0 = await redeemAt(hub, p, bCodes[0]!, p.sessionIds[0]!, inWindow(3));
    expect([a0.error, a1.error, b0.error]).toEqual([null, null, null]);
    expect(await expectTalliesEqualRecount()).toMatchObject({ available: 27, redeemed: 3 });
    let report = await expiryReport(p.programmeId);
    expect(report).toMatchObject({ booksIssued: 6, booksNotAllocated: 2, booksHandedOut: 4, booksStarted: 2, vouchersAvailable: 27, availableCents: 27_000 });
    // A uuid in capitals is the same programme: the same report, vouchers included.
    expect(await expiryReport(p.programmeId.toUpperCase())).toEqual(report);

    // Cancelling b's only redemption un-starts b; cancelling one of a's two leaves a started.
    await cancelRedemption(hub, p.venueId, b0.redemption!.id);
    await cancelRedemption(hub, p.venueId, a1.redemption!.id);
    expect(await expectTalliesEqualRecount()).toMatchObject({ available: 29, redeemed: 1 });
    expect((await expiryReport(p.programmeId)).booksStarted).toBe(1);

    // Book c reported lost: its five vouchers leave the available ones.
    const lost = await reportBookLost(hub, { bookCode: c!, distributorId: p.distributorId });
    expect(lost.vouchersBlocked).toBe(5);
    expect(await expectTalliesEqualRecount()).toMatchObject({ available: 24, lost: 5 });

    // Concurrently: every voucher of book d on its own sitting (one of them starts d), and b's on others.
    const dCodes = await vouchersOf(d!);
    const bLeft = await vouchersOf(b!);
    const answers = await Promise.all([
      ...dCodes.map((code, i) => redeemAt(hub, p, code, p.sessionIds[i]!, inWindow(4))),
      ...bLeft.slice(0, 3).map((code, i) => redeemAt(hub, p, code, p.sessionIds[i + 3]!, inWindow(4))),
    ]);
    expect(answers.map((x) => x.error)).toEqual(answers.map(() => null));
    expect(await expectTalliesEqualRecount()).toMatchObject({ available: 16, redeemed: 9, lost: 5 });
    report = await expiryReport(p.programmeId);
    expect(report).toMatchObject({ booksStarted: 3, vouchersAvailable: 16, availableCents: 16_000 });
    expect(report.distributors).toEqual([
      { distributor: { id: p.distributorId }, booksAllocated: 4, booksHandedOut: 4, booksNeverHandedOut: 0, booksStarted: 3 },
    ]);

    // A second order of the same programme adds to the same tallies.
    await orderAndIssue(hub, p, { bookCount: 2, vouchersPerBook: 10, faceValueCents: 1000 });
    expect(await expectTalliesEqualRecount()).toMatchObject({ available: 36 });
    expect((await expiryReport(p.programmeId)).booksNotAllocated).toBe(4);

    // Expiry blocks the available and the lost ones; each leaves the state it was in.
    const expired = await atTime(hub, noonOf('2025-04-02'), () => expireProgramme(hub, p.programmeId));
    expect(expired.vouchersBlocked).toBe(41);
    expect(await expectTalliesEqualRecount()).toMatchObject({ available: 0, lost: 0, redeemed: 9, blocked: 41 });
    expect(await expiryReport(p.programmeId)).toMatchObject({ vouchersAvailable: 0, availableCents: 0, booksIssued: 8 });
  });

  test("a programme's figures read in one statement equal the recount, keyed by the id as asked; an unknown programme's are zero", async () => {
    const recount = await expectTalliesEqualRecount();
    const [lower, upper, unknown] = [p.programmeId, p.programmeId.toUpperCase(), '00000000-0000-4000-8000-000000000000'];
    const tallies = await tallyStore.ofProgrammes(db(), [lower, upper, unknown]);
    expect(tallies.get(lower)!.vouchers).toMatchObject({ available: recount.available, availableCents: recount.available_cents, lost: recount.lost, redeemed: recount.redeemed, blocked: recount.blocked });
    const [books] = await db().query(
      `select sum(books)::int as issued, sum(handed_out)::int as handed_out from book_tally where programme_id = $1`,
      [lower],
    );
    expect(books.issued).toBeGreaterThan(0);
    expect(tallies.get(lower)!.books).toMatchObject({ issued: books.issued, handedOut: books.handed_out });
    expect(tallies.get(upper)).toEqual(tallies.get(lower));
    expect(tallies.get(unknown)).toEqual({
      books: { issued: 0, allocated: 0, handedOut: 0 },
      vouchers: { available: 0, availableCents: 0, lost: 0, lostCents: 0, redeemed: 0, redeemedCents: 0, blocked: 0, blockedCents: 0 },
    });
  });

  // A book is started while a counted redemption of it is left (its `book_started` row, migration
  // 0018). Its only redemption cancelled while others of the book are being recorded: whatever the
  // interleaving, the book ends started exactly when one of them counts, and the distributor's
  // started books say so. Four books, each raced with a different number of redemptions (0 to 3).
  test("a book's last redemption cancelled while others of it are recorded: started exactly when one is left", async () => {
    const q = await createPastProgramme(hub, { basisPoints: [10_000], validFrom: '2025-01-06', validUntil: '2025-03-31', sittings: 5, sittingsOn: '2025-02-03' });
    await orderAndIssue(hub, q, { bookCount: 4, vouchersPerBook: 5, faceValueCents: 1000 });
    const books = await allocateTo(hub, q, 4);
    for (const code of books) await handOut(hub, q, code, '2025-01-10');
    for (const [i, book] of books.entries()) {
      const codes = await vouchersOf(book);
      const first = await redeemAt(hub, q, codes[0]!, q.sessionIds[0]!, inWindow(3));
      expect(first.error).toBeNull();
      const raced = await Promise.all([
        cancelRedemption(hub, q.venueId, first.redemption!.id).then(() => null),
        ...codes.slice(1, 1 + i).map((code, j) => redeemAt(hub, q, code, q.sessionIds[j + 1]!, inWindow(3))),
      ]);
      expect(raced.slice(1).map((x) => x?.error)).toEqual(raced.slice(1).map(() => null));
      await expectTalliesEqualRecount(q.programmeId);
    }
    const report = await expiryReport(q.programmeId);
    expect(report).toMatchObject({ booksStarted: 3, vouchersAvailable: 14 });
  });

  // The interleaving the lock protocol is for, forced: a redemption of the book is recorded but not
  // yet committed (record_redemption called by hand on a connection of its own, holding the book's
  // start key-shared) when the venue cancels the book's only committed redemption. The
  // cancellation must wait for it, then see it and leave the book started; without its `for
  // update` it would see no other redemption, delete the book's start, and the book would end
  // with a counted redemption yet not started.
  test("a cancellation waits for a redemption of its book being recorded, then leaves the book started", async () => {
    const q = await createPastProgramme(hub, { basisPoints: [10_000], validFrom: '2025-01-06', validUntil: '2025-03-31', sittings: 2, sittingsOn: '2025-02-03' });
    await orderAndIssue(hub, q, { bookCount: 1, vouchersPerBook: 5, faceValueCents: 1000 });
    const [book] = await allocateTo(hub, q, 1);
    await handOut(hub, q, book!, '2025-01-10');
    const codes = await vouchersOf(book!);
    const first = await redeemAt(hub, q, codes[0]!, q.sessionIds[0]!, inWindow(3));
    expect(first.error).toBeNull();

    const recording = db().createQueryRunner();
    await recording.connect();
    try {
      await recording.startTransaction();
      const [voucher] = await recording.query(`select id, programme_id, book_id, face_value_cents from voucher where code = $1`, [codes[1]]);
      const [recorded] = await recording.query(
        `select won from record_redemption('test', $1, 'hash', $2, $3, $4, $5, $6, $7, $8, $9, '{}'::jsonb)`,
        [`held-${voucher.id}`, voucher.id, q.sessionIds[1], q.venueId, voucher.programme_id, voucher.book_id, voucher.face_value_cents, inWindow(3), Number.parseInt(voucher.id.slice(-2), 16)],
      );
      expect(recorded.won).toBe(true);
      let cancelled = false;
      const cancelling = cancelRedemption(hub, q.venueId, first.redemption!.id).then(() => (cancelled = true));
      await sleep(500);
      expect(cancelled).toBe(false); // waiting on the book's start, held key-shared by the recording
      await recording.commitTransaction();
      await cancelling;
    } finally {
      await recording.release();
    }
    const [{ started }] = await db().query(
      `select count(*)::int as started from book_started s join book b on b.id = s.book_id where b.programme_id = $1`,
      [q.programmeId],
    );
    expect(started).toBe(1);
    await expectTalliesEqualRecount(q.programmeId);
    expect((await expiryReport(q.programmeId)).booksStarted).toBe(1);
  });

  // Migration 0017 re-shards a database filled under 0013's 16 shards: undone, the rows are in
  // 16 shards again; redone, in 256, each equal to the recount, and no programme's sums moved.
  // Its class is run directly, so a later migration does not change what is undone.
  test('migration 0017 moves existing tallies from 16 shards to 256, sums unchanged', async () => {
    const sums = () =>
      db().query(`select programme_id, sum(available)::int a, sum(lost)::int l, sum(redeemed)::int r, sum(blocked)::int b, sum(redeemed_cents)::int rc
                    from voucher_tally group by 1 order by 1`);
    const maxShard = async () => (await db().query(`select max(shard)::int as m from voucher_tally`))[0].m as number;
    const before = await sums();
    expect(before.length).toBeGreaterThan(0);
    const migration = migrationNamed('TallyShards1765000001400');
    await inTransaction((runner) => migration.down(runner));
    expect(await maxShard()).toBeLessThan(16);
    expect(await sums()).toEqual(before);
    await inTransaction((runner) => migration.up(runner));
    expect(await maxShard()).toBeGreaterThanOrEqual(16);
    expect(await sums()).toEqual(before);
    await expectTalliesEqualRecount();
  });

  // Migration 0018 replaces each book's count of redemptions with `book_started`: undone, the counts
  // are back and equal to the redemptions; redone, exactly the books with a counted redemption are
  // started again, and every tally equals the recount.
  test('migration 0018 turns the books\' redemption counts into book_started rows, and back', async () => {
    const migration = migrationNamed('BookStarted1765000001500');
    const started = async () => (await db().query(`select count(*)::int as n from book_started`))[0].n as number;
    const before = await started();
    expect(before).toBeGreaterThan(0);
    await inTransaction((runner) => migration.down(runner));
    const [{ counted, wrong }] = await db().query(
      `select count(*) filter (where redeemed_vouchers > 0)::int as counted,
              count(*) filter (where redeemed_vouchers <> (select count(*) from redemption r where r.book_id = b.id and r.corrected_at is null))::int as wrong
         from book b`,
    );
    expect({ counted, wrong }).toEqual({ counted: before, wrong: 0 });
    await inTransaction((runner) => migration.up(runner));
    expect(await started()).toBe(before);
    await expectTalliesEqualRecount();
  });
});
