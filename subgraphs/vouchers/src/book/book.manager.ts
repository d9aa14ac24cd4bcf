import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { BadInputError, isUuid, refusal, type Refusal } from '@pass/kit';
import { parisDayOf } from '@pass/contracts';
import { generateCodes, normaliseCode, type CodeKind } from '../voucher/voucher-code';
import { TALLY_SHARDS, tallyStore } from '../tally/tally.store';
import {
  AllocateBooksErrorCode,
  HandOutBookErrorCode,
  IssueBooksErrorCode,
  ReportBookLostErrorCode,
} from './book.inputs';
import type { Book } from './book.entity';
import { bookStore, type ChunkRows } from './book.store';
import { timeOrderedUuidsText } from './time-ordered-ids';

const hexDigit = (c: number) => (c <= 57 ? c - 48 : c - 87); // '0'-'9', 'a'-'f'

/** Adds the chunk's vouchers to `perShard` by the shard their id picks (`shardOf`: its last byte). */
function countShards(voucherIds: string, perShard: number[]): void {
  // `id,id,…`: 36 characters an id and a comma; the last two hex digits of id i are at 37 i + 34 and 35.
  for (let at = 35; at < voucherIds.length; at += 37) {
    perShard[(hexDigit(voucherIds.charCodeAt(at - 1)) * 16 + hexDigit(voucherIds.charCodeAt(at))) % TALLY_SHARDS]! += 1;
  }
}

/**
 * Books per chunk: one INSERT of books and one of their vouchers (100,000 vouchers for books of
 * 10). Bounds the memory of a statement and its parameters when issuing millions, and sets how
 * often progress is reported. Larger chunks were not faster on the benchmark.
 */
const ISSUE_CHUNK_BOOKS = 10_000;

/** Redraws of a chunk whose codes hit existing ones; each hit has odds of about 1e-11. */
const MAX_CODE_REDRAWS = 5;

/** What each mutation of books answers (its payload): the result, or null fields and the refusal. */
export type IssueBooksAnswer =
  | { orderId: string; booksIssued: number; vouchersIssued: number; error: null }
  | { orderId: null; booksIssued: null; vouchersIssued: null; error: Refusal<IssueBooksErrorCode> };
export type AllocateBooksAnswer = { books: Book[]; error: null } | { books: null; error: Refusal<AllocateBooksErrorCode> };
export type HandOutBookAnswer = { book: Book; error: null } | { book: null; error: Refusal<HandOutBookErrorCode> };
export type ReportBookLostAnswer =
  | { book: Book; vouchersBlocked: number; error: null }
  | { book: null; vouchersBlocked: 0; error: Refusal<ReportBookLostErrorCode> };

const issueRefused = (code: IssueBooksErrorCode, message: string): IssueBooksAnswer => ({
  orderId: null,
  booksIssued: null,
  vouchersIssued: null,
  error: refusal(code, message),
});

/** Where codes come from: `generateCodes`; a test passes a drawer that repeats stored codes, to prove the redraw. */
export type CodeDrawer = (kind: CodeKind, count: number) => string[];

/**
 * A chunk's ids and codes. The codes are handed out in ascending order (byte order, that of the
 * `collate "C"` unique indexes), so each chunk walks its unique code index from left to right
 * instead of jumping to a random leaf page for every row: ≈ 15 % less PostgreSQL CPU for a million
 * vouchers (docs/scale.md). The codes stay random draws; only which row gets which changes. Within
 * a chunk of 100,000, neighbouring vouchers' codes are about 2^43 apart, so guessing one from
 * another takes about 2^43 tries, more than guessing some live voucher blindly (2^60 / 2e7 ≈ 2^36).
 * `generateCodes` draws them in that order already (sorting them again is one pass); a test's
 * drawer may not.
 */
function drawChunk(books: number, perBook: number, draw: CodeDrawer): ChunkRows {
  return {
    books,
    perBook,
    bookIds: timeOrderedUuidsText(books),
    voucherIds: timeOrderedUuidsText(books * perBook),
    bookCodes: draw('book', books).sort(),
    voucherCodes: draw('voucher', books * perBook).sort(),
  };
}

