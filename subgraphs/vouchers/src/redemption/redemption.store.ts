import { type DataSource, type EntityManager } from 'typeorm';
import { CLOSE_LOCK } from '../reimbursement/reimbursement.store';
import { bigintAsNumber, entityReader, readEntities, type mutationEntry } from '@pass/kit';
import type { VenueDescribed } from '@pass/contracts';
import { Voucher } from '../voucher/voucher.entity';
import { venueFactStore } from '../facts/venue-fact.store';
import { NO_DISTRIBUTOR, tallyStore } from '../tally/tally.store';
import { feedWakeUpOf } from '../live/wake-up';
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
  /** The venue as its venue.described fact said, read in the same statement; null while the replica is behind. */
  venue: VenueDescribed | null;
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

/**
 * What a redemption reads, under its locks, before its rules are checked (redemption.manager.ts):
 * the answer already given under the idempotency key if there is one, else the session (its row
 * locked), the time and whether its Paris month is closed, the voucher with its book's holder and
 * its programme's window and territory, the venue's qualification, the session's seats taken and
 * whether the voucher's book was already used in it. Null columns stop where the reading stopped.
 */
export interface RedemptionFacts {
  prior: { requestHash: string; answer: unknown } | null;
  session: { venue_id: string; insee_code: string; seats: number; starts_at: Date } | null;
  at: Date;
  monthClosed: boolean;
  voucher: {
    id: string;
    state: string;
    programme_id: string;
    face_value_cents: number;
    book_id: string;
    beneficiary_id: string | null;
    valid_from: string | null;
    valid_until: string | null;
    territory: string[] | null;
  } | null;
  venueQualified: boolean;
  seatsTaken: number;
  bookUsedInSession: boolean;
}

/** A redemption about to be written; its shard is the voucher's tally shard (tally/tally.store.ts's `shardOf`). */
export interface RedemptionToRecord {
  voucherId: string;
  sessionId: string;
  venueId: string;
  programmeId: string;
  bookId: string;
  amountCents: number;
  redeemedAt: Date;
  shard: number;
}

/*
 * A redemption costs PostgreSQL round trips, and each one costs the subgraph more CPU than the
 * statement costs PostgreSQL (issue 12: a redemption took fourteen statements). Its reads and its
 * writes are therefore each one PL/pgSQL function (migrations 0015 and 0016 install the texts
 * below; changing a text needs a migration that replaces its function), and a redemption is two
 * round trips: BEGIN with redemption_facts, then record_redemption with COMMIT. In a function every statement takes a fresh
 * snapshot (READ COMMITTED), so what is read after a lock sees what the lock's previous holder
 * committed, exactly as separate statements did: the seats are counted, and the book's use in the
 * session looked up, after the session's row is locked; the month is looked up after the close
 * lock is held shared.
 */

/**
 * The reads of a redemption (RedemptionFacts). The close lock is held shared until the
 * transaction ends: redemptions never wait for each other, and `closeMonth`, which takes it
 * exclusively, waits for the redemptions under way; a redemption stamped after a close sees the
 * month closed, so one stamped just before midnight never lands in a month already paid. The
 * month is computed exactly as `closeMonth` bounds it (`Europe/Paris`). `p_injected` is a test's clock.
 */
