import { type DataSource, type EntityManager } from 'typeorm';
import { readEntities, type PageRequest, type PageRows } from '@pass/kit';
import { centsOf } from '../ledger/cents';
import type { CodeKind } from '../voucher/voucher-code';
import { SHARD_OF_ID, type ShardMove } from '../tally/tally.store';
import { Book } from './book.entity';

const BOOK_COLUMNS = `id, code, programme_id as "programmeId", order_id as "orderId", distributor_id as "distributorId",
  beneficiary_id as "beneficiaryId", beneficiary_erased_at as "beneficiaryErasedAt", issued_at as "issuedAt", allocated_at as "allocatedAt", handed_out_at as "handedOutAt",
  lost_at as "lostAt"`;

/**
 * BOOK_COLUMNS as the outer query of a page names them (`b.id, b."programmeId"`, …): explicit, not
 * `b.*`, so that the page's statement runs prepared (kit's prepared-statements.ts names no `*`
 * projection).
 */
const BOOK_FIELDS_OF_B = BOOK_COLUMNS.split(',')
  .map((column) => `b.${column.trim().split(/\s+as\s+/).pop()}`)
  .join(', ');

/** A paid order as issuance reads it, its row locked. */
export interface PaidOrderToIssue {
  programmeId: string;
  bookCount: number;
  vouchersPerBook: number;
  faceValueCents: number;
  issued: boolean;
}

/** One chunk of books and their vouchers to insert, ids and codes already drawn. */
export interface ChunkRows {
  books: number;
  perBook: number;
  /** Ids as the inside of a PostgreSQL array literal: `id,id,…`. */
  bookIds: string;
  voucherIds: string;
  bookCodes: string[];
  /** The vouchers of book i are `perBook * i` to `perBook * (i + 1) - 1`. */
  voucherCodes: string[];
}

/**
 * How long an issuing connection waits on a row lock before giving up on the chunk and drawing
 * its codes again. Only a code drawn twice in one issuance (odds about 4e-7 per million) or
 * inserted by another issuance still running makes it wait.
 */
const ISSUE_LOCK_TIMEOUT = '1s';

/** The registration facts a hand-out checks. */
export interface BeneficiaryForHandOut {
  distributorId: string;
  eligibleProgrammeIds: string[];
}

