import type { DataSource } from 'typeorm';
import { BadInputError, isUuid, refusal } from '@pass/kit';
import { bookStore } from '../book/book.store';
import { normaliseCode } from '../voucher/voucher-code';
import { outcomeStore } from './outcome.store';
import { RecordOutcomeErrorCode, type RecordOutcomePayload } from './outcome.inputs';

const MAX_SKILLS = 50;
const MAX_SKILL_LENGTH = 200;
const MAX_NOTE_LENGTH = 2000;

export interface OutcomeInput {
  bookCode: string;
  venueId: string;
  pixScore?: number | null;
  skillsReached: string[];
  note?: string | null;
}

/** The assessment as stored: trimmed, skills deduplicated in the order given, an empty note dropped. */
export function normaliseOutcome(input: Pick<OutcomeInput, 'pixScore' | 'skillsReached' | 'note'>): {
  pixScore: number | null;
  skillsReached: string[];
  note: string | null;
} {
  const pixScore = input.pixScore ?? null;
  if (pixScore !== null && (!Number.isInteger(pixScore) || pixScore < 0 || pixScore > 1000)) {
    throw new BadInputError('pixScore must be a whole number from 0 to 1,000', 'pixScore');
  }
  const skillsReached = [...new Set(input.skillsReached.map((s) => s.trim()).filter((s) => s.length > 0))];
  if (skillsReached.length > MAX_SKILLS) throw new BadInputError(`at most ${MAX_SKILLS} skills`, 'skillsReached');
  if (skillsReached.some((s) => s.length > MAX_SKILL_LENGTH)) {
    throw new BadInputError(`a skill is at most ${MAX_SKILL_LENGTH} characters`, 'skillsReached');
  }
  const note = input.note?.trim() || null;
  if (note && note.length > MAX_NOTE_LENGTH) throw new BadInputError(`note is at most ${MAX_NOTE_LENGTH} characters`, 'note');
  if (pixScore === null && skillsReached.length === 0 && !note) {
    throw new BadInputError('an outcome needs a PIX score, a skill reached or a note', 'skillsReached');
  }
  return { pixScore, skillsReached, note };
}

/**
 * A venue records an outcome for the holder of a book; only a venue that redeemed one of the
 * book's vouchers served that person, so only it may. The distributor reads it through its books.
 */
export async function recordOutcome(db: DataSource, input: OutcomeInput, now = new Date()): Promise<RecordOutcomePayload> {
  const assessment = normaliseOutcome(input);
  const code = normaliseCode(input.bookCode);
  const book = code ? await bookStore.byCode(db, code) : null;
  if (!book) return { outcome: null, error: refusal(RecordOutcomeErrorCode.BOOK_NOT_FOUND, `no book with code ${input.bookCode}`) };
  const outcome = isUuid(input.venueId) ? await outcomeStore.insertIfServed(db, { bookId: book.id, venueId: input.venueId, ...assessment, now }) : null;
  if (!outcome) {
    return { outcome: null, error: refusal(RecordOutcomeErrorCode.VENUE_DID_NOT_SERVE_BOOK, 'this venue redeemed no voucher of this book') };
  }
  return { outcome, error: null };
}