export const REDEMPTION_FACTS_FUNCTION = `
create or replace function redemption_facts(p_scope text, p_key text, p_code text, p_session uuid, p_injected timestamptz, p_close_lock bigint)
returns table (prior_request_hash text, prior_response jsonb,
               session_venue_id uuid, session_insee_code text, session_seats int, session_starts_at timestamptz,
               clock_at timestamptz, month_closed boolean,
               voucher_found_id uuid, voucher_state text, voucher_programme_id uuid, voucher_face_value_cents int, voucher_book_id uuid,
               book_beneficiary_id uuid, programme_valid_from text, programme_valid_until text, programme_territory text[],
               venue_qualified boolean, session_seats_taken int, book_used_in_session boolean)
language plpgsql volatile as $fn$
begin
  select i.request_hash, i.response into prior_request_hash, prior_response from idempotency i where i.scope = p_scope and i.key = p_key;
  if found then return next; return; end if;
  -- Session first: its row lock orders concurrent redemptions of one session, always before the voucher's.
  select s.venue_id, s.insee_code, s.seats, s.starts_at into session_venue_id, session_insee_code, session_seats, session_starts_at
    from session_fact s where s.session_id = p_session for update;
  if not found then return next; return; end if;
  perform pg_advisory_xact_lock_shared(p_close_lock);
  clock_at := coalesce(p_injected, clock_timestamp());
  month_closed := exists (select 1 from reimbursement_month m where m.month = to_char(clock_at at time zone 'Europe/Paris', 'YYYY-MM'));
  select v.id, v.state, v.programme_id, v.face_value_cents, v.book_id, b.beneficiary_id, p.valid_from::text, p.valid_until::text, p.territory
    into voucher_found_id, voucher_state, voucher_programme_id, voucher_face_value_cents, voucher_book_id,
         book_beneficiary_id, programme_valid_from, programme_valid_until, programme_territory
    from voucher v join book b on b.id = v.book_id
    left join programme_fact p on p.programme_id = v.programme_id
   where v.code = p_code;
  if not found then return next; return; end if;
  venue_qualified := exists (select 1 from venue_qualification q where q.venue_id = session_venue_id and q.programme_id = voucher_programme_id);
  session_seats_taken := (select count(*) from redemption r where r.session_id = p_session and r.corrected_at is null);
  book_used_in_session := exists (select 1 from redemption r where r.session_id = p_session and r.book_id = voucher_book_id and r.corrected_at is null);
  return next;
end
$fn$`;

/**
 * The writes of a redemption whose rules passed, in the order every path locks them: the voucher
 * AVAILABLE → REDEEMED by a conditional update, the redemption (its unique voucher_id the backstop;
 * the caller wakes the live feeds once it has committed, live/wake-up.ts), the book's start, the
 * distributor's started books when this is the book's first, one voucher AVAILABLE → REDEEMED in
 * the voucher's tally shard (as tallyStore.moveBooks and moveVouchers write them), and the answer
 * under the idempotency key (23505 on `idempotency_pkey` when a concurrent call with the key
 * committed first). A concurrent loser of the voucher gets `won` false with the voucher's state
 * now, and stores under the key the answer `p_lost_answers` gives for that state (REDEEMED's when
 * it names none): the COMMIT follows this call in the same round trip, so the refusal must be
 * written here.
 *
 * Which redemption is a book's first is settled by `book_started`'s primary key, not by a count on
 * the book's row (migration 0018, issue 12): every redemption updated that row, so the redemptions
 * of one book's vouchers queued on it one commit after another. Now the first inserts the book's
 * row; the others find it and hold it with a key-share lock, which they share with each other and
 * which a cancellation's `for update` waits for (tallyStore.redemptionTakenBack), so a book's last
 * redemption cannot be taken back unseen while another is being recorded. A redemption that finds
 * the row gone under that lock (a cancellation deleted it and committed) inserts it again. Only
 * redemptions that arrive while the first is uncommitted wait for it, once. Migration 0018
 * installs this text.
 */