export const bookStore = {
  byIds: (db: DataSource | EntityManager, ids: string[]) => readEntities(db, Book, 'id = any($1::uuid[])', [ids]),
  byId: (db: DataSource | EntityManager, id: string) => db.getRepository(Book).findOneByOrFail({ id }),
  byCode: (db: DataSource | EntityManager, code: string) => db.getRepository(Book).findOneBy({ code }),
  /**
   * One page of each distributor's books, by code, in one statement for all distributors: for
   * each, its book count and the `first + 1` books after the cursor's code (the extra one only
   * says that more follow). The lateral join walks the (distributor_id, code) index per distributor.
   */
  pagesOfDistributors: async (db: DataSource, distributorIds: string[], page: PageRequest): Promise<Map<string, PageRows<Book>>> => {
    const rows: Array<{ owner: string; total: number; id: string | null }> = await db.query(
      `select d.id as owner, counted.total, ${BOOK_FIELDS_OF_B}
         from unnest($1::uuid[]) as d(id)
         cross join lateral (select count(*)::int as total from book where distributor_id = d.id) counted
         left join lateral (
           select ${BOOK_COLUMNS} from book
            where distributor_id = d.id and ($3::text is null or code > $3)
            order by code limit $2) b on true
        order by d.id, b.code`,
      [distributorIds, page.first + 1, page.afterKey],
    );
    const pages = new Map<string, PageRows<Book>>();
    for (const { owner, total, ...book } of rows) {
      let found = pages.get(owner);
      if (!found) pages.set(owner, (found = { rows: [], totalCount: total }));
      if (book.id !== null) found.rows.push(Object.assign(new Book(), book));
    }
    return pages;
  },
  ofBeneficiaries: (db: DataSource, beneficiaryIds: string[]) => readEntities(db, Book, 'beneficiary_id = any($1::uuid[])', [beneficiaryIds], 'code'),

  // ——— Issuance ———

  /** The paid order, its row locked for the transaction so that two issuances of it run one after the other; null when no paid order has this id. */
  async lockPaidOrder(tx: EntityManager, orderId: string): Promise<PaidOrderToIssue | null> {
    const [order] = await tx.query(
      `select programme_id, book_count, vouchers_per_book, face_value_cents, issued_at from paid_order where order_id = $1 for update`,
      [orderId],
    );
    return order
      ? {
          programmeId: order.programme_id,
          bookCount: order.book_count,
          vouchersPerBook: order.vouchers_per_book,
          faceValueCents: order.face_value_cents,
          issued: order.issued_at !== null,
        }
      : null;
  },

  /** The programme's last day (`YYYY-MM-DD`), null when its facts have not arrived. */
  async programmeLastDay(tx: EntityManager, programmeId: string): Promise<string | null> {
    const [row] = await tx.query(`select valid_until::text as valid_until from programme_fact where programme_id = $1`, [programmeId]);
    return row?.valid_until ?? null;
  },

  /**
   * The paid order's replica is stamped issued in the issuing transaction: the one write of
   * issuance outside the books and vouchers, and what makes a second issuance issue nothing.
   */
  async markOrderIssued(tx: EntityManager, orderId: string): Promise<void> {
    await tx.query(`update paid_order set issued_at = now() where order_id = $1`, [orderId]);
  },

  // ——— Issuance over two connections (book.manager.ts, issueBooksOfOrder, says why) ———

  /** Whether the server allows prepared transactions (`max_prepared_transactions` > 0). */
  async preparedTransactionsEnabled(tx: EntityManager): Promise<boolean> {
    const [row] = await tx.query(`select current_setting('max_prepared_transactions')::int > 0 as enabled`);
    return row.enabled;
  },
  async preparedExists(tx: EntityManager, gid: string): Promise<boolean> {
    const [row] = await tx.query(`select 1 from pg_prepared_xacts where gid = $1 and database = current_database()`, [gid]);
    return Boolean(row);
  },
  async orderStampedIssued(db: EntityManager, orderId: string): Promise<boolean> {
    const [row] = await db.query(`select issued_at is not null as issued from paid_order where order_id = $1`, [orderId]);
    return Boolean(row?.issued);
  },
  /** Commits or rolls back a prepared transaction, on a connection outside any transaction; one already settled (by another caller) is no error. */
  async settlePrepared(db: EntityManager, gid: string, how: 'commit' | 'rollback'): Promise<void> {
    // The name is ours (a fixed prefix and a checked uuid): COMMIT PREPARED takes no parameter.
    if (!/^[a-z:-]+[0-9a-f-]{36}$/.test(gid)) throw new Error(`not an issuance's prepared transaction: ${gid}`);
    await db.query(`${how} prepared '${gid}'`).catch((err: { code?: string }) => {
      if (err.code !== '42704') throw err; // undefined_object: settled already
    });
  },
  async beginSecondHalf(tx: EntityManager): Promise<void> {
    await tx.query('begin');
    await tx.query(`set local lock_timeout = '${ISSUE_LOCK_TIMEOUT}'`);
  },
  /** The second connection's rows, made durable and held until the main transaction has committed. */
  prepareSecondHalf: (tx: EntityManager, gid: string) => tx.query(`prepare transaction '${gid}'`),
  abandonSecondHalf: (tx: EntityManager) => tx.query('rollback'),
  /** While two connections insert, a wait on a row lock is a wait on the other one: cut it short. */
  boundLockWaits: (tx: EntityManager) => tx.query(`set local lock_timeout = '${ISSUE_LOCK_TIMEOUT}'`),
  unboundLockWaits: (tx: EntityManager) => tx.query(`set local lock_timeout = default`),

  /** A savepoint around one chunk: a code that repeats a stored one rolls the chunk back to it. */
  openChunk: (tx: EntityManager) => tx.query('savepoint issue_chunk'),
  closeChunk: (tx: EntityManager) => tx.query('release savepoint issue_chunk'),
  async undoChunk(tx: EntityManager): Promise<void> {
    await tx.query('rollback to savepoint issue_chunk');
    await tx.query('release savepoint issue_chunk');
  },

  /**
   * Inserts one chunk's books, then starts inserting their vouchers and returns that statement
   * unawaited, so the caller can draw the next chunk while PostgreSQL works. `unnest` in the
   * select list zips the arrays row by row without materialising them first (a `from unnest(…)`
   * would spill to a temporary file); each voucher's book is picked from the book ids by
   * position, so they are sent once, not per voucher. Every array is sent as one literal string:
   * the driver's element-by-element conversion costs several times the CPU and garbage for
   * 100,000 elements. Uuids and codes are letters, digits and dashes, so they need no quoting.
   */
  async insertChunk(tx: EntityManager, chunk: ChunkRows, order: { programmeId: string; orderId: string; faceValueCents: number }): Promise<{ vouchers: Promise<unknown> }> {
    const bookIds = `{${chunk.bookIds}}`;
    await tx.query(
      `insert into book (id, code, programme_id, order_id)
       select unnest($1::uuid[]), unnest($2::text[]), $3, $4`,
      [bookIds, `{${chunk.bookCodes.join(',')}}`, order.programmeId, order.orderId],
    );
    const vouchers = tx.query(
      `insert into voucher (id, book_id, code, programme_id, face_value_cents)
       select id, ($2::uuid[])[i / $6 + 1], code, $4, $5
         from (select unnest($1::uuid[]) as id, unnest($3::text[]) as code, generate_series(0, $7 - 1) as i) as v`,
      [`{${chunk.voucherIds}}`, bookIds, `{${chunk.voucherCodes.join(',')}}`, order.programmeId, order.faceValueCents, chunk.perBook, chunk.books * chunk.perBook],
    );
    vouchers.catch(() => undefined); // awaited by the caller; a refusal must not count as unhandled meanwhile
    return { vouchers };
  },

  /** Which of these codes a stored book (or voucher) already has. */
  async takenCodes(tx: EntityManager, kind: CodeKind, codes: string[]): Promise<Set<string>> {
    const rows: { code: string }[] = await tx.query(`select code from ${kind === 'book' ? 'book' : 'voucher'} where code = any($1::text[])`, [`{${codes.join(',')}}`]);
    return new Set(rows.map((r) => r.code));
  },

  // ——— Allocation and hand-out ———

  async distributorKnown(tx: EntityManager, distributorId: string): Promise<boolean> {
    const [row] = await tx.query(`select 1 from distributor_fact where distributor_id = $1`, [distributorId]);
    return Boolean(row);
  },

  /**
   * Gives up to `quantity` unallocated books of a programme, lowest codes first, to a
   * distributor; returns the ids given. Books locked by a concurrent allocation are skipped.
   */
  async allocate(tx: EntityManager, allocation: { programmeId: string; distributorId: string; quantity: number }): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      // Wrapped in a CTE so the driver hands back rows (it returns [rows, count] for a bare UPDATE).
      `with allocated as (
         update book set distributor_id = $2, allocated_at = now()
         where id in (select id from book where programme_id = $1 and distributor_id is null
                      order by code limit $3 for update skip locked)
         returning id)
       select id from allocated`,
      [allocation.programmeId, allocation.distributorId, allocation.quantity],
    );
    return rows.map((r) => r.id);
  },

  async beneficiaryForHandOut(db: DataSource, beneficiaryId: string): Promise<BeneficiaryForHandOut | null> {
    const [person] = await db.query(`select distributor_id, eligible_programme_ids from beneficiary_fact where beneficiary_id = $1`, [beneficiaryId]);
    return person ? { distributorId: person.distributor_id, eligibleProgrammeIds: person.eligible_programme_ids } : null;
  },

  /** Hands the book to the person unless someone has it already (a race between two hand-outs is safe); whether it did. */
  async handOut(tx: EntityManager, bookId: string, beneficiaryId: string): Promise<boolean> {
    const handed: { id: string }[] = await tx.query(
      `with handed as (update book set beneficiary_id = $2, handed_out_at = now()
                       where id = $1 and beneficiary_id is null returning id)
       select id from handed`,
      [bookId, beneficiaryId],
    );
    return handed.length > 0;
  },

  // ——— Loss ———

  /**
   * Turns every unused voucher of the book LOST; returns them counted per tally shard, for
   * `tallyStore.moveShards` (a few rows, however many vouchers).
   */
  async blockVouchersOfLostBook(tx: EntityManager, bookId: string): Promise<ShardMove[]> {
    const rows: Array<ShardMove & { cents: string }> = await tx.query(
      `with lost as (update voucher set state = 'LOST' where book_id = $1 and state = 'AVAILABLE'
                     returning id, programme_id, face_value_cents)
       select programme_id as "programmeId", ${SHARD_OF_ID} as shard, count(*)::int as count, sum(face_value_cents)::bigint as cents
         from lost group by 1, 2 order by 1, 2`,
      [bookId],
    );
    return rows.map((r) => ({ ...r, cents: centsOf(r.cents) }));
  },

  /**
   * A redeemed voucher of the book taken back (cancelled, corrected; its redemption already moved
   * out or marked corrected in this transaction): when no counted redemption of the book is left,
   * the book is no longer started. Its `book_started` row is locked `for update` first, which waits
   * for the redemptions of the book being recorded (they hold it key-shared, see
   * RECORD_REDEMPTION_FUNCTION); the count is then read by a second statement, whose fresh snapshot
   * sees what they committed. Returns the book's distributor when it stopped being started.
   */
  async redemptionTakenBack(tx: EntityManager, bookId: string): Promise<{ distributorId: string | null } | null> {
    await tx.query(`select from book_started where book_id = $1 for update`, [bookId]);
    const [ended] = await tx.query(
      `with ended as (
         delete from book_started s where s.book_id = $1
            and not exists (select 1 from redemption r where r.book_id = $1 and r.corrected_at is null)
         returning s.book_id)
       select b.distributor_id from ended join book b on b.id = ended.book_id`,
      [bookId],
    );
    return ended ? { distributorId: ended.distributor_id } : null;
  },

  async markLost(tx: EntityManager, bookId: string): Promise<void> {
    await tx.query(`update book set lost_at = coalesce(lost_at, now()) where id = $1`, [bookId]);
  },
};

/**
 * Erasure (privacy/privacy.manager.ts): unlinks the people's books, one fresh random id per person
 * (not per book), so "distinct people" counts stay the same. Returns the books changed.
 */
export async function unlinkBooks(manager: EntityManager, beneficiaryIds: string[], now: Date): Promise<string[]> {
  const books: { id: string }[] = await manager.query(
    `with people as (select p as old_id, gen_random_uuid() as new_id from unnest($1::uuid[]) p),
          changed as (update book b set beneficiary_id = people.new_id, beneficiary_erased_at = $2
                        from people where b.beneficiary_id = people.old_id and b.beneficiary_erased_at is null
                      returning b.id)
     select id from changed`,
    [beneficiaryIds, now],
  );
  return books.map((b) => b.id);
}
