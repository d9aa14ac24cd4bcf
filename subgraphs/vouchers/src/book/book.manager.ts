import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { BadInputError, NotFoundError, isUuid } from '@pass/kit';
import { generateCodes, normaliseCode } from '../voucher/voucher-code';
import { Book } from './book.entity';

/** Rows per INSERT … SELECT: bounds the memory of one statement when issuing millions. */
const ISSUE_CHUNK_BOOKS = 20_000;

export interface IssueResult {
  orderId: string;
  booksIssued: number;
  vouchersIssued: number;
}

/**
 * Issues every book and voucher of a paid order, once. Codes are random (never sequential) and
 * inserted set-based from arrays, one statement per chunk: no row-per-round-trip loop.
 * `onProgress` reports books issued so far, for long runs.
 */
export async function issueBooksOfOrder(
  db: DataSource,
  orderId: string,
  onProgress?: (booksIssued: number, booksTotal: number) => void,
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
    for (let done = 0; done < total; done += ISSUE_CHUNK_BOOKS) {
      const n = Math.min(ISSUE_CHUNK_BOOKS, total - done);
      const bookIds = Array.from({ length: n }, () => randomUUID());
      await tx.query(
        `insert into book (id, code, programme_id, order_id)
         select id, code, $3, $4 from unnest($1::uuid[], $2::text[]) as t(id, code)`,
        [bookIds, generateCodes('book', n), order.programme_id, orderId],
      );
      const voucherBookIds = bookIds.flatMap((id) => Array<string>(perBook).fill(id));
      await tx.query(
        `insert into voucher (book_id, code, programme_id, face_value_cents)
         select book_id, code, $3, $4 from unnest($1::uuid[], $2::text[]) as t(book_id, code)`,
        [voucherBookIds, generateCodes('voucher', n * perBook), order.programme_id, order.face_value_cents],
      );
      onProgress?.(done + n, total);
    }
    await tx.query(`update paid_order set issued_at = now() where order_id = $1`, [orderId]);
    return { orderId, booksIssued: total, vouchersIssued: total * perBook };
  });
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
  const updated: { id: string }[] = await db.query(
    `with handed as (update book set beneficiary_id = $2, handed_out_at = now()
                     where id = $1 and beneficiary_id is null returning id)
     select id from handed`,
    [book.id, input.beneficiaryId],
  );
  if (updated.length === 0) return handOutError('BOOK_ALREADY_HANDED_OUT', 'this book was already handed out');
  return { book: await db.getRepository(Book).findOneByOrFail({ id: book.id }), error: null };
}