export const RECORD_REDEMPTION_FUNCTION = `
create or replace function record_redemption(p_scope text, p_key text, p_request_hash text, p_voucher uuid, p_session uuid, p_venue uuid,
                                             p_programme uuid, p_book uuid, p_amount_cents int, p_at timestamptz, p_shard smallint,
                                             p_lost_answers jsonb)
returns table (won boolean, voucher_state_now text, redemption_id uuid, redemption_seq bigint, redemption_xid bigint)
language plpgsql volatile as $fn$
begin
  update voucher v set state = 'REDEEMED', redeemed_at = p_at where v.id = p_voucher and v.state = 'AVAILABLE';
  if not found then
    won := false;
    select v.state into voucher_state_now from voucher v where v.id = p_voucher;
    insert into idempotency (scope, key, request_hash, response)
    values (p_scope, p_key, p_request_hash, coalesce(p_lost_answers -> voucher_state_now, p_lost_answers -> 'REDEEMED'));
    return next; return;
  end if;
  insert into redemption as r (voucher_id, session_id, venue_id, programme_id, book_id, amount_cents, redeemed_at)
  values (p_voucher, p_session, p_venue, p_programme, p_book, p_amount_cents, p_at)
  returning r.id, r.seq, r.xid into redemption_id, redemption_seq, redemption_xid;
  loop
    insert into book_started (book_id) values (p_book) on conflict (book_id) do nothing;
    if found then
      insert into book_tally as t (programme_id, distributor_id, books, handed_out, started)
      select p_programme, coalesce(b.distributor_id, '${NO_DISTRIBUTOR}'::uuid), 0, 0, 1 from book b where b.id = p_book
      on conflict (programme_id, distributor_id) do update set started = t.started + 1;
      exit;
    end if;
    perform from book_started s where s.book_id = p_book for key share;
    exit when found;
  end loop;
  insert into voucher_tally as t (programme_id, shard, redeemed, redeemed_cents, available, available_cents)
  values (p_programme, p_shard, 1, p_amount_cents, -1, -p_amount_cents)
  on conflict (programme_id, shard) do update set redeemed = t.redeemed + 1, redeemed_cents = t.redeemed_cents + p_amount_cents,
    available = t.available - 1, available_cents = t.available_cents - p_amount_cents;
  insert into idempotency (scope, key, request_hash, response) values (p_scope, p_key, p_request_hash, jsonb_build_object('redemptionId', redemption_id));
  won := true;
  return next;
end
$fn$`;

/**
 * The caller's `mutation:redeemVoucher` entry in the audit log (kit's mutationEntry), appended in
 * the redemption's transaction when it writes: `appended` tells the request's audit trail, which
 * then appends none (AuditTrail.appendedOwnEntry). A replay, or a refusal not stored, writes
 * nothing: the request's end appends the entry as for any mutation.
 */
export interface OwnAuditEntry {
  values: ReturnType<typeof mutationEntry>;
  appended(): void;
}

/** The part of a pooled `pg` client a redemption's transaction uses (the DataSource's pool lends it). */
interface PgClient {
  query(text: string): Promise<PgResult | PgResult[]>;
  escapeLiteral(value: string): string;
  /** With an error, the client is closed rather than returned to the pool. */
  release(err?: Error): void;
}
interface PgResult {
  rows: Record<string, unknown>[];
}

type Literal = string | number | Date | null;

/** A value as an SQL literal: strings through `pg`'s own escaping, numbers only when whole. */
function literal(client: PgClient, value: Literal): string {
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`not a whole number: ${value}`);
    return String(value);
  }
  return client.escapeLiteral(value instanceof Date ? value.toISOString() : value);
}

/**
 * A redemption's transaction, open on a connection of its own after its reads; each way of ending
 * it is one round trip (the last statement and COMMIT or ROLLBACK sent together).
 */
export interface RedemptionTransaction {
  /** Writes the redemption and its answer under the key (RECORD_REDEMPTION_FUNCTION), and commits. */
  recordAndCommit(r: RedemptionToRecord, lostAnswers: Record<string, unknown>): Promise<{ redemption: Redemption } | { lostTo: string | null }>;
  /** Stores a refusal under the key, and commits. */
  rememberAndCommit(answer: unknown): Promise<void>;
  /** Ends it with nothing written: a replay, or a refusal a retry must check afresh. */
  rollback(): Promise<void>;
}

