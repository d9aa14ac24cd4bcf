import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { CLOSE_LOCK } from '../reimbursement/reimbursement.store';
import { NO_DISTRIBUTOR, tallyStore } from '../tally/tally.store';
import { Redemption } from './redemption.entity';

export interface ProgrammeStats {
  booksIssued: number;
  booksAllocated: number;
  booksHandedOut: number;
  vouchersIssued: number;
  vouchersRedeemed: number;
  vouchersBlocked: number;
  issuedCents: number;
  redeemedCents: number;
  outstandingCents: number;
}

export interface VenueActivityRow {
  programmeId: string;
  venueId: string;
  vouchersRedeemed: number;
  amountCents: number;
}

export interface DistributorActivityRow {
  programmeId: string;
  distributorId: string;
  booksAllocated: number;
  booksHandedOut: number;
  vouchersRedeemed: number;
}

export interface DistributorTotals {
  booksAllocated: number;
  booksHandedOut: number;
  vouchersRedeemed: number;
}

export interface Totals {
  count: number;
  amountCents: number;
}

/** A redemption as its venue's cancellation checks it: `closed` when its month is closed or it is on a statement. */
export interface RedemptionToCancel {
  id: string;
  venue_id: string;
  voucher_id: string;
  closed: boolean;
}

/** A redemption as the operator's correction checks it: `paid` when it is on a statement. */
export interface RedemptionToCorrect {
  id: string;
  voucher_id: string;
  venue_id: string;
  programme_id: string;
  amount_cents: number;
  corrected_at: Date | null;
  paid: boolean;
}

const int = (v: unknown) => Number(v ?? 0);

