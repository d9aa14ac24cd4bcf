import type { DataSource } from 'typeorm';
import { normaliseCode } from '../voucher/voucher-code';
import { Book } from './book.entity';
import { moveRowsSql } from '../tally/tally.store';

export enum ReportBookLostErrorCode {
  BOOK_NOT_FOUND = 'BOOK_NOT_FOUND',
  BOOK_NOT_ALLOCATED_TO_DISTRIBUTOR = 'BOOK_NOT_ALLOCATED_TO_DISTRIBUTOR',
}

export type ReportBookLostAnswer =
  | { book: Book; vouchersBlocked: number; error: null }
  | { book: null; vouchersBlocked: 0; error: { code: ReportBookLostErrorCode; message: string } };

/**
 * A distributor reports one of its books lost or stolen: every unused voucher of it turns LOST in
 * the same statement, so a redemption from then on is refused (BOOK_REPORTED_LOST). Their value
 * stays outstanding and is credited back to the funders at the programme's expiry, like any
 * unused voucher. The person can be handed another book (`handOutBook`). Reporting twice blocks
 * nothing more.
 */
export async function reportBookLost(db: DataSource, input: { bookCode: string; distributorId: string }): Promise<ReportBookLostAnswer> {
  const code = normaliseCode(input.bookCode);
  const book = code ? await db.getRepository(Book).findOneBy({ code }) : null;
  if (!book) return { book: null, vouchersBlocked: 0, error: { code: ReportBookLostErrorCode.BOOK_NOT_FOUND, message: `no book with code ${input.bookCode}` } };
  if (book.distributorId !== input.distributorId) {
    return {
      book: null,
      vouchersBlocked: 0,
      error: { code: ReportBookLostErrorCode.BOOK_NOT_ALLOCATED_TO_DISTRIBUTOR, message: 'this book was not allocated to this distributor' },
    };
  }
  return db.transaction(async (tx) => {
    // Vouchers before the book's row, the order a redemption locks them in (voucher, then book).
    const [{ blocked }] = await tx.query(
      `with lost as (update voucher set state = 'LOST' where book_id = $1 and state = 'AVAILABLE'
                     returning id, programme_id, face_value_cents),
            tallied as (${moveRowsSql('lost', 'AVAILABLE', 'LOST')})
       select count(*)::int as blocked from lost`,
      [book.id],
    );
    await tx.query(`update book set lost_at = coalesce(lost_at, now()) where id = $1`, [book.id]);
    return { book: await tx.getRepository(Book).findOneByOrFail({ id: book.id }), vouchersBlocked: blocked, error: null };
  });
}
