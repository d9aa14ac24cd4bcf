import { In, IsNull, type DataSource } from 'typeorm';
import { Redemption } from './redemption.entity';
import { NO_DISTRIBUTOR, tallyStore } from '../tally/tally.store';

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

const int = (v: unknown) => Number(v ?? 0);

export const redemptionStore = {
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