export const redemptionStore = {
  /**
   * The close lock, held shared until the transaction ends: redemptions, cancellations and
   * corrections never wait for each other, and `closeMonth`, which takes it exclusively, waits for them.
   */
  holdCloseLockShared: (tx: EntityManager) => tx.query(`select pg_advisory_xact_lock_shared(${CLOSE_LOCK})`),

  /**
   * The time now (or a test's `injected` one) and whether its Paris month is closed, computed by
   * PostgreSQL with the same `Europe/Paris` bounds as `closeMonth`.
   */
  async clock(tx: EntityManager, injected: Date | null): Promise<{ at: Date; monthClosed: boolean }> {
    const [row] = await tx.query(
      `with clock as (select coalesce($1::timestamptz, clock_timestamp()) as at)
       select at, exists (select 1 from reimbursement_month where month = to_char(at at time zone 'Europe/Paris', 'YYYY-MM')) as closed
         from clock`,
      [injected],
    );
    return { at: new Date(row.at), monthClosed: row.closed };
  },

  async seatsTaken(tx: EntityManager, sessionId: string): Promise<number> {
    const [{ taken }] = await tx.query(`select count(*)::int as taken from redemption where session_id = $1 and corrected_at is null`, [sessionId]);
    return taken;
  },

  async bookUsedInSession(tx: EntityManager, sessionId: string, bookId: string): Promise<boolean> {
    const [used] = await tx.query(`select 1 from redemption where session_id = $1 and book_id = $2 and corrected_at is null`, [sessionId, bookId]);
    return Boolean(used);
  },

  /** Records a redemption; its id. The unique voucher_id is the backstop against a second one. */
  async insert(
    tx: EntityManager,
    r: { voucherId: string; sessionId: string; venueId: string; programmeId: string; bookId: string; amountCents: number; redeemedAt: Date },
  ): Promise<string> {
    const [redemption] = await tx.query(
      `insert into redemption (voucher_id, session_id, venue_id, programme_id, book_id, amount_cents, redeemed_at)
       values ($1, $2, $3, $4, $5, $6, $7) returning id`,
      [r.voucherId, r.sessionId, r.venueId, r.programmeId, r.bookId, r.amountCents, r.redeemedAt],
    );
    return redemption.id;
  },

  /**
   * One more redeemed voucher on its book; the book's count after it and its distributor. It
   * writes `book` (book/book.store.ts's table), as tallyStore.redemptionTakenBack does for the way
   * back: the pair belongs in one store, and moves there when that folder is reshaped.
   */
  async countOnBook(tx: EntityManager, bookId: string): Promise<{ redeemed_vouchers: number; distributor_id: string }> {
    // In a CTE: the driver hands back [rows, count] for a bare UPDATE.
    const [book] = await tx.query(
      `with counted as (update book set redeemed_vouchers = redeemed_vouchers + 1 where id = $1 returning redeemed_vouchers, distributor_id)
       select * from counted`,
      [bookId],
    );
    return book;
  },

  byId: (db: DataSource | EntityManager, id: string) => db.getRepository(Redemption).findOneByOrFail({ id }),

  async lockToCancel(tx: EntityManager, redemptionId: string): Promise<RedemptionToCancel | null> {
    const [redemption] = await tx.query(
      `select r.id, r.venue_id, r.voucher_id,
              exists (select 1 from reimbursement_month m where m.month = to_char(r.redeemed_at at time zone 'Europe/Paris', 'YYYY-MM'))
                or exists (select 1 from reimbursement_line l where l.redemption_id = r.id) as closed
         from redemption r where r.id = $1 for update`,
      [redemptionId],
    );
    return redemption ?? null;
  },

  /** Moves the redemption to `redemption_cancellation`; when it was cancelled. */
  async moveToCancellations(tx: EntityManager, redemptionId: string): Promise<Date> {
    const [cancelled] = await tx.query(
      `with gone as (delete from redemption where id = $1
                     returning id, voucher_id, session_id, venue_id, programme_id, book_id, amount_cents, redeemed_at)
       insert into redemption_cancellation (redemption_id, voucher_id, session_id, venue_id, programme_id, book_id, amount_cents, redeemed_at)
       select * from gone returning cancelled_at`,
      [redemptionId],
    );
    return cancelled.cancelled_at;
  },

  async lockToCorrect(tx: EntityManager, redemptionId: string): Promise<RedemptionToCorrect | null> {
    const [redemption] = await tx.query(
      `select r.id, r.voucher_id, r.venue_id, r.programme_id, r.amount_cents, r.corrected_at,
              exists (select 1 from reimbursement_line l where l.redemption_id = r.id) as paid
         from redemption r where r.id = $1 for update`,
      [redemptionId],
    );
    return redemption ?? null;
  },

  /** From now on the redemption no longer counts: in the ledger, the venue's figures, the session's seats. */
  markCorrected: (tx: EntityManager, redemptionId: string, at: Date) => tx.query(`update redemption set corrected_at = $2 where id = $1`, [redemptionId, at]),

  byIds: (db: DataSource, ids: string[]) => db.getRepository(Redemption).findBy({ id: In(ids) }),
  ofSessions: (db: DataSource, sessionIds: string[]) =>
    db.getRepository(Redemption).find({ where: { sessionId: In(sessionIds), correctedAt: IsNull() }, order: { seq: 'ASC' } }),
  ofVouchers: (db: DataSource, voucherIds: string[]) => db.getRepository(Redemption).findBy({ voucherId: In(voucherIds), correctedAt: IsNull() }),
  ofBooks: (db: DataSource, bookIds: string[]) =>
    db.getRepository(Redemption).find({ where: { bookId: In(bookIds), correctedAt: IsNull() }, order: { seq: 'ASC' } }),

  /** A programme's figures, from the running tallies (tally/tally.store.ts): a few rows, whatever its size. */
  async programmeStats(db: DataSource, programmeIds: string[]): Promise<Map<string, ProgrammeStats>> {
    const [books, tallies] = await Promise.all([
      db.query(
        `select programme_id, sum(books) issued, sum(books) filter (where distributor_id <> $2) allocated, sum(handed_out) handed_out
           from book_tally where programme_id = any($1) group by programme_id`,
        [programmeIds, NO_DISTRIBUTOR],
      ),
      tallyStore.vouchersOf(db, programmeIds),
    ]);
    const vouchers = programmeIds.map((id) => {
      const t = tallies.get(id)!;
      return {
        programme_id: id,
        issued: t.available + t.lost + t.redeemed + t.blocked,
        redeemed: t.redeemed,
        blocked: t.blocked,
        issued_cents: t.availableCents + t.lostCents + t.redeemedCents + t.blockedCents,
        redeemed_cents: t.redeemedCents,
        outstanding_cents: t.availableCents + t.lostCents,
      };
    });
    const stats = new Map<string, ProgrammeStats>();
    for (const id of programmeIds) {
      const b = books.find((r: { programme_id: string }) => r.programme_id === id);
      const v = vouchers.find((r: { programme_id: string }) => r.programme_id === id);
      stats.set(id, {
        booksIssued: int(b?.issued),
        booksAllocated: int(b?.allocated),
        booksHandedOut: int(b?.handed_out),
        vouchersIssued: int(v?.issued),
        vouchersRedeemed: int(v?.redeemed),
        vouchersBlocked: int(v?.blocked),
        issuedCents: int(v?.issued_cents),
        redeemedCents: int(v?.redeemed_cents),
        outstandingCents: int(v?.outstanding_cents),
      });
    }
    return stats;
  },

  async venueActivityOfProgrammes(db: DataSource, programmeIds: string[]): Promise<VenueActivityRow[]> {
    const rows = await db.query(
      `select programme_id, venue_id, count(*) n, sum(amount_cents) cents from redemption
        where programme_id = any($1) and corrected_at is null group by programme_id, venue_id order by count(*) desc, venue_id`,
      [programmeIds],
    );
    return rows.map((r: Record<string, string>) => ({
      programmeId: r.programme_id,
      venueId: r.venue_id,
      vouchersRedeemed: int(r.n),
      amountCents: int(r.cents),
    }));
  },

  async distributorActivityOfProgrammes(db: DataSource, programmeIds: string[]): Promise<DistributorActivityRow[]> {
    const rows = await db.query(
      `select b.programme_id, b.distributor_id, count(*) allocated, count(b.beneficiary_id) handed_out,
              coalesce(sum(r.n), 0) redeemed
         from book b left join (select book_id, count(*) n from redemption where programme_id = any($1) and corrected_at is null group by book_id) r
           on r.book_id = b.id
        where b.programme_id = any($1) and b.distributor_id is not null
        group by b.programme_id, b.distributor_id order by count(*) desc, b.distributor_id`,
      [programmeIds],
    );
    return rows.map((r: Record<string, string>) => ({
      programmeId: r.programme_id,
      distributorId: r.distributor_id,
      booksAllocated: int(r.allocated),
      booksHandedOut: int(r.handed_out),
      vouchersRedeemed: int(r.redeemed),
    }));
  },

  /**
   * Redemptions of each venue, all time or within a calendar month (Paris time). The month is a
   * range on `redeemed_at`, so the (venue_id, redeemed_at) index serves it.
   */
  async venueTotals(db: DataSource, venueIds: string[], month: string | null): Promise<Map<string, Totals>> {
    const inMonth = `and redeemed_at >= $2::date::timestamp at time zone 'Europe/Paris'
                     and redeemed_at < ($2::date + interval '1 month') at time zone 'Europe/Paris'`;
    const rows = await db.query(
      `select venue_id, count(*) n, sum(amount_cents) cents from redemption
        where venue_id = any($1) and corrected_at is null ${month ? inMonth : ''}
        group by venue_id`,
      month ? [venueIds, `${month}-01`] : [venueIds],
    );
    return new Map(rows.map((r: Record<string, string>) => [r.venue_id, { count: int(r.n), amountCents: int(r.cents) }]));
  },

  /** Books and redemptions of each distributor, all programmes together. */
  async distributorTotals(db: DataSource, distributorIds: string[]): Promise<Map<string, DistributorTotals>> {
    const rows = await db.query(
      `with books as (select id, distributor_id, beneficiary_id from book where distributor_id = any($1)),
            used as (select r.book_id, count(*) n from redemption r join books on books.id = r.book_id where r.corrected_at is null group by r.book_id)
       select books.distributor_id, count(*) allocated, count(books.beneficiary_id) handed_out, coalesce(sum(used.n), 0) redeemed
         from books left join used on used.book_id = books.id
        group by books.distributor_id`,
      [distributorIds],
    );
    return new Map(
      rows.map((r: Record<string, string>) => [
        r.distributor_id,
        { booksAllocated: int(r.allocated), booksHandedOut: int(r.handed_out), vouchersRedeemed: int(r.redeemed) },
      ]),
    );
  },
};
