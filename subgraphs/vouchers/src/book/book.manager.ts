import type { DataSource, EntityManager } from 'typeorm';
import { BadInputError, NotFoundError, isUuid, parisDayOf } from '@pass/kit';
import { generateCodes, normaliseCode, type CodeKind } from '../voucher/voucher-code';
import { Book } from './book.entity';
import { timeOrderedUuidsText } from './time-ordered-ids';
import { TALLY_SHARDS, tallyStore } from '../tally/tally.store';

/** Adds the chunk's vouchers to `perShard` by the shard their id picks (`shardOf`: its last hex digit). */
function countShards(voucherIds: string, perShard: number[]): void {
  // `id,id,…`: 36 characters an id and a comma; the last hex digit of id i is at 37 i + 35.
  for (let at = 35; at < voucherIds.length; at += 37) {
    const c = voucherIds.charCodeAt(at);
    const digit = c <= 57 ? c - 48 : c - 87; // '0'-'9', 'a'-'f'
    perShard[digit % TALLY_SHARDS]! += 1;
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

export enum IssueBooksErrorCode {
  /** The programme's last day has passed: its vouchers could never be used. */
  PROGRAMME_ENDED = 'PROGRAMME_ENDED',
}

export interface IssueResult {
  orderId: string;
  booksIssued: number;
  vouchersIssued: number;
  error?: { code: IssueBooksErrorCode; message: string } | null;
}

interface Chunk {
  books: number;
  perBook: number;
  /** Ids as the inside of a PostgreSQL array literal: `id,id,…`. */
  bookIds: string;
  voucherIds: string;
  bookCodes: string[];
  /** The vouchers of book i are `perBook * i` to `perBook * (i + 1) - 1`. */
  voucherCodes: string[];
}

/** Where codes come from: `generateCodes`; a test passes a drawer that repeats stored codes, to prove the redraw. */
export type CodeDrawer = (kind: CodeKind, count: number) => string[];

function drawChunk(books: number, perBook: number, draw: CodeDrawer): Chunk {
  return {
    books,
    perBook,
    bookIds: timeOrderedUuidsText(books),
    voucherIds: timeOrderedUuidsText(books * perBook),
    bookCodes: draw('book', books),
    voucherCodes: draw('voucher', books * perBook),
  };
}

/**
 * Issues every book and voucher of a paid order, once: the paid order's row is locked and marked
 * issued in the same transaction, so a second call (even a concurrent one) issues nothing.
 * Set-based: two statements per chunk of books, rows built from arrays, never a row per round
 * trip. Codes are random (never sequential) with a check symbol; a code that repeats one already
 * stored makes the chunk roll back to its savepoint and redraw those codes.
 * `onProgress` reports books issued so far, after each chunk. An order of a programme that has
 * ended is refused (PROGRAMME_ENDED); `now` is the clock, which tests of past windows set;
 * `draw` draws the codes (`generateCodes`, unless a test proves the redraw).
 */
export async function issueBooksOfOrder(
  db: DataSource,
  orderId: string,
  onProgress?: (booksIssued: number, booksTotal: number) => void,
  now = new Date(),
  draw: CodeDrawer = generateCodes,
): Promise<IssueResult> {
  if (!isUuid(orderId)) throw new NotFoundError('Order', orderId);
  return db.transaction(async (tx) => {
    const [order] = await tx.query(
      `select programme_id, book_count, vouchers_per_book, face_value_cents, issued_at from paid_order where order_id = $1 for update`,
      [orderId],
    );
    if (!order) throw new BadInputError(`order ${orderId} is unknown or not paid yet: vouchers are issued only once paid`, 'orderId');
    const total: number = order.book_count;
    const perBook: number = order.vouchers_per_book;
    if (order.issued_at) return { orderId, booksIssued: total, vouchersIssued: total * perBook };
    // Vouchers issued after the last day could never be used: their value would go straight back.
    const [window] = await tx.query(`select valid_until::text as valid_until from programme_fact where programme_id = $1`, [order.programme_id]);
    const today = parisDayOf(now);
    if (window && window.valid_until < today) {
      const message = `the programme ended on ${window.valid_until} (it is ${today} in Paris): its vouchers can no longer be issued`;
      return { orderId, booksIssued: 0, vouchersIssued: 0, error: { code: IssueBooksErrorCode.PROGRAMME_ENDED, message } };
    }
    // The next chunk's ids and codes are drawn while PostgreSQL inserts this one (the CPU of both
    // sides overlaps instead of adding up: ≈ 2 s of Node per million vouchers).
    const sizeAt = (done: number) => Math.min(ISSUE_CHUNK_BOOKS, total - done);
    let chunk = drawChunk(sizeAt(0), perBook, draw);
    const perShard = new Array<number>(TALLY_SHARDS).fill(0);
    for (let done = 0; done < total; done += ISSUE_CHUNK_BOOKS) {
      const n = sizeAt(done);
      let next: Chunk | null = null;
      const drawNext = () => {
        if (done + n < total) next = drawChunk(sizeAt(done + n), perBook, draw);
      };
      await insertChunk(tx, chunk, { programmeId: order.programme_id, orderId, faceValueCents: order.face_value_cents }, drawNext, draw);
      countShards(chunk.voucherIds, perShard);
      onProgress?.(done + n, total);
      if (next) chunk = next;
    }
    // The tallies last, just before the commit: their rows are locked from here to the commit,
    // so redemptions of the programme wait milliseconds on them, not the whole issuance.
    await tallyStore.moveBooks(tx, { programmeId: order.programme_id, distributorId: null, books: total });
    await tallyStore.addIssued(tx, order.programme_id, perShard, order.face_value_cents);
    await tx.query(`update paid_order set issued_at = now() where order_id = $1`, [orderId]);
    return { orderId, booksIssued: total, vouchersIssued: total * perBook };
  });
}

/**
 * Inserts one chunk under a savepoint. `unnest` in the select list zips the arrays row by row
 * without materialising them first (a `from unnest(…)` would spill to a temporary file); each
 * voucher's book is picked from the book ids by position, so they are sent once, not per voucher.
 * Every array is sent as one literal string: the driver's element-by-element conversion costs
 * several times the CPU and garbage for 100,000 elements. Uuids and codes are letters, digits
 * and dashes, so they need no quoting.
 */
async function insertChunk(
  tx: EntityManager,
  chunk: Chunk,
  order: { programmeId: string; orderId: string; faceValueCents: number },
  whileInserting: () => void,
  draw: CodeDrawer,
): Promise<void> {
  const bookIds = `{${chunk.bookIds}}`;
  const voucherIds = `{${chunk.voucherIds}}`;
  for (let redraws = 0; ; redraws += 1) {
    await tx.query('savepoint issue_chunk');
    try {
      await tx.query(
        `insert into book (id, code, programme_id, order_id)
         select unnest($1::uuid[]), unnest($2::text[]), $3, $4`,
        [bookIds, `{${chunk.bookCodes.join(',')}}`, order.programmeId, order.orderId],
      );
      const inserted = tx.query(
        `insert into voucher (id, book_id, code, programme_id, face_value_cents)
         select id, ($2::uuid[])[i / $6 + 1], code, $4, $5
           from (select unnest($1::uuid[]) as id, unnest($3::text[]) as code, generate_series(0, $7 - 1) as i) as v`,
        [voucherIds, bookIds, `{${chunk.voucherCodes.join(',')}}`, order.programmeId, order.faceValueCents, chunk.perBook, chunk.books * chunk.perBook],
      );
      inserted.catch(() => undefined); // awaited below; a refusal must not count as unhandled meanwhile
      if (redraws === 0) {
        // Once the statement is on the wire (the driver sends it within this turn of the loop).
        await new Promise<void>((resolve) => setImmediate(resolve));
        whileInserting();
      }
      await inserted;
      await tx.query('release savepoint issue_chunk');
      return;
    } catch (err) {
      if (!isCodeConflict(err) || redraws >= MAX_CODE_REDRAWS) throw err;
      await tx.query('rollback to savepoint issue_chunk');
      await tx.query('release savepoint issue_chunk');
      await redrawTakenCodes(tx, 'book', chunk.bookCodes, draw);
      await redrawTakenCodes(tx, 'voucher', chunk.voucherCodes, draw);
    }
  }
}

/** A unique violation on `book.code` or `voucher.code` (PostgreSQL names them `<table>_code_key`). */
function isCodeConflict(err: unknown): boolean {
  const { code, constraint } = err as { code?: string; constraint?: string };
  return code === '23505' && (constraint === 'book_code_key' || constraint === 'voucher_code_key');
}

/** Replaces, in place, the codes already stored, by fresh ones that repeat nothing in the batch. */
async function redrawTakenCodes(tx: EntityManager, kind: CodeKind, codes: string[], draw: CodeDrawer): Promise<void> {
  const rows: { code: string }[] = await tx.query(`select code from ${kind === 'book' ? 'book' : 'voucher'} where code = any($1::text[])`, [
    `{${codes.join(',')}}`,
  ]);
  if (rows.length === 0) return;
  const taken = new Set(rows.map((r) => r.code));
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

/** Gives `quantity` unallocated books of a programme to a distributor, all or none. */
export async function allocateBooks(db: DataSource, programmeId: string, distributorId: string, quantity: number): Promise<Book[]> {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 100_000) {
    throw new BadInputError('quantity must be between 1 and 100,000', 'quantity');
  }
  if (!isUuid(programmeId)) throw new NotFoundError('Programme', programmeId);
  if (!isUuid(distributorId)) throw new NotFoundError('Distributor', distributorId);
  return db.transaction(async (tx) => {
    const [distributor] = await tx.query(`select 1 from distributor_fact where distributor_id = $1`, [distributorId]);
    if (!distributor) throw new NotFoundError('Distributor', distributorId);
    const rows: { id: string }[] = await tx.query(
      // Wrapped in a CTE so the driver hands back rows (it returns [rows, count] for a bare UPDATE).
      `with allocated as (
         update book set distributor_id = $2, allocated_at = now()
         where id in (select id from book where programme_id = $1 and distributor_id is null
                      order by code limit $3 for update skip locked)
         returning id)
       select id from allocated`,
      [programmeId, distributorId, quantity],
    );
    if (rows.length < quantity) {
      throw new BadInputError(`only ${rows.length} unallocated books left in this programme, ${quantity} asked`, 'quantity');
    }
    await tallyStore.moveBooks(tx, { programmeId, distributorId: null, books: -quantity });
    await tallyStore.moveBooks(tx, { programmeId, distributorId, books: quantity });
    return tx.getRepository(Book).findBy(rows.map((r) => ({ id: r.id })));
  });
}

export type HandOutErrorCode =
  | 'BOOK_NOT_FOUND'
  | 'BOOK_NOT_ALLOCATED_TO_DISTRIBUTOR'
  | 'BOOK_ALREADY_HANDED_OUT'
  | 'BENEFICIARY_NOT_FOUND'
  | 'BENEFICIARY_OF_ANOTHER_DISTRIBUTOR'
  | 'NOT_ELIGIBLE';

export type HandOutResult = { book: Book; error: null } | { book: null; error: { code: HandOutErrorCode; message: string } };

const handOutError = (code: HandOutErrorCode, message: string): HandOutResult => ({ book: null, error: { code, message } });

/**
 * A distributor hands one of its books to a person it registered and found eligible for the
 * book's programme. The conditional update makes a race between two hand-outs of one book safe.
 */
export async function handOutBook(
  db: DataSource,
  input: { bookCode: string; beneficiaryId: string; distributorId: string },
): Promise<HandOutResult> {
  const code = normaliseCode(input.bookCode);
  const book = code ? await db.getRepository(Book).findOneBy({ code }) : null;
  if (!book) return handOutError('BOOK_NOT_FOUND', `no book with code ${input.bookCode}`);
  if (book.distributorId !== input.distributorId) {
    return handOutError('BOOK_NOT_ALLOCATED_TO_DISTRIBUTOR', 'this book was not allocated to this distributor');
  }
  // A retry of a hand-out that went through (same book, same person) answers as the first did.
  if (book.beneficiaryId === input.beneficiaryId) return { book, error: null };
  if (book.beneficiaryId) return handOutError('BOOK_ALREADY_HANDED_OUT', 'this book was already handed out');
  const [person] = isUuid(input.beneficiaryId)
    ? await db.query(`select distributor_id, eligible_programme_ids from beneficiary_fact where beneficiary_id = $1`, [input.beneficiaryId])
    : [];
  if (!person) return handOutError('BENEFICIARY_NOT_FOUND', `beneficiary ${input.beneficiaryId} not found`);
  if (person.distributor_id !== input.distributorId) {
    return handOutError('BENEFICIARY_OF_ANOTHER_DISTRIBUTOR', 'the person was registered by another distributor');
  }
  if (!(person.eligible_programme_ids as string[]).includes(book.programmeId)) {
    return handOutError('NOT_ELIGIBLE', "the person was not found eligible for this book's programme");
  }
  const updated: { id: string }[] = await db.transaction(async (tx) => {
    const handed: { id: string }[] = await tx.query(
      `with handed as (update book set beneficiary_id = $2, handed_out_at = now()
                       where id = $1 and beneficiary_id is null returning id)
       select id from handed`,
      [book.id, input.beneficiaryId],
    );
    if (handed.length > 0) await tallyStore.moveBooks(tx, { programmeId: book.programmeId, distributorId: input.distributorId, handedOut: 1 });
    return handed;
  });
  if (updated.length === 0) {
    // Lost a race: to this very hand-out (a concurrent retry), or to someone else's.
    const now = await db.getRepository(Book).findOneByOrFail({ id: book.id });
    return now.beneficiaryId === input.beneficiaryId ? { book: now, error: null } : handOutError('BOOK_ALREADY_HANDED_OUT', 'this book was already handed out');
  }
  return { book: await db.getRepository(Book).findOneByOrFail({ id: book.id }), error: null };
}
