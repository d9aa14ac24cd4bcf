import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { BadInputError, isUuid } from '@pass/kit';
import { isCommuneInTerritory, parseTerritoryEntry } from '@pass/contracts/territory';
import { parisDayOf } from '../paris-time';
import { isValidCode, normaliseCode } from '../voucher/voucher-code';
import { Redemption } from './redemption.entity';
import { redemptionClock } from './redemption-clock';
import { shardOf, tallyStore } from '../tally/tally.store';

export enum RedemptionErrorCode {
  VOUCHER_NOT_FOUND = 'VOUCHER_NOT_FOUND',
  VOUCHER_CODE_MISTYPED = 'VOUCHER_CODE_MISTYPED',
  VOUCHER_ALREADY_REDEEMED = 'VOUCHER_ALREADY_REDEEMED',
  VOUCHER_EXPIRED = 'VOUCHER_EXPIRED',
  BOOK_NOT_HANDED_OUT = 'BOOK_NOT_HANDED_OUT',
  VENUE_NOT_QUALIFIED = 'VENUE_NOT_QUALIFIED',
  OUTSIDE_TERRITORY = 'OUTSIDE_TERRITORY',
  SESSION_NOT_FOUND = 'SESSION_NOT_FOUND',
  SESSION_OF_ANOTHER_VENUE = 'SESSION_OF_ANOTHER_VENUE',
  SESSION_FULL = 'SESSION_FULL',
  /** One voucher pays one workshop sitting: a book's holder takes a session's seat once, not twice. */
  BOOK_ALREADY_USED_IN_SESSION = 'BOOK_ALREADY_USED_IN_SESSION',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  /** The book of this voucher was reported lost or stolen by its distributor. */
  BOOK_REPORTED_LOST = 'BOOK_REPORTED_LOST',
  /** The Paris month of the redemption was already closed: its statements are written. */
  MONTH_CLOSED = 'MONTH_CLOSED',
  /**
   * The session is not open for redemption today (Paris): a voucher is taken on the session's day
   * or up to REDEMPTION_GRACE_DAYS after it (a venue catching up after an outage), never before.
   */
  SESSION_NOT_OPEN_FOR_REDEMPTION = 'SESSION_NOT_OPEN_FOR_REDEMPTION',
}

/** Days after a session's Paris day on which its vouchers may still be taken. */
export const REDEMPTION_GRACE_DAYS = 7;

/** Whole days from one Paris day (YYYY-MM-DD) to another: both are calendar days, so UTC midnight arithmetic is exact. */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export interface RedeemInput {
  voucherCode: string;
  sessionId: string;
  idempotencyKey: string;
}

/** What is stored under an idempotency key and replayed: the redemption's id, or the error. */
type StoredAnswer = { redemptionId: string } | { error: { code: RedemptionErrorCode; message: string } };

export type RedeemAnswer =
  | { redemption: Redemption; error: null }
  | { redemption: null; error: { code: RedemptionErrorCode; message: string } };

const refuse = (code: RedemptionErrorCode, message: string): StoredAnswer => ({ error: { code, message } });


function requestHash(code: string, sessionId: string, venueId: string | null): string {
  return createHash('sha256').update(JSON.stringify([code, sessionId, venueId])).digest('hex');
}

/**
 * Redeems a voucher exactly once. Inside one transaction: the session row is locked (seats are
 * counted under it), every rule is checked against this subgraph's replicas, the voucher moves
 * AVAILABLE → REDEEMED by a conditional update (a concurrent loser sees 0 rows), and the unique
 * voucher_id of `redemption` is the backstop. The answer, success or refusal, is stored under the
 * calling venue's idempotency key in the same transaction, so a retry replays it — except the
 * refusals a lagging replica can cause (ADR 0001), which a retry checks afresh.
 */
