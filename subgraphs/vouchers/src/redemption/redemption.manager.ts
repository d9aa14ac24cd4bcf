import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { BadInputError, isUuid, refusal, type Refusal } from '@pass/kit';
import { isCommuneInTerritory, parseTerritoryEntry } from '@pass/contracts/territory';
import { parisDayOf } from '@pass/contracts';
import { shardOf } from '../tally/tally.store';
import { isValidCode, normaliseCode } from '../voucher/voucher-code';
import { idempotencyStore } from './idempotency.store';
import { Voucher, VoucherState } from '../voucher/voucher.entity';
import type { Redemption } from './redemption.entity';
import { RedemptionErrorCode } from './redemption.inputs';
import { redemptionStore, type OwnAuditEntry, type RedemptionFacts } from './redemption.store';

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
type StoredAnswer = { redemptionId: string } | { error: Refusal<RedemptionErrorCode> };

/**
 * What a redemption's own transaction read and wrote, as its commit left them: the session's
 * venue, the seats still free once this redemption is counted (counted under the session's row
 * lock, which a concurrent redemption of the session waits for), and the voucher as
 * record_redemption wrote it (the row matched `code` exactly). Absent on a replay.
 */
export interface AsCommitted {
  session: { venueId: string; seatsLeft: number };
  voucher: Voucher;
}

export type RedeemAnswer =
  | { redemption: Redemption; error: null; committed?: AsCommitted }
  | { redemption: null; error: Refusal<RedemptionErrorCode> };