/**
 * Issues every book and voucher of a paid order, once: the paid order's row is locked and marked
 * issued in the same transaction, so a second call (even a concurrent one) issues nothing.
 * Set-based: two statements per chunk of books, rows built from arrays, never a row per round
 * trip. Codes are random (never sequential) with a check symbol; a code that repeats one already
 * stored makes the chunk roll back to its savepoint and redraw those codes.
 * `onProgress` reports books issued so far, after each chunk. An order that is not paid
 * (ORDER_NOT_PAID) or of a programme that has ended (PROGRAMME_ENDED) is refused; `now` is the
 * clock, which tests of past windows set; `draw` draws the codes (`generateCodes`, unless a test
 * proves the redraw); `chunkBooks` is the chunk size, which tests make small to get several.
 *
 * Two connections, all or nothing. One PostgreSQL backend does all of a statement's work on one
 * core, so an order of several chunks is inserted over two connections, chunks shared between
 * them: the main transaction (it holds the order's lock and writes the tallies and the issued
 * stamp) and a second one that ends with PREPARE TRANSACTION (two-phase commit). The main one
 * commits only once the second is prepared (its rows are on disk and can no longer fail to
 * commit), then the second is committed; any failure before that rolls both back. What a crash
 * can leave is a prepared transaction named after the order (`stranded`): the next issuance of
 * that order, under the order's lock, commits it when the order is stamped issued and rolls it
 * back when not, so re-running the issuance always ends in one complete issuance. A server with
 * `max_prepared_transactions = 0` gets the single connection.
 */
export async function issueBooksOfOrder(
  db: DataSource,
  orderId: string,
  onProgress?: (booksIssued: number, booksTotal: number) => void,
  now = new Date(),
  draw: CodeDrawer = generateCodes,
  chunkBooks = ISSUE_CHUNK_BOOKS,
): Promise<IssueBooksAnswer> {
  const notPaid = () => issueRefused(IssueBooksErrorCode.ORDER_NOT_PAID, `order ${orderId} is unknown or not paid yet: vouchers are issued only once paid`);
  if (!isUuid(orderId)) return notPaid();
  const gid = `${PREPARED_PREFIX}${orderId}`;
  // Assigned inside the transaction's callback, read after it.
  const half: { second: QueryRunner | null; prepared: boolean } = { second: null, prepared: false };
  const secondConnection = async () => (half.second ??= await borrowSecondConnection(db));
  try {
    const answer = await db.transaction(async (tx): Promise<IssueBooksAnswer> => {
      const order = await bookStore.lockPaidOrder(tx, orderId);
      if (!order) return notPaid();
      const total = order.bookCount;
      const perBook = order.vouchersPerBook;
      // Under the order's lock, no issuance of it is running: a prepared half is a crash's leftover.
      if (await bookStore.preparedExists(tx, gid)) {
        const helper = await secondConnection();
        if (!helper) throw new Error(`order ${orderId}: no database connection free to settle an earlier issuance's prepared half; try again`);
        await bookStore.settlePrepared(helper.manager, gid, order.issued ? 'commit' : 'rollback');
      }
      if (order.issued) return { orderId, booksIssued: total, vouchersIssued: total * perBook, error: null };
      // Vouchers issued after the last day could never be used: their value would go straight back.
      const lastDay = await bookStore.programmeLastDay(tx, order.programmeId);
      const today = parisDayOf(now);
      if (lastDay && lastDay < today) {
        return issueRefused(IssueBooksErrorCode.PROGRAMME_ENDED, `the programme ended on ${lastDay} (it is ${today} in Paris): its vouchers can no longer be issued`);
      }
      const rows = { programmeId: order.programmeId, orderId, faceValueCents: order.faceValueCents };
      const chunks = new ChunkQueue(total, chunkBooks);
      const perShard = new Array<number>(TALLY_SHARDS).fill(0);
      let done = 0;
      const chunkDone = (chunk: ChunkRows) => {
        countShards(chunk.voucherIds, perShard);
        done += chunk.books;
        onProgress?.(done, total);
      };
      const workers = [tx];
      const second = chunks.count > 1 && (await bookStore.preparedTransactionsEnabled(tx)) ? await secondConnection() : null;
      if (second) {
        await bookStore.beginSecondHalf(second.manager);
        workers.push(second.manager);
      }
      if (workers.length > 1) await bookStore.boundLockWaits(tx);
      await runWorkers(workers.map((worker) => () => issueChunks(worker, chunks, perBook, rows, draw, chunkDone)), chunks);
      if (second) {
        await bookStore.prepareSecondHalf(second.manager, gid);
        half.prepared = true;
        await bookStore.unboundLockWaits(tx);
      }
      // The tallies last, just before the commit: their rows are locked from here to the commit,
      // so redemptions of the programme wait milliseconds on them, not the whole issuance.
      await tallyStore.moveBooks(tx, { programmeId: order.programmeId, distributorId: null, books: total });
      await tallyStore.addIssued(tx, order.programmeId, perShard, order.faceValueCents);
      await bookStore.markOrderIssued(tx, orderId);
      return { orderId, booksIssued: total, vouchersIssued: total * perBook, error: null };
    });
    // Committed: the prepared half must follow. Should this fail, the next issuance commits it.
    if (half.prepared) await bookStore.settlePrepared(half.second!.manager, gid, 'commit');
    return answer;
  } catch (err) {
    if (half.prepared) {
      // Whether the main transaction committed is the order's stamp. Read without the lock: an
      // issuance that took the lock since has settled this half first (then this finds it gone).
      const helper = half.second!.manager;
      await bookStore
        .orderStampedIssued(helper, orderId)
        .then((issued) => bookStore.settlePrepared(helper, gid, issued ? 'commit' : 'rollback'))
        .catch(() => undefined);
    } else if (half.second) await bookStore.abandonSecondHalf(half.second.manager).catch(() => undefined);
    throw err;
  } finally {
    await half.second?.release();
  }
}