export async function redeemVoucher(
  db: DataSource,
  input: RedeemInput,
  actingVenueId: string | null,
  now?: Date,
): Promise<RedeemAnswer> {
  const key = input.idempotencyKey.trim();
  if (key.length < 8 || key.length > 200) throw new BadInputError('idempotencyKey must be 8 to 200 characters', 'idempotencyKey');
  const code = normaliseCode(input.voucherCode) ?? input.voucherCode.trim().toUpperCase();
  const hash = requestHash(code, input.sessionId, actingVenueId);

  // Keys are the calling venue's own: one venue cannot use up, or read, another's answers.
  const scope = actingVenueId ?? '';
  const replay = async (): Promise<RedeemAnswer | null> => {
    const [prior] = await db.query(`select request_hash, response from idempotency where scope = $1 and key = $2`, [scope, key]);
    if (!prior) return null;
    if (prior.request_hash !== hash) {
      return {
        redemption: null,
        error: { code: RedemptionErrorCode.IDEMPOTENCY_KEY_REUSED, message: 'this idempotency key was used for another request' },
      };
    }
    return toAnswer(db, prior.response as StoredAnswer);
  };

  const prior = await replay();
  if (prior) return prior;
  try {
    const stored = await db.transaction(async (tx) => {
      const answer = await attempt(tx, code, input.sessionId, actingVenueId, now);
      if (!('error' in answer) || !MAY_BE_REPLICATION_LAG.has(answer.error.code)) {
        await tx.query(`insert into idempotency (scope, key, request_hash, response) values ($1, $2, $3, $4)`, [scope, key, hash, JSON.stringify(answer)]);
      }
      return answer;
    });
    return toAnswer(db, stored);
  } catch (err) {
    // A concurrent call with the same key committed first: ours rolled back; replay theirs.
    if ((err as { code?: string }).code === '23505' && /idempotency/.test((err as { constraint?: string }).constraint ?? '')) {
      const winner = await replay();
      if (winner) return winner;
    }
    throw err;
  }
}

/**
 * Refusals that a replica not yet up to date can cause: a session or a qualification just made,
 * a session just moved to another day. None is stored under the key, so a retry checks afresh.
 */
const MAY_BE_REPLICATION_LAG = new Set([
  RedemptionErrorCode.SESSION_NOT_FOUND,
  RedemptionErrorCode.VENUE_NOT_QUALIFIED,
  RedemptionErrorCode.SESSION_NOT_OPEN_FOR_REDEMPTION,
]);

async function toAnswer(db: DataSource | EntityManager, stored: StoredAnswer): Promise<RedeemAnswer> {
  if ('error' in stored) return { redemption: null, error: stored.error };
  return { redemption: await db.getRepository(Redemption).findOneByOrFail({ id: stored.redemptionId }), error: null };
}

