import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createScratchDatabase, ensureEventBus, openSubgraphDataSource, type ScratchDatabase } from '@pass/kit';
import { createLogger } from '@pass/runtime';
import { allocateBooks, generateCodes, isValidCode, issueBooksOfOrder, vouchersSubgraph } from '@pass/vouchers';

/*
 * Issuance of an order's books and vouchers: every row once, codes valid and unique even when a
 * freshly drawn code repeats one already stored (the chunk redraws it instead of failing), the
 * progress callback, and no second issuance, even when two calls race. Timings are left to
 * `npm run bench:issue`.
 *
 * This suite drives the vouchers subgraph's issuance on its own tables, with no hub: what it
 * proves is in the rows (every one once, none orphaned, a race issuing once) and in the codes'
 * draws, which the API cannot show. The repeated draw is made by passing issuance a code drawer
 * of the test's own, no module mocked.
 */

describe('issueBooksOfOrder', () => {
  let database: ScratchDatabase;
  let db: DataSource;
  const programmeId = randomUUID();

  beforeAll(async () => {
    database = await createScratchDatabase(process.env.PASS_TEST_SERVER_URL!);
    await ensureEventBus(database.url);
    db = await openSubgraphDataSource({
      url: database.url,
      schema: 'vouchers',
      entities: vouchersSubgraph.entities,
      migrations: vouchersSubgraph.migrations,
      logger: createLogger('issue-books-test'),
    });
  });
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  /** A paid order as the vouchers subgraph replicates it from the programmes subgraph. */
  async function paidOrder(bookCount: number, vouchersPerBook: 5 | 10): Promise<string> {
    const orderId = randomUUID();
    await db.query(
      `insert into paid_order (order_id, programme_id, funder_id, book_count, vouchers_per_book, face_value_cents)
       values ($1, $2, $3, $4, $5, 1000)`,
      [orderId, programmeId, randomUUID(), bookCount, vouchersPerBook],
    );
    return orderId;
  }

  async function issuedRows(orderId: string) {
    const books: { id: string; code: string }[] = await db.query(`select id, code from book where order_id = $1`, [orderId]);
    const vouchers: { id: string; code: string; book_id: string; face_value_cents: number; state: string }[] = await db.query(
      `select v.id, v.code, v.book_id, v.face_value_cents, v.state from voucher v join book b on b.id = v.book_id where b.order_id = $1`,
      [orderId],
    );
    return { books, vouchers };
  }

  test('issues every book and voucher once, with valid distinct codes, reporting progress', async () => {
    const orderId = await paidOrder(10_001, 5);
    const progress: [number, number][] = [];
    const result = await issueBooksOfOrder(db, orderId, (issued, total) => progress.push([issued, total]));
    expect(result).toEqual({ orderId, booksIssued: 10_001, vouchersIssued: 50_005, error: null });
    expect(progress.at(-1)).toEqual([10_001, 10_001]);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.map(([issued]) => issued)).toEqual([...progress.map(([issued]) => issued)].sort((a, b) => a - b));

    const { books, vouchers } = await issuedRows(orderId);
    expect(books).toHaveLength(10_001);
    expect(vouchers).toHaveLength(50_005);
    expect(new Set(vouchers.map((v) => v.code)).size).toBe(50_005);
    expect(books.every((b) => isValidCode(b.code, 'book'))).toBe(true);
    expect(vouchers.every((v) => isValidCode(v.code, 'voucher') && v.face_value_cents === 1000 && v.state === 'AVAILABLE')).toBe(true);
    const perBook = new Map<string, number>();
    for (const v of vouchers) perBook.set(v.book_id, (perBook.get(v.book_id) ?? 0) + 1);
    expect(perBook.size).toBe(10_001);
    expect([...perBook.values()].every((n) => n === 5)).toBe(true);
    // voucher.book_id has no foreign key (migration 0010): issuance alone keeps every voucher in a book of its order.
    const bookIds = new Set(books.map((b) => b.id));
    expect([...perBook.keys()].every((id) => bookIds.has(id))).toBe(true);
    const [{ orphans }] = await db.query(`select count(*)::int as orphans from voucher v where not exists (select 1 from book b where b.id = v.book_id)`);
    expect(orphans).toBe(0);

    expect(await issueBooksOfOrder(db, orderId)).toEqual(result);
    expect((await issuedRows(orderId)).vouchers).toHaveLength(50_005);
  });

  test('a drawn code that repeats a stored one is redrawn, not a failure', async () => {
    const first = await paidOrder(2, 10);
    await issueBooksOfOrder(db, first);
    const taken = await issuedRows(first);
    const takenBook = taken.books[0]!.code;
    const takenVouchers = taken.vouchers.slice(0, 3).map((v) => v.code);

    // The chunk's first draws start with codes that are already stored; later draws are fresh.
    const draws = jest.fn(generateCodes);
    draws.mockImplementationOnce((kind, count) => {
      const fresh = generateCodes(kind, count);
      fresh[0] = takenBook;
      return fresh;
    });
    draws.mockImplementationOnce((kind, count) => {
      const fresh = generateCodes(kind, count);
      fresh.splice(0, 3, ...takenVouchers);
      return fresh;
    });

    const second = await paidOrder(3, 10);
    await expect(issueBooksOfOrder(db, second, undefined, undefined, draws)).resolves.toEqual({ orderId: second, booksIssued: 3, vouchersIssued: 30, error: null });
    expect(draws).toHaveBeenCalledWith('book', 1);
    expect(draws.mock.calls.filter(([kind, count]) => kind === 'voucher' && count === 1)).toHaveLength(3);
    const issued = await issuedRows(second);
    expect(issued.books).toHaveLength(3);
    expect(issued.vouchers).toHaveLength(30);
    expect(issued.books.map((b) => b.code)).not.toContain(takenBook);
    for (const code of takenVouchers) expect(issued.vouchers.map((v) => v.code)).not.toContain(code);
    expect([...issued.books, ...issued.vouchers].every((row) => isValidCode(row.code))).toBe(true);
    // The first order's rows are untouched.
    expect(await issuedRows(first)).toEqual(taken);
  });

  describe('over two connections (two-phase commit)', () => {
    const prepared = async (orderId: string) =>
      (await db.query(`select count(*)::int as n from pg_prepared_xacts where gid = $1`, [`pass-issue:${orderId}`]))[0].n;
    const stampedIssued = async (orderId: string) =>
      (await db.query(`select issued_at is not null as issued from paid_order where order_id = $1`, [orderId]))[0].issued;

    afterEach(() => jest.restoreAllMocks());

    test('an order of several chunks is inserted over a second connection and committed whole', async () => {
      const orderId = await paidOrder(7, 5);
      // Every statement, by the connection (query runner) it ran on.
      const statements: Array<{ runner: number; sql: string }> = [];
      const createQueryRunner = db.createQueryRunner.bind(db);
      let runners = 0;
      jest.spyOn(db, 'createQueryRunner').mockImplementation((mode) => {
        const runner = createQueryRunner(mode);
        const query = runner.query.bind(runner);
        const index = runners++;
        runner.query = ((sql: string, parameters?: unknown[]) => {
          statements.push({ runner: index, sql });
          return query(sql, parameters);
        }) as typeof runner.query;
        return runner;
      });
      const progress: number[] = [];
      expect(await issueBooksOfOrder(db, orderId, (issued) => progress.push(issued), undefined, undefined, 2)).toEqual({
        orderId,
        booksIssued: 7,
        vouchersIssued: 35,
        error: null,
      });
      const inserting = new Set(statements.filter((s) => s.sql.includes('insert into voucher')).map((s) => s.runner));
      expect(inserting.size).toBe(2);
      const gid = `pass-issue:${orderId}`;
      const prepare = statements.findIndex((s) => s.sql === `prepare transaction '${gid}'`);
      const stamp = statements.findIndex((s) => s.sql.startsWith('update paid_order set issued_at'));
      const commit = statements.findIndex((s) => s.sql === `commit prepared '${gid}'`);
      expect(prepare).toBeGreaterThan(-1);
      expect(prepare).toBeLessThan(stamp);
      expect(stamp).toBeLessThan(commit);
      expect(progress).toHaveLength(4);
      expect(progress.at(-1)).toBe(7);
      const { books, vouchers } = await issuedRows(orderId);
      expect(books).toHaveLength(7);
      expect(vouchers).toHaveLength(35);
      expect(new Set(vouchers.map((v) => v.code)).size).toBe(35);
      expect(await prepared(orderId)).toBe(0);
      expect(await stampedIssued(orderId)).toBe(true);
    });

    test('a failure half-way leaves nothing behind, and a re-run issues the order whole', async () => {
      const orderId = await paidOrder(9, 5);
      let voucherDraws = 0;
      const failing = jest.fn((kind: 'book' | 'voucher', count: number) => {
        if (kind === 'voucher' && ++voucherDraws === 4) throw new Error('drawing failed');
        return generateCodes(kind, count);
      });
      await expect(issueBooksOfOrder(db, orderId, undefined, undefined, failing, 2)).rejects.toThrow('drawing failed');
      expect(await issuedRows(orderId)).toEqual({ books: [], vouchers: [] });
      expect(await prepared(orderId)).toBe(0);
      expect(await stampedIssued(orderId)).toBe(false);

      expect((await issueBooksOfOrder(db, orderId, undefined, undefined, undefined, 2)).vouchersIssued).toBe(45);
      expect((await issuedRows(orderId)).vouchers).toHaveLength(45);
    });

    test('a failure of the main transaction after the second half is prepared rolls both back', async () => {
      const orderId = await paidOrder(6, 5);
      // The stamp is the main transaction's last statement, after PREPARE TRANSACTION.
      await db.query(`
        create function refuse_stamp() returns trigger language plpgsql as $$
        begin raise exception 'stamp refused'; end $$;
        create trigger refuse_stamp before update on paid_order for each row
          when (new.order_id = '${orderId}') execute function refuse_stamp()`);
      try {
        await expect(issueBooksOfOrder(db, orderId, undefined, undefined, undefined, 2)).rejects.toThrow('stamp refused');
      } finally {
        await db.query(`drop trigger refuse_stamp on paid_order; drop function refuse_stamp()`);
      }
      expect(await issuedRows(orderId)).toEqual({ books: [], vouchers: [] });
      expect(await prepared(orderId)).toBe(0);
      expect(await stampedIssued(orderId)).toBe(false);
      expect((await issueBooksOfOrder(db, orderId, undefined, undefined, undefined, 2)).booksIssued).toBe(6);
    });

    test('with no second connection free in the pool, the order is issued on one', async () => {
      const onePool = await openSubgraphDataSource({
        url: database.url,
        schema: 'vouchers',
        entities: vouchersSubgraph.entities,
        migrations: vouchersSubgraph.migrations,
        logger: createLogger('issue-books-test'),
        poolSize: 1,
      });
      try {
        const orderId = await paidOrder(5, 5);
        expect((await issueBooksOfOrder(onePool, orderId, undefined, undefined, undefined, 2)).vouchersIssued).toBe(25);
        expect((await issuedRows(orderId)).vouchers).toHaveLength(25);
        expect(await prepared(orderId)).toBe(0);
      } finally {
        await onePool.destroy();
      }
    });

    /** What a crash between PREPARE TRANSACTION and the end of the issuance leaves: one book of the order, prepared. */
    async function strandHalf(orderId: string): Promise<string> {
      const runner = db.createQueryRunner();
      await runner.connect();
      try {
        const [code] = generateCodes('book', 1);
        await runner.query('begin');
        await runner.query(`insert into book (id, code, programme_id, order_id) values ($1, $2, $3, $4)`, [randomUUID(), code, programmeId, orderId]);
        await runner.query(`prepare transaction 'pass-issue:${orderId}'`);
        return code!;
      } finally {
        await runner.release();
      }
    }

    test('a stranded half of an order not stamped issued is rolled back by the re-run, which issues the order whole', async () => {
      const orderId = await paidOrder(3, 5);
      const stranded = await strandHalf(orderId);
      expect(await prepared(orderId)).toBe(1);
      expect((await issueBooksOfOrder(db, orderId, undefined, undefined, undefined, 2)).booksIssued).toBe(3);
      expect(await prepared(orderId)).toBe(0);
      const { books } = await issuedRows(orderId);
      expect(books).toHaveLength(3);
      expect(books.map((b) => b.code)).not.toContain(stranded);
    });

    test('a stranded half of an order stamped issued is committed by the re-run', async () => {
      const orderId = await paidOrder(2, 5);
      await issueBooksOfOrder(db, orderId);
      const stranded = await strandHalf(orderId);
      expect((await issuedRows(orderId)).books).toHaveLength(2);
      expect((await issueBooksOfOrder(db, orderId)).booksIssued).toBe(2);
      expect(await prepared(orderId)).toBe(0);
      expect((await issuedRows(orderId)).books.map((b) => b.code)).toContain(stranded);
    });

    test('a code drawn for both connections makes one wait on the other: the wait is cut short and the chunk redrawn', async () => {
      const orderId = await paidOrder(4, 5);
      const [twice] = generateCodes('voucher', 1);
      let voucherDraws = 0;
      const repeating = jest.fn((kind: 'book' | 'voucher', count: number) => {
        const codes = generateCodes(kind, count);
        // The first two chunks go one to each connection, inserted side by side.
        if (kind === 'voucher' && ++voucherDraws <= 2) codes[0] = twice!;
        return codes;
      });
      expect((await issueBooksOfOrder(db, orderId, undefined, undefined, repeating, 2)).vouchersIssued).toBe(20);
      expect(voucherDraws).toBeGreaterThan(2);
      const { vouchers } = await issuedRows(orderId);
      expect(new Set(vouchers.map((v) => v.code)).size).toBe(20);
      expect(vouchers.filter((v) => v.code === twice)).toHaveLength(1);
    });
  });

  test('two racing calls issue the order once', async () => {
    const orderId = await paidOrder(1_000, 10);
    const [a, b] = await Promise.all([issueBooksOfOrder(db, orderId), issueBooksOfOrder(db, orderId)]);
    expect(a).toEqual(b);
    const { books, vouchers } = await issuedRows(orderId);
    expect(books).toHaveLength(1_000);
    expect(vouchers).toHaveLength(10_000);
  });

  test("an ended programme's order is refused (PROGRAMME_ENDED) and issues nothing; inside its window it is issued", async () => {
    const ended = randomUUID();
    await db.query(
      `insert into programme_fact (programme_id, name, territory, valid_from, valid_until, shares)
       values ($1, 'Ended', '{departement:23}', '2020-01-01', '2020-12-31', '[]')`,
      [ended],
    );
    const order = async () => {
      const orderId = randomUUID();
      await db.query(
        `insert into paid_order (order_id, programme_id, funder_id, book_count, vouchers_per_book, face_value_cents)
         values ($1, $2, $3, 1, 5, 1000)`,
        [orderId, ended, randomUUID()],
      );
      return orderId;
    };
    const late = await order();
    // 23:30 UTC on the last day is already the next day in Paris.
    const refused = await issueBooksOfOrder(db, late, undefined, new Date('2020-12-31T23:30:00Z'));
    expect(refused).toEqual({
      orderId: null,
      booksIssued: null,
      vouchersIssued: null,
      error: { code: 'PROGRAMME_ENDED', message: expect.stringMatching(/ended on 2020-12-31/) },
    });
    expect((await issuedRows(late)).books).toHaveLength(0);
    expect((await issueBooksOfOrder(db, late)).error?.code).toBe('PROGRAMME_ENDED');
    const inTime = await order();
    expect(await issueBooksOfOrder(db, inTime, undefined, new Date('2020-12-31T12:00:00Z'))).toEqual({ orderId: inTime, booksIssued: 1, vouchersIssued: 5, error: null });
  });

  test('issued books are allocated all or none: too few left and an unknown distributor are refusals in the answer', async () => {
    const ownProgramme = randomUUID();
    const orderId = randomUUID();
    await db.query(
      `insert into paid_order (order_id, programme_id, funder_id, book_count, vouchers_per_book, face_value_cents) values ($1, $2, $3, 3, 5, 1000)`,
      [orderId, ownProgramme, randomUUID()],
    );
    expect((await issueBooksOfOrder(db, orderId)).error).toBeNull();
    const distributorId = randomUUID();
    await db.query(`insert into distributor_fact (distributor_id, name) values ($1, 'Mission locale')`, [distributorId]);
    const allocated = async () => (await db.query(`select count(*)::int as n from book where programme_id = $1 and distributor_id is not null`, [ownProgramme]))[0].n;

    expect(await allocateBooks(db, { programmeId: ownProgramme, distributorId, quantity: 4 })).toEqual({
      books: null,
      error: { code: 'NOT_ENOUGH_BOOKS_LEFT', message: 'only 3 unallocated books left in this programme, 4 asked' },
    });
    expect(await allocated()).toBe(0);
    expect((await allocateBooks(db, { programmeId: ownProgramme, distributorId: randomUUID(), quantity: 1 })).error?.code).toBe('DISTRIBUTOR_NOT_FOUND');
    expect((await allocateBooks(db, { programmeId: ownProgramme, distributorId: 'not-an-id', quantity: 1 })).error?.code).toBe('DISTRIBUTOR_NOT_FOUND');
    await expect(allocateBooks(db, { programmeId: ownProgramme, distributorId, quantity: 0 })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'quantity' } });

    const given = await allocateBooks(db, { programmeId: ownProgramme, distributorId, quantity: 3 });
    expect(given.error).toBeNull();
    expect(given.books!.map((b) => b.code)).toEqual(given.books!.map((b) => b.code).sort());
    expect(given.books!.every((b) => b.distributorId === distributorId)).toBe(true);
    expect((await allocateBooks(db, { programmeId: ownProgramme, distributorId, quantity: 1 })).error?.code).toBe('NOT_ENOUGH_BOOKS_LEFT');
  });

  test('an order not paid (or unknown) is refused (ORDER_NOT_PAID) in the answer', async () => {
    for (const orderId of [randomUUID(), 'not-an-id']) {
      expect(await issueBooksOfOrder(db, orderId)).toEqual({
        orderId: null,
        booksIssued: null,
        vouchersIssued: null,
        error: { code: 'ORDER_NOT_PAID', message: expect.stringMatching(/not paid/) },
      });
    }
  });
});
