import type { DataSource, EntityManager } from 'typeorm';
import { bookStore } from '../book/book.store';

/**
 * Running tallies that the D-30 report (and a funder's programme figures) read instead of
 * scanning a programme's vouchers and books (issue 13: a programme of 1,000,000 vouchers took
 * ≈ 7 s to count). Each is moved in the same transaction as the change it counts — issue,
 * allocate, hand out, redeem, cancel, report lost, expire — so it is exactly as committed as
 * the rows it counts; `recountTallies` recomputes them from the rows, for the tests and the
 * migration's backfill.
 *
 * `voucher_tally`: vouchers and their face value per state, split in `TALLY_SHARDS` rows per
 * programme. Every redemption moves one voucher AVAILABLE → REDEEMED; with one row per programme
 * every redemption of that programme would queue on that row's lock until the redeeming
 * transaction commits. The shard is picked from the voucher's id (its last byte, the last two hex
 * digits, random in both the v4 and v7 ids used here), so concurrent redemptions land on different
 * rows; readers sum the shards. 256 of them (migration 0017; 16 before): with 16, 32 venues
 * redeeming in one programme waited 3.4 ms on average for a shard's row lock in every redemption
 * (issue 12, pg_stat_statements), and one national programme takes every redemption there is.
 *
 * `book_tally`: books, handed out and started (at least one voucher redeemed) per programme and
 * distributor; books given to no distributor are counted under `NO_DISTRIBUTOR`. A redemption
 * moves it only when it is the first of its book (it inserts the book's `book_started` row), a
 * cancellation only when it undoes the last one (it deletes that row). A redemption corrected by
 * the operator after its month closed no longer counts (`corrected_at`), exactly like a cancelled
 * one.
 */

export const TALLY_SHARDS = 256;

/** The distributor key of books allocated to nobody yet (a primary key column cannot be null). */
export const NO_DISTRIBUTOR = '00000000-0000-0000-0000-000000000000';

export type TalliedState = 'AVAILABLE' | 'LOST' | 'REDEEMED' | 'BLOCKED';

/** Tally columns of each state: fixed names, never built from input. */
const COLUMNS: Record<TalliedState, [count: string, cents: string]> = {
  AVAILABLE: ['available', 'available_cents'],
  LOST: ['lost', 'lost_cents'],
  REDEEMED: ['redeemed', 'redeemed_cents'],
  BLOCKED: ['blocked', 'blocked_cents'],
};

/** The shard of a voucher: the last byte of its id (its last two hex digits). */
export function shardOf(voucherId: string): number {
  return Number.parseInt(voucherId.slice(-2), 16) % TALLY_SHARDS;
}

export interface VoucherTally {
  available: number;
  availableCents: number;
  lost: number;
  lostCents: number;
  redeemed: number;
  redeemedCents: number;
  blocked: number;
  blockedCents: number;
}

export interface BookTally {
  distributorId: string | null;
  books: number;
  handedOut: number;
  started: number;
}

const num = (v: unknown) => Number(v ?? 0);

function voucherTallyOf(r: Record<string, unknown> | undefined): VoucherTally {
  return {
    available: num(r?.available),
    availableCents: num(r?.available_cents),
    lost: num(r?.lost),
    lostCents: num(r?.lost_cents),
    redeemed: num(r?.redeemed),
    redeemedCents: num(r?.redeemed_cents),
    blocked: num(r?.blocked),
    blockedCents: num(r?.blocked_cents),
  };
}

/** A programme's books (issued, allocated to a distributor, handed out) and vouchers by state. */
export interface ProgrammeTally {
  books: { issued: number; allocated: number; handedOut: number };
  vouchers: VoucherTally;
}

const SUMS = `sum(available) as available, sum(available_cents) as available_cents, sum(lost) as lost, sum(lost_cents) as lost_cents,
  sum(redeemed) as redeemed, sum(redeemed_cents) as redeemed_cents, sum(blocked) as blocked, sum(blocked_cents) as blocked_cents`;

/** The shard of a voucher in SQL, as `shardOf` picks it: the last byte of its id. */
export const SHARD_OF_ID = `('x' || right(id::text, 2))::bit(8)::int % ${TALLY_SHARDS}`;

/** Vouchers of one programme's shard that changed state together: how many and their face value. */
export interface ShardMove {
  programmeId: string;
  shard: number;
  count: number;
  cents: number;
}