async function attempt(tx: EntityManager, code: string, sessionId: string, actingVenueId: string | null, injectedNow?: Date): Promise<StoredAnswer> {
  if (normaliseCode(code) && !isValidCode(code)) {
    return refuse(RedemptionErrorCode.VOUCHER_CODE_MISTYPED, 'the check symbol does not match: the code was mistyped');
  }
  // Session first: its row lock orders concurrent redemptions of one session, always before the voucher's.
  const [session] = isUuid(sessionId)
    ? await tx.query(`select venue_id, insee_code, seats, starts_at from session_fact where session_id = $1 for update`, [sessionId])
    : [];
  if (!session) return refuse(RedemptionErrorCode.SESSION_NOT_FOUND, `no workshop session ${sessionId}`);
  if (actingVenueId && session.venue_id !== actingVenueId) {
    return refuse(RedemptionErrorCode.SESSION_OF_ANOTHER_VENUE, 'a venue redeems vouchers only for its own sessions');
  }
  const { at: now, monthClosed } = await redemptionClock(tx, injectedNow);
  const [voucher] = await tx.query(
    `select v.id, v.state, v.programme_id, v.face_value_cents, v.book_id, b.beneficiary_id,
            p.valid_from::text as valid_from, p.valid_until::text as valid_until, p.territory
       from voucher v join book b on b.id = v.book_id
       left join programme_fact p on p.programme_id = v.programme_id
      where v.code = $1`,
    [code],
  );
  if (!voucher) return refuse(RedemptionErrorCode.VOUCHER_NOT_FOUND, `no voucher with code ${code}`);
  if (voucher.state === 'REDEEMED') return refuse(RedemptionErrorCode.VOUCHER_ALREADY_REDEEMED, 'this voucher was already redeemed');
  if (voucher.state === 'LOST') return refuse(RedemptionErrorCode.BOOK_REPORTED_LOST, 'the book of this voucher was reported lost or stolen');
  const today = parisDayOf(now);
  if (voucher.state === 'BLOCKED' || !voucher.valid_from || today < voucher.valid_from || today > voucher.valid_until) {
    return refuse(RedemptionErrorCode.VOUCHER_EXPIRED, `this voucher is not valid on ${today}`);
  }
  if (!voucher.beneficiary_id) return refuse(RedemptionErrorCode.BOOK_NOT_HANDED_OUT, 'the book of this voucher was never handed out');
  const [qualified] = await tx.query(`select 1 from venue_qualification where venue_id = $1 and programme_id = $2`, [
    session.venue_id,
    voucher.programme_id,
  ]);
  if (!qualified) return refuse(RedemptionErrorCode.VENUE_NOT_QUALIFIED, "the venue is not qualified for this voucher's programme");
  if (!isCommuneInTerritory(session.insee_code, (voucher.territory as string[]).map(parseTerritoryEntry))) {
    return refuse(RedemptionErrorCode.OUTSIDE_TERRITORY, "the session is outside the programme's territory");
  }
  // The session's own window, against the clock taken inside this transaction, in Paris days.
  const sessionDay = parisDayOf(new Date(session.starts_at));
  const late = daysBetween(sessionDay, today);
  if (late < 0 || late > REDEMPTION_GRACE_DAYS) {
    return refuse(
      RedemptionErrorCode.SESSION_NOT_OPEN_FOR_REDEMPTION,
      late < 0
        ? `the session is on ${sessionDay}: its vouchers are taken from that day (it is ${today} in Paris)`
        : `the session was on ${sessionDay}: its vouchers are taken up to ${REDEMPTION_GRACE_DAYS} days after it (it is ${today} in Paris)`,
    );
  }
  const [{ taken }] = await tx.query(`select count(*)::int as taken from redemption where session_id = $1 and corrected_at is null`, [sessionId]);
  if (taken >= session.seats) return refuse(RedemptionErrorCode.SESSION_FULL, `all ${session.seats} seats of this session are taken`);
  // Under the session's row lock, so two vouchers of one book cannot both slip in concurrently.
  const [sameBook] = await tx.query(`select 1 from redemption where session_id = $1 and book_id = $2 and corrected_at is null`, [sessionId, voucher.book_id]);
  if (sameBook) {
    return refuse(RedemptionErrorCode.BOOK_ALREADY_USED_IN_SESSION, 'a voucher of this book was already redeemed for this session');
  }

  // Last of the rules: the voucher's own reasons come first; this one is about the money already paid out.
  if (monthClosed) return refuse(RedemptionErrorCode.MONTH_CLOSED, `the month of ${parisDayOf(now)} is closed: its statements are written`);

  const [won] = await tx.query(
    `with won as (update voucher set state = 'REDEEMED', redeemed_at = $2 where id = $1 and state = 'AVAILABLE' returning id)
     select id from won`,
    [voucher.id, now],
  );
  if (!won) return lostTheVoucher(tx, voucher.id);
  const [redemption] = await tx.query(
    `insert into redemption (voucher_id, session_id, venue_id, programme_id, book_id, amount_cents, redeemed_at)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [voucher.id, sessionId, session.venue_id, voucher.programme_id, voucher.book_id, voucher.face_value_cents, now],
  );
  await countRedemption(tx, voucher);
  return { redemptionId: redemption.id };
}

/**
 * The tallies of the D-30 report and the programme's figures, in the redemption's transaction:
 * the book's redeemed count (its row lock, taken after the voucher's as every path here takes
 * them, orders two vouchers of one book), the distributor's started books when this is the
 * book's first, and one voucher AVAILABLE → REDEEMED in the shard of the voucher's id — one row
 * of sixteen, so concurrent redemptions of a programme rarely wait on the same row.
 */
async function countRedemption(
  tx: EntityManager,
  voucher: { id: string; programme_id: string; book_id: string; face_value_cents: number },
): Promise<void> {
  // In a CTE: the driver hands back [rows, count] for a bare UPDATE.
  const [book] = await tx.query(
    `with counted as (update book set redeemed_vouchers = redeemed_vouchers + 1 where id = $1 returning redeemed_vouchers, distributor_id)
     select * from counted`,
    [voucher.book_id],
  );
  if (book.redeemed_vouchers === 1) {
    await tallyStore.moveBooks(tx, { programmeId: voucher.programme_id, distributorId: book.distributor_id, started: 1 });
  }
  await tallyStore.moveVouchers(tx, {
    programmeId: voucher.programme_id,
    shard: shardOf(voucher.id),
    from: 'AVAILABLE',
    to: 'REDEEMED',
    count: 1,
    cents: voucher.face_value_cents,
  });
}

/**
 * The voucher changed under us between the read and the conditional update: say what it became.
 * Expiry blocks vouchers set-based without the session lock, so a race with it must answer
 * VOUCHER_EXPIRED, not VOUCHER_ALREADY_REDEEMED.
 */
async function lostTheVoucher(tx: EntityManager, voucherId: string): Promise<StoredAnswer> {
  const [current] = await tx.query(`select state from voucher where id = $1`, [voucherId]);
  if (current?.state === 'LOST') return refuse(RedemptionErrorCode.BOOK_REPORTED_LOST, 'the book of this voucher was reported lost or stolen');
  if (current?.state === 'BLOCKED') return refuse(RedemptionErrorCode.VOUCHER_EXPIRED, "this voucher was blocked at its programme's expiry");
  return refuse(RedemptionErrorCode.VOUCHER_ALREADY_REDEEMED, 'this voucher was already redeemed');
}