const refuse = (code: RedemptionErrorCode, message: string): { error: Refusal<RedemptionErrorCode> } => ({ error: refusal(code, message) });

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
 *
 * The reads are one statement and the writes another (redemption.store.ts's functions), each
 * sent with the BEGIN or the COMMIT: the rules stay here, between them, with the session's row
 * lock and the close lock held.
 */
export async function redeemVoucher(
  db: DataSource,
  input: RedeemInput,
  actingVenueId: string | null,
  now?: Date,
  audit: OwnAuditEntry | null = null,
): Promise<RedeemAnswer> {
  const key = input.idempotencyKey.trim();
  if (key.length < 8 || key.length > 200) throw new BadInputError('idempotencyKey must be 8 to 200 characters', 'idempotencyKey');
  const code = normaliseCode(input.voucherCode) ?? input.voucherCode.trim().toUpperCase();
  const hash = requestHash(code, input.sessionId, actingVenueId);
  // Keys are the calling venue's own: one venue cannot use up, or read, another's answers.
  const scope = actingVenueId ?? '';
  const replay = async (prior: { requestHash: string; answer: unknown }): Promise<RedeemAnswer> => {
    if (prior.requestHash !== hash) {
      return { redemption: null, error: refusal(RedemptionErrorCode.IDEMPOTENCY_KEY_REUSED, 'this idempotency key was used for another request') };
    }
    return toAnswer(db, prior.answer as StoredAnswer);
  };

  try {
    return await redemptionStore.inTransaction(
      db,
      { scope, key, requestHash: hash, code, sessionId: isUuid(input.sessionId) ? input.sessionId : null, injected: now ?? null, audit },
      async (facts, tx): Promise<RedeemAnswer> => {
        if (facts.prior) {
          await tx.rollback();
          return replay(facts.prior);
        }
        const refused = check(code, input.sessionId, actingVenueId, facts);
        if (refused) {
          if (MAY_BE_REPLICATION_LAG.has(refused.error.code)) await tx.rollback();
          else await tx.rememberAndCommit(refused);
          return { redemption: null, error: refused.error };
        }
        const { session, voucher, at } = facts;
        if (!session || !voucher) throw new Error('the rules passed without a session or a voucher');
        const recorded = await tx.recordAndCommit(
          {
            voucherId: voucher.id,
            sessionId: input.sessionId,
            venueId: session.venue_id,
            programmeId: voucher.programme_id,
            bookId: voucher.book_id,
            amountCents: voucher.face_value_cents,
            redeemedAt: at,
            shard: shardOf(voucher.id),
          },
          LOST_ANSWERS,
        );
        if (!('redemption' in recorded)) return { redemption: null, error: lostTheVoucher(recorded.lostTo).error };
        const redemption = recorded.redemption;
        return {
          redemption,
          error: null,
          committed: {
            session: { venueId: session.venue_id, seatsLeft: Math.max(0, session.seats - facts.seatsTaken - 1) },
            voucher: Object.assign(new Voucher(), {
              id: voucher.id,
              code,
              bookId: voucher.book_id,
              programmeId: voucher.programme_id,
              faceValueCents: voucher.face_value_cents,
              state: VoucherState.REDEEMED,
              redeemedAt: redemption.redeemedAt,
            }),
          },
        };
      },
    );
  } catch (err) {
    // A concurrent call with the same key committed first: ours rolled back; replay theirs.
    if ((err as { code?: string }).code === '23505' && /idempotency/.test((err as { constraint?: string }).constraint ?? '')) {
      const winner = await idempotencyStore.find(db, scope, key);
      if (winner) return replay(winner);
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
  return { redemption: await redemptionStore.byId(db, stored.redemptionId), error: null };
}

/** The first rule, in their order, that the facts read under the locks break; null when all pass. */
function check(
  code: string,
  sessionId: string,
  actingVenueId: string | null,
  facts: RedemptionFacts,
): { error: Refusal<RedemptionErrorCode> } | null {
  if (normaliseCode(code) && !isValidCode(code)) {
    return refuse(RedemptionErrorCode.VOUCHER_CODE_MISTYPED, 'the check symbol does not match: the code was mistyped');
  }
  const { session, voucher, at: now } = facts;
  if (!session) return refuse(RedemptionErrorCode.SESSION_NOT_FOUND, `no workshop session ${sessionId}`);
  if (actingVenueId && session.venue_id !== actingVenueId) {
    return refuse(RedemptionErrorCode.SESSION_OF_ANOTHER_VENUE, 'a venue redeems vouchers only for its own sessions');
  }
  if (!voucher) return refuse(RedemptionErrorCode.VOUCHER_NOT_FOUND, `no voucher with code ${code}`);
  if (voucher.state === 'REDEEMED') return refuse(RedemptionErrorCode.VOUCHER_ALREADY_REDEEMED, 'this voucher was already redeemed');
  if (voucher.state === 'LOST') return refuse(RedemptionErrorCode.BOOK_REPORTED_LOST, 'the book of this voucher was reported lost or stolen');
  const today = parisDayOf(now);
  if (voucher.state === 'BLOCKED' || !voucher.valid_from || !voucher.valid_until || today < voucher.valid_from || today > voucher.valid_until) {
    return refuse(RedemptionErrorCode.VOUCHER_EXPIRED, `this voucher is not valid on ${today}`);
  }
  if (!voucher.beneficiary_id) return refuse(RedemptionErrorCode.BOOK_NOT_HANDED_OUT, 'the book of this voucher was never handed out');
  if (!facts.venueQualified) return refuse(RedemptionErrorCode.VENUE_NOT_QUALIFIED, "the venue is not qualified for this voucher's programme");
  if (!isCommuneInTerritory(session.insee_code, (voucher.territory ?? []).map(parseTerritoryEntry))) {
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
  // Counted under the session's row lock.
  if (facts.seatsTaken >= session.seats) return refuse(RedemptionErrorCode.SESSION_FULL, `all ${session.seats} seats of this session are taken`);
  // Looked up under the session's row lock, so two vouchers of one book cannot both slip in concurrently.
  if (facts.bookUsedInSession) {
    return refuse(RedemptionErrorCode.BOOK_ALREADY_USED_IN_SESSION, 'a voucher of this book was already redeemed for this session');
  }

  // Last of the rules: the voucher's own reasons come first; this one is about the money already paid out.
  if (facts.monthClosed) return refuse(RedemptionErrorCode.MONTH_CLOSED, `the month of ${parisDayOf(now)} is closed: its statements are written`);

  return null;
}

/**
 * The voucher changed under us between the read and the conditional update: say what it became.
 * Expiry blocks vouchers set-based without the session lock, so a race with it must answer
 * VOUCHER_EXPIRED, not VOUCHER_ALREADY_REDEEMED.
 */
function lostTheVoucher(state: string | null): { error: Refusal<RedemptionErrorCode> } {
  if (state === 'LOST') return refuse(RedemptionErrorCode.BOOK_REPORTED_LOST, 'the book of this voucher was reported lost or stolen');
  if (state === 'BLOCKED') return refuse(RedemptionErrorCode.VOUCHER_EXPIRED, "this voucher was blocked at its programme's expiry");
  return refuse(RedemptionErrorCode.VOUCHER_ALREADY_REDEEMED, 'this voucher was already redeemed');
}

/** What is stored under the key when the voucher was lost, by the state it is in now (record_redemption stores it). */
const LOST_ANSWERS: Record<string, StoredAnswer> = Object.fromEntries(['LOST', 'BLOCKED', 'REDEEMED'].map((state) => [state, lostTheVoucher(state)]));