function factsOf(row: Record<string, any>): RedemptionFacts {
  return {
    prior: row.prior_request_hash === null ? null : { requestHash: row.prior_request_hash, answer: row.prior_response },
    session:
      row.session_venue_id === null
        ? null
        : { venue_id: row.session_venue_id, insee_code: row.session_insee_code, seats: row.session_seats, starts_at: row.session_starts_at },
    at: row.clock_at,
    monthClosed: row.month_closed,
    voucher:
      row.voucher_found_id === null
        ? null
        : {
            id: row.voucher_found_id,
            state: row.voucher_state,
            programme_id: row.voucher_programme_id,
            face_value_cents: row.voucher_face_value_cents,
            book_id: row.voucher_book_id,
            beneficiary_id: row.book_beneficiary_id,
            valid_from: row.programme_valid_from,
            valid_until: row.programme_valid_until,
            territory: row.programme_territory,
          },
    venueQualified: row.venue_qualified,
    seatsTaken: row.session_seats_taken,
    bookUsedInSession: row.book_used_in_session,
  };
}

/**
 * The counted (uncorrected) redemptions whose `column` is one of `ids`, oldest first: read raw,
 * because TypeORM's query building and entity hydration cost more CPU than the statement itself
 * for a page of a hundred books or fifty sessions (the distributor's books page, the venue's
 * sessions page).
 */
const countedRedemptionsWhere = (db: DataSource, column: 'session_id' | 'voucher_id' | 'book_id', ids: string[]): Promise<Redemption[]> =>
  readEntities(db, Redemption, `${column} = any($1::uuid[]) and corrected_at is null`, [ids], 'seq');

/** A counted redemption with what a partner's page shows beside it, read in the same statement. */
export interface RedemptionWith {
  redemption: Redemption;
  /** With `voucher`: the redeemed voucher. */
  voucher?: Voucher;
  /** With `programmeName`: its programme's name, null while the replica is behind. */
  programmeName?: string | null;
  /** With `venue`: the venue as its venue.described fact said, null while the replica is behind. */
  venue?: VenueDescribed | null;
}

/**
 * As `countedRedemptionsWhere`, each redemption joined with its voucher, its programme's name or its
 * venue: a venue's sessions show each redemption's voucher code and programme, a distributor's
 * books each redemption's venue; read here, they cost no statement of their own (the loaders are
 * primed with them, loaders.ts).
 */
async function countedRedemptionsWith(
  db: DataSource,
  column: 'session_id' | 'book_id',
  ids: string[],
  joined: { voucher?: boolean; programmeName?: boolean; venue?: boolean },
): Promise<RedemptionWith[]> {
  const redemption = entityReader(db, Redemption);
  const voucher = entityReader(db, Voucher);
  const rows: Record<string, unknown>[] = await db.query(
    `select ${redemption.columns('r', 'r.')}
            ${joined.voucher ? `, ${voucher.columns('v', 'v.')}` : ''}
            ${joined.programmeName ? ', p.name as "programmeName"' : ''}
            ${joined.venue ? `, ${venueFactStore.columns('f', 'venue.')}` : ''}
       from redemption r
            ${joined.voucher ? 'join voucher v on v.id = r.voucher_id' : ''}
            ${joined.programmeName ? 'left join programme_fact p on p.programme_id = r.programme_id' : ''}
            ${joined.venue ? 'left join venue_fact f on f.venue_id = r.venue_id' : ''}
      where r.${column} = any($1::uuid[]) and r.corrected_at is null
      order by r.seq`,
    [ids],
  );
  return rows.map((row) => {
    const read: RedemptionWith = { redemption: redemption.hydrate(row, 'r.') };
    if (joined.voucher) read.voucher = voucher.hydrate(row, 'v.');
    if (joined.programmeName) read.programmeName = row.programmeName as string | null;
    if (joined.venue) read.venue = venueFactStore.described(row, 'venue.');
    return read;
  });
}