export const tallyStore = {
  /**
   * A redeemed voucher taken back — a venue's cancellation before the close, an operator's
   * correction after it — now in state `to`: the book's start and the distributor's started books
   * when that was the book's last, and the voucher's shard, locked in the order a redemption locks
   * them (book start, book tally, voucher tally).
   */
  async redemptionTakenBack(
    tx: EntityManager,
    voucher: { id: string; programme_id: string; book_id: string; face_value_cents: number },
    to: TalliedState,
  ): Promise<void> {
    const ended = await bookStore.redemptionTakenBack(tx, voucher.book_id);
    if (ended) await this.moveBooks(tx, { programmeId: voucher.programme_id, distributorId: ended.distributorId, started: -1 });
    await this.moveVouchers(tx, { programmeId: voucher.programme_id, shard: shardOf(voucher.id), from: 'REDEEMED', to, count: 1, cents: voucher.face_value_cents });
  },

  /**
   * Moves `count` vouchers worth `cents` from one state to another (`from` null: issued; `to`
   * null: never used) in one shard. An upsert, so a programme's shard rows appear as they are first used.
   */
  async moveVouchers(
    tx: EntityManager,
    move: { programmeId: string; shard: number; from: TalliedState | null; to: TalliedState | null; count: number; cents: number },
  ): Promise<void> {
    if (move.count === 0 && move.cents === 0) return;
    const columns: string[] = [];
    const values: string[] = [];
    if (move.to) {
      columns.push(...COLUMNS[move.to]);
      values.push('$3', '$4');
    }
    if (move.from) {
      columns.push(...COLUMNS[move.from]);
      values.push('-$3::bigint', '-$4::bigint');
    }
    await tx.query(
      `insert into voucher_tally (programme_id, shard, ${columns.join(', ')}) values ($1, $2, ${values.join(', ')})
       on conflict (programme_id, shard) do update set ${columns.map((c) => `${c} = voucher_tally.${c} + excluded.${c}`).join(', ')}`,
      [move.programmeId, move.shard, move.count, move.cents],
    );
  },

  /**
   * Moves vouchers counted per shard (a set-based change's `group by programme, shard`) from one
   * state to another, in one statement. Rows are upserted in shard order, so two statements that
   * move many shards lock them in the same order.
   */
  async moveShards(tx: EntityManager, moves: ShardMove[], from: TalliedState, to: TalliedState): Promise<void> {
    const moved = moves.filter((m) => m.count !== 0);
    if (moved.length === 0) return;
    const columns = [...COLUMNS[to], ...COLUMNS[from]];
    await tx.query(
      `insert into voucher_tally (programme_id, shard, ${columns.join(', ')})
       select m.programme_id, m.shard, m.n, m.cents, -m.n, -m.cents
         from unnest($1::uuid[], $2::smallint[], $3::bigint[], $4::bigint[]) as m(programme_id, shard, n, cents) order by 1, 2
       on conflict (programme_id, shard) do update set ${columns.map((c) => `${c} = voucher_tally.${c} + excluded.${c}`).join(', ')}`,
      [moved.map((m) => m.programmeId), moved.map((m) => m.shard), moved.map((m) => m.count), moved.map((m) => m.cents)],
    );
  },

  /** Vouchers just issued, as counts per shard (index = shard), all of one face value, upserted in shard order. */
  async addIssued(tx: EntityManager, programmeId: string, perShard: number[], faceValueCents: number): Promise<void> {
    const shards = perShard.flatMap((count, shard) => (count > 0 ? [shard] : []));
    if (shards.length === 0) return;
    await tx.query(
      `insert into voucher_tally (programme_id, shard, available, available_cents)
       select $1, s.shard, s.n, s.n * $4::bigint from unnest($2::smallint[], $3::bigint[]) as s(shard, n) order by s.shard
       on conflict (programme_id, shard) do update set available = voucher_tally.available + excluded.available,
         available_cents = voucher_tally.available_cents + excluded.available_cents`,
      [programmeId, shards, shards.map((shard) => perShard[shard]), faceValueCents],
    );
  },

  /** Adds to a distributor's (or `null`: nobody's) book counts of a programme; negative to take away. */
  async moveBooks(
    tx: EntityManager,
    move: { programmeId: string; distributorId: string | null; books?: number; handedOut?: number; started?: number },
  ): Promise<void> {
    await tx.query(
      `insert into book_tally (programme_id, distributor_id, books, handed_out, started) values ($1, $2, $3, $4, $5)
       on conflict (programme_id, distributor_id) do update set books = book_tally.books + excluded.books,
         handed_out = book_tally.handed_out + excluded.handed_out, started = book_tally.started + excluded.started`,
      [move.programmeId, move.distributorId ?? NO_DISTRIBUTOR, move.books ?? 0, move.handedOut ?? 0, move.started ?? 0],
    );
  },

  /**
   * Programmes' book totals and voucher tallies in one statement: their figures need both, and
   * two statements were two round trips, each a write that wakes a PostgreSQL backend (87 % of
   * this subgraph's socket writes go to PostgreSQL; docs/benchmarks.md, "Subgraphs over Unix sockets").
   */
  async ofProgrammes(db: DataSource | EntityManager, programmeIds: string[]): Promise<Map<string, ProgrammeTally>> {
    const rows: Record<string, unknown>[] = await db.query(
      `select p.n, b.issued, b.allocated, b.handed_out,
              v.available, v.available_cents, v.lost, v.lost_cents, v.redeemed, v.redeemed_cents, v.blocked, v.blocked_cents
         from unnest($1::uuid[]) with ordinality as p(id, n)
         left join (select programme_id, sum(books) issued, sum(books) filter (where distributor_id <> $2) allocated, sum(handed_out) handed_out
                      from book_tally where programme_id = any($1) group by programme_id) b on b.programme_id = p.id
         left join (select programme_id, ${SUMS} from voucher_tally where programme_id = any($1) group by programme_id) v on v.programme_id = p.id`,
      [programmeIds, NO_DISTRIBUTOR],
    );
    // Keyed by the id as asked (row n is the n-th id), whatever its spelling: uuids compare
    // case-insensitively in PostgreSQL, strings do not in a Map.
    const tallies = new Map<string, ProgrammeTally>();
    for (const r of rows) {
      tallies.set(programmeIds[Number(r.n) - 1]!, {
        books: { issued: num(r.issued), allocated: num(r.allocated), handedOut: num(r.handed_out) },
        vouchers: voucherTallyOf(r),
      });
    }
    return tallies;
  },

  /** A programme's books per distributor (null: allocated to nobody), most books first. */
  async booksOf(db: DataSource | EntityManager, programmeId: string): Promise<BookTally[]> {
    const rows: Record<string, unknown>[] = await db.query(
      `select distributor_id, books, handed_out, started from book_tally
        where programme_id = $1 and (books, handed_out, started) <> (0, 0, 0)
        order by books desc, nullif(distributor_id, $2) nulls last`,
      [programmeId, NO_DISTRIBUTOR],
    );
    return rows.map((r) => ({
      distributorId: r.distributor_id === NO_DISTRIBUTOR ? null : (r.distributor_id as string),
      books: num(r.books),
      handedOut: num(r.handed_out),
      started: num(r.started),
    }));
  },
};