/** How long issuance waits for the pool's second connection before going on with one. */
const SECOND_CONNECTION_WAIT_MS = 2_000;

/**
 * A second connection of the pool, connected, or null when none comes within
 * SECOND_CONNECTION_WAIT_MS. Bounded because the caller holds a connection already: issuances
 * that each hold one and wait for another could otherwise take the whole pool and wait for ever.
 */
async function borrowSecondConnection(db: DataSource): Promise<QueryRunner | null> {
  const runner = db.createQueryRunner();
  const connecting = runner.connect();
  let timer: NodeJS.Timeout | undefined;
  const connected = await Promise.race([
    connecting.then(() => true),
    new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), SECOND_CONNECTION_WAIT_MS))),
  ]).finally(() => clearTimeout(timer));
  if (connected) return runner;
  void connecting.then(() => runner.release()).catch(() => undefined);
  return null;
}

/** The name of an issuance's prepared half: the order's id follows. */
const PREPARED_PREFIX = 'pass-issue:';

/** The chunks of an order, handed out in order to whichever connection asks next. */
class ChunkQueue {
  readonly count: number;
  private next = 0;
  stopped = false;
  constructor(
    private readonly total: number,
    private readonly size: number,
  ) {
    this.count = Math.ceil(total / size);
  }
  /** The next chunk's size in books, null when none is left (or the issuance failed). */
  take(): number | null {
    if (this.stopped || this.next >= this.total) return null;
    const books = Math.min(this.size, this.total - this.next);
    this.next += books;
    return books;
  }
}