export const redemptionStore = {
  /**
   * The close lock, held shared until the transaction ends (see REDEMPTION_FACTS_FUNCTION):
   * cancellations and corrections hold it as redemptions do.
   */
  holdCloseLockShared: (tx: EntityManager) => tx.query(`select pg_advisory_xact_lock_shared(${CLOSE_LOCK})`),

  /**
   * A redemption in one transaction of two round trips: BEGIN with its reads
   * (REDEMPTION_FACTS_FUNCTION), then `decide`, which checks the rules against the facts and ends
   * the transaction one of the three ways (a recording, a refusal stored, nothing written). Every
   * round trip costs the subgraph more CPU than its statements cost PostgreSQL (issue 12), so the
   * statements go as one simple query each, their values inlined as literals (`pg`'s escaping).
   * If `decide` throws or returns with the transaction open, it is rolled back.
   */
  async inTransaction<T>(
    db: DataSource,
    r: { scope: string; key: string; requestHash: string; code: string; sessionId: string | null; injected: Date | null; audit: OwnAuditEntry | null },
    decide: (facts: RedemptionFacts, tx: RedemptionTransaction) => Promise<T>,
  ): Promise<T> {
    const pool = (db.driver as unknown as { master: { connect(): Promise<PgClient> } }).master;
    const client = await pool.connect();
    let open = false;
    const send = async (sql: string) => {
      db.logger.logQuery(sql);
      return client.query(sql);
    };
    // The connection goes back to the pool as soon as the transaction ends (a replay then reads on another).
    const ending = async (sql: string) => {
      const results = (await send(sql)) as PgResult[];
      open = false;
      client.release();
      return results;
    };
    const l = (value: Literal) => literal(client, value);
    // The caller's entry in the audit log, appended with the writes (kit's mutationEntry); its record id is SQL.
    const auditEntry = (recordId: string) => {
      if (!r.audit) return '';
      const e = r.audit.values;
      return `insert into audit.entry (subgraph, organisation_id, role, token_id, action, record_type, record_id) select ${l(e.subgraph)}, ${l(e.organisation_id)}, ${l(e.role)}, ${l(e.token_id)}, ${l(e.action)}, ${l(e.record_type)}, ${recordId}`;
    };
    const appended = () => r.audit?.appended();
    const tx: RedemptionTransaction = {
      async recordAndCommit(w, lostAnswers) {
        const record =
          `select * from record_redemption(${l(r.scope)}::text, ${l(r.key)}::text, ${l(r.requestHash)}::text, ${l(w.voucherId)}::uuid, ` +
          `${l(w.sessionId)}::uuid, ${l(w.venueId)}::uuid, ${l(w.programmeId)}::uuid, ${l(w.bookId)}::uuid, ${l(w.amountCents)}::int, ` +
          `${l(w.redeemedAt)}::timestamptz, ${l(w.shard)}::smallint, ${l(JSON.stringify(lostAnswers))}::jsonb)`;
        // The audit entry names the redemption (none when the voucher was lost): a data-modifying WITH runs once, read or not.
        const [result] = await ending(
          r.audit ? `with r as (${record}), a as (${auditEntry('r.redemption_id::text')} from r) select * from r; commit` : `${record}; commit`,
        );
        appended();
        const row = result!.rows[0]!;
        if (!row.won) return { lostTo: row.voucher_state_now as string | null };
        feedWakeUpOf(db).recorded();
        const redemption = Object.assign(new Redemption(), {
          id: row.redemption_id,
          seq: bigintAsNumber.from(row.redemption_seq as string),
          xid: row.redemption_xid,
          voucherId: w.voucherId,
          sessionId: w.sessionId,
          venueId: w.venueId,
          programmeId: w.programmeId,
          bookId: w.bookId,
          amountCents: w.amountCents,
          redeemedAt: w.redeemedAt,
          correctedAt: null,
        });
        return { redemption };
      },
      async rememberAndCommit(answer) {
        await ending(
          `insert into idempotency (scope, key, request_hash, response) values (${l(r.scope)}, ${l(r.key)}, ${l(r.requestHash)}, ${l(JSON.stringify(answer))}::jsonb); ` +
            `${r.audit ? `${auditEntry('null')}; ` : ''}commit`,
        );
        appended();
      },
      async rollback() {
        await ending('rollback');
      },
    };
    try {
      open = true;
      const [, facts] = (await send(
        `begin; select * from redemption_facts(${l(r.scope)}::text, ${l(r.key)}::text, ${l(r.code)}::text, ${l(r.sessionId)}::uuid, ` +
          `${l(r.injected)}::timestamptz, ${l(CLOSE_LOCK)}::bigint)`,
      )) as PgResult[];
      const answer = await decide(factsOf(facts!.rows[0]!), tx);
      if (open) await ending('rollback');
      return answer;
    } catch (err) {
      if (open) {
        open = false;
        let broken: Error | undefined;
        // A failed statement leaves the transaction aborted (or, if COMMIT itself failed, ended):
        // ROLLBACK ends it either way; a connection that cannot even do that is closed.
        await client.query('rollback').catch((e: Error) => (broken = e));
        client.release(broken);
      }
      throw err;
    }
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

  byIds: (db: DataSource, ids: string[]) => readEntities(db, Redemption, 'id = any($1::uuid[])', [ids]),
  /** A session's redemptions with their vouchers and programmes' names (a venue's page shows them). */
  ofSessions: (db: DataSource, sessionIds: string[]) => countedRedemptionsWith(db, 'session_id', sessionIds, { voucher: true, programmeName: true }),
  ofVouchers: (db: DataSource, voucherIds: string[]) => countedRedemptionsWhere(db, 'voucher_id', voucherIds),
  /** A book's redemptions with their venues (a distributor's page shows them). */
  ofBooks: (db: DataSource, bookIds: string[]) => countedRedemptionsWith(db, 'book_id', bookIds, { venue: true }),

  /** A programme's figures, from the running tallies (tally/tally.store.ts): a few rows, whatever its size. */
  async programmeStats(db: DataSource, programmeIds: string[]): Promise<Map<string, ProgrammeStats>> {
    const tallies = await tallyStore.ofProgrammes(db, programmeIds);
    const stats = new Map<string, ProgrammeStats>();
    for (const id of programmeIds) {
      const { books, vouchers: v } = tallies.get(id)!;
      stats.set(id, {
        booksIssued: books.issued,
        booksAllocated: books.allocated,
        booksHandedOut: books.handedOut,
        vouchersIssued: v.available + v.lost + v.redeemed + v.blocked,
        vouchersRedeemed: v.redeemed,
        vouchersBlocked: v.blocked,
        issuedCents: v.availableCents + v.lostCents + v.redeemedCents + v.blockedCents,
        redeemedCents: v.redeemedCents,
        outstandingCents: v.availableCents + v.lostCents,
      });
    }
    return stats;
  },

  async venueActivityOfProgrammes(db: DataSource, programmeIds: string[]): Promise<VenueActivityRow[]> {
    const rows = await db.query(
      `select a.*, ${venueFactStore.columns('f', 'venue.')}
         from (select programme_id, venue_id, count(*) n, sum(amount_cents) cents from redemption
                where programme_id = any($1) and corrected_at is null group by programme_id, venue_id) a
         left join venue_fact f on f.venue_id = a.venue_id
        order by a.n desc, a.venue_id`,
      [programmeIds],
    );
    return rows.map((r: Record<string, string>) => ({
      programmeId: r.programme_id,
      venueId: r.venue_id,
      vouchersRedeemed: int(r.n),
      amountCents: int(r.cents),
      venue: venueFactStore.described(r, 'venue.'),
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