/**
 * The tallies as the rows say they should be, set-based: for the tests (tally = recount after any
 * mix of changes) and to fill the tables from existing rows. Vouchers are counted into the shard
 * their id picks, as `shardOf` does.
 */
export const recountVoucherTally = (shardOfId: string) => `
  select programme_id, ${shardOfId} as shard,
         count(*) filter (where state = 'AVAILABLE') as available,
         coalesce(sum(face_value_cents) filter (where state = 'AVAILABLE'), 0) as available_cents,
         count(*) filter (where state = 'LOST') as lost,
         coalesce(sum(face_value_cents) filter (where state = 'LOST'), 0) as lost_cents,
         count(*) filter (where state = 'REDEEMED') as redeemed,
         coalesce(sum(face_value_cents) filter (where state = 'REDEEMED'), 0) as redeemed_cents,
         count(*) filter (where state = 'BLOCKED') as blocked,
         coalesce(sum(face_value_cents) filter (where state = 'BLOCKED'), 0) as blocked_cents
    from voucher group by 1, 2`;
export const RECOUNT_VOUCHER_TALLY = recountVoucherTally(SHARD_OF_ID);

export const RECOUNT_BOOK_TALLY = `
  select b.programme_id, coalesce(b.distributor_id, '${NO_DISTRIBUTOR}'::uuid) as distributor_id, count(*) as books,
         count(b.beneficiary_id) as handed_out,
         count(*) filter (where exists (select 1 from redemption r where r.book_id = b.id and r.corrected_at is null)) as started
    from book b group by 1, 2`;

/** The books with at least one counted redemption: the rows of `book_started`. */
export const RECOUNT_BOOKS_STARTED = `select distinct book_id from redemption where corrected_at is null`;

/** Rebuilds every tally from the rows (a migration's backfill, a benchmark's set-based build). */
export async function recountTallies(db: DataSource | EntityManager): Promise<void> {
  await db.query(`truncate voucher_tally, book_tally, book_started`);
  await db.query(`insert into book_started (book_id) ${RECOUNT_BOOKS_STARTED}`);
  await db.query(`insert into voucher_tally ${RECOUNT_VOUCHER_TALLY}`);
  await db.query(`insert into book_tally ${RECOUNT_BOOK_TALLY}`);
}