/** Runs the workers together; on a failure the others stop after their chunk, and the first failure is thrown once all have stopped. */
async function runWorkers(workers: Array<() => Promise<void>>, chunks: ChunkQueue): Promise<void> {
  const outcomes = await Promise.allSettled(
    workers.map((work) =>
      work().catch((err: unknown) => {
        chunks.stopped = true;
        throw err;
      }),
    ),
  );
  const failed = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * One connection's share: takes chunks until none is left. The next chunk's ids and codes are
 * drawn while PostgreSQL inserts this one (the CPU of both sides overlaps instead of adding up:
 * ≈ 2 s of Node per million vouchers).
 */
async function issueChunks(
  tx: EntityManager,
  chunks: ChunkQueue,
  perBook: number,
  rows: { programmeId: string; orderId: string; faceValueCents: number },
  draw: CodeDrawer,
  chunkDone: (chunk: ChunkRows) => void,
): Promise<void> {
  const first = chunks.take();
  let chunk = first === null ? null : drawChunk(first, perBook, draw);
  while (chunk) {
    let next: ChunkRows | null = null;
    const drawNext = () => {
      const books = chunks.take();
      if (books !== null) next = drawChunk(books, perBook, draw);
    };
    await insertChunk(tx, chunk, rows, drawNext, draw);
    chunkDone(chunk);
    chunk = next;
  }
}

/**
 * Inserts one chunk under a savepoint (bookStore.insertChunk says how). A code that repeats one
 * already stored rolls the chunk back to the savepoint, and those codes are drawn again. A code
 * that repeats one the other connection of the same issuance has inserted but not committed
 * would make each wait for the other for ever; the wait is cut short (LOCK_TIMEOUT) and the
 * chunk's codes are all drawn again.
 */
async function insertChunk(
  tx: EntityManager,
  chunk: ChunkRows,
  order: { programmeId: string; orderId: string; faceValueCents: number },
  whileInserting: () => void,
  draw: CodeDrawer,
): Promise<void> {
  let drewNext = false;
  for (let redraws = 0; ; redraws += 1) {
    await bookStore.openChunk(tx);
    try {
      const { vouchers } = await bookStore.insertChunk(tx, chunk, order);
      if (!drewNext) {
        // Once the statement is on the wire (the driver sends it within this turn of the loop).
        await new Promise<void>((resolve) => setImmediate(resolve));
        drewNext = true;
        whileInserting();
      }
      await vouchers;
      await bookStore.closeChunk(tx);
      return;
    } catch (err) {
      const conflict = isCodeConflict(err);
      if ((!conflict && !isLockTimeout(err)) || redraws >= MAX_CODE_REDRAWS) throw err;
      await bookStore.undoChunk(tx);
      if (conflict) {
        await redrawTakenCodes(tx, 'book', chunk.bookCodes, draw);
        await redrawTakenCodes(tx, 'voucher', chunk.voucherCodes, draw);
      } else {
        chunk.bookCodes = draw('book', chunk.books).sort();
        chunk.voucherCodes = draw('voucher', chunk.books * chunk.perBook).sort();
      }
    }
  }
}

/** A wait on a lock cut short by `lock_timeout`. */
function isLockTimeout(err: unknown): boolean {
  return (err as { code?: string }).code === '55P03';
}

/** A unique violation on `book.code` or `voucher.code` (PostgreSQL names them `<table>_code_key`). */
function isCodeConflict(err: unknown): boolean {
  const { code, constraint } = err as { code?: string; constraint?: string };
  return code === '23505' && (constraint === 'book_code_key' || constraint === 'voucher_code_key');
}

/** Replaces, in place, the codes already stored, by fresh ones that repeat nothing in the batch. */
async function redrawTakenCodes(tx: EntityManager, kind: CodeKind, codes: string[], draw: CodeDrawer): Promise<void> {
  const taken = await bookStore.takenCodes(tx, kind, codes);
  if (taken.size === 0) return;
  const inBatch = new Set(codes);
  for (let i = 0; i < codes.length; i += 1) {
    if (!taken.has(codes[i]!)) continue;
    let fresh: string;
    do [fresh] = draw(kind, 1) as [string];
    while (inBatch.has(fresh) || taken.has(fresh));
    inBatch.add(fresh);
    codes[i] = fresh;
  }
}

const allocateRefused = (code: AllocateBooksErrorCode, message: string): AllocateBooksAnswer => ({ books: null, error: refusal(code, message) });

/** Gives `quantity` unallocated books of a programme to a distributor, all or none. */
export async function allocateBooks(db: DataSource, input: { programmeId: string; distributorId: string; quantity: number }): Promise<AllocateBooksAnswer> {
  const { programmeId, distributorId, quantity } = input;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 100_000) {
    throw new BadInputError('quantity must be between 1 and 100,000', 'quantity');
  }
  const tooFew = (left: number) =>
    allocateRefused(AllocateBooksErrorCode.NOT_ENOUGH_BOOKS_LEFT, `only ${left} unallocated books left in this programme, ${quantity} asked`);
  if (!isUuid(distributorId)) return allocateRefused(AllocateBooksErrorCode.DISTRIBUTOR_NOT_FOUND, `no distributor ${distributorId}`);
  if (!isUuid(programmeId)) return tooFew(0);
  const answer = await db
    .transaction(async (tx) => {
      if (!(await bookStore.distributorKnown(tx, distributorId))) {
        return allocateRefused(AllocateBooksErrorCode.DISTRIBUTOR_NOT_FOUND, `no distributor ${distributorId}`);
      }
      const ids = await bookStore.allocate(tx, { programmeId, distributorId, quantity });
      // All or nothing: rolling back gives the books taken so far back to the programme.
      if (ids.length < quantity) throw new TooFewBooks(ids.length);
      await tallyStore.moveBooks(tx, { programmeId, distributorId: null, books: -quantity });
      await tallyStore.moveBooks(tx, { programmeId, distributorId, books: quantity });
      const books = await bookStore.byIds(tx, ids);
      return { books: books.sort((a, b) => (a.code < b.code ? -1 : 1)), error: null } as const;
    })
    .catch((err: unknown) => {
      if (err instanceof TooFewBooks) return tooFew(err.left);
      throw err;
    });
  return answer;
}

/** Unwinds the allocation's transaction when fewer books are left than asked. */
class TooFewBooks extends Error {
  constructor(readonly left: number) {
    super(`only ${left} unallocated books left`);
  }
}

const handOutRefused = (code: HandOutBookErrorCode, message: string): HandOutBookAnswer => ({ book: null, error: refusal(code, message) });

/**
 * A distributor hands one of its books to a person it registered and found eligible for the
 * book's programme. The conditional update makes a race between two hand-outs of one book safe.
 */
export async function handOutBook(
  db: DataSource,
  input: { bookCode: string; beneficiaryId: string; distributorId: string },
): Promise<HandOutBookAnswer> {
  const code = normaliseCode(input.bookCode);
  const book = code ? await bookStore.byCode(db, code) : null;
  if (!book) return handOutRefused(HandOutBookErrorCode.BOOK_NOT_FOUND, `no book with code ${input.bookCode}`);
  if (book.distributorId !== input.distributorId) {
    return handOutRefused(HandOutBookErrorCode.BOOK_NOT_ALLOCATED_TO_DISTRIBUTOR, 'this book was not allocated to this distributor');
  }
  // A retry of a hand-out that went through (same book, same person) answers as the first did.
  if (book.beneficiaryId === input.beneficiaryId) return { book, error: null };
  if (book.beneficiaryId) return handOutRefused(HandOutBookErrorCode.BOOK_ALREADY_HANDED_OUT, 'this book was already handed out');
  const person = isUuid(input.beneficiaryId) ? await bookStore.beneficiaryForHandOut(db, input.beneficiaryId) : null;
  if (!person) return handOutRefused(HandOutBookErrorCode.BENEFICIARY_NOT_FOUND, `beneficiary ${input.beneficiaryId} not found`);
  if (person.distributorId !== input.distributorId) {
    return handOutRefused(HandOutBookErrorCode.BENEFICIARY_OF_ANOTHER_DISTRIBUTOR, 'the person was registered by another distributor');
  }
  if (!person.eligibleProgrammeIds.includes(book.programmeId)) {
    return handOutRefused(HandOutBookErrorCode.NOT_ELIGIBLE, "the person was not found eligible for this book's programme");
  }
  const handed = await db.transaction(async (tx) => {
    const done = await bookStore.handOut(tx, book.id, input.beneficiaryId);
    if (done) await tallyStore.moveBooks(tx, { programmeId: book.programmeId, distributorId: input.distributorId, handedOut: 1 });
    return done;
  });
  const now = await bookStore.byId(db, book.id);
  // Lost a race: to this very hand-out (a concurrent retry), or to someone else's.
  if (!handed && now.beneficiaryId !== input.beneficiaryId) {
    return handOutRefused(HandOutBookErrorCode.BOOK_ALREADY_HANDED_OUT, 'this book was already handed out');
  }
  return { book: now, error: null };
}

const lossRefused = (code: ReportBookLostErrorCode, message: string): ReportBookLostAnswer => ({ book: null, vouchersBlocked: 0, error: refusal(code, message) });

/**
 * A distributor reports one of its books lost or stolen: every unused voucher of it turns LOST in
 * the same transaction, so a redemption from then on is refused (BOOK_REPORTED_LOST). Their value
 * stays outstanding and is credited back to the funders at the programme's expiry, like any
 * unused voucher. The person can be handed another book (`handOutBook`). Reporting twice blocks
 * nothing more.
 */
export async function reportBookLost(db: DataSource, input: { bookCode: string; distributorId: string }): Promise<ReportBookLostAnswer> {
  const code = normaliseCode(input.bookCode);
  const book = code ? await bookStore.byCode(db, code) : null;
  if (!book) return lossRefused(ReportBookLostErrorCode.BOOK_NOT_FOUND, `no book with code ${input.bookCode}`);
  if (book.distributorId !== input.distributorId) {
    return lossRefused(ReportBookLostErrorCode.BOOK_NOT_ALLOCATED_TO_DISTRIBUTOR, 'this book was not allocated to this distributor');
  }
  return db.transaction(async (tx) => {
    // Vouchers before their tally shards, the order a redemption locks them in (voucher, then shard).
    const lost = await bookStore.blockVouchersOfLostBook(tx, book.id);
    await tallyStore.moveShards(tx, lost, 'AVAILABLE', 'LOST');
    await bookStore.markLost(tx, book.id);
    return { book: await bookStore.byId(tx, book.id), vouchersBlocked: lost.reduce((sum, shard) => sum + shard.count, 0), error: null };
  });
}
