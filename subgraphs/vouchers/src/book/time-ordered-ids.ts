import { randomFillSync } from 'node:crypto';

/**
 * Time-ordered UUIDs (version 7, RFC 9562) for bulk-inserted rows.
 *
 * Why not random v4 ids: issuing a million vouchers inserts a million keys into the primary key of
 * `voucher` and the `voucher (book_id)` index (and, until migration 0010 dropped that foreign key,
 * read the primary key of `book` once per voucher). Random keys land on random index pages, so every insert touches a page that has
 * left the cache; increasing keys append to the right-most pages, which stay hot. On the
 * benchmark (npm run bench:issue) this cut PostgreSQL's CPU time for a million vouchers by about
 * a quarter. Ids are not secrets (the codes are): a v7 id only tells the millisecond it was made,
 * which `issued_at` shows anyway.
 *
 * Layout (RFC 9562 §5.7, with its "fixed bit-length dedicated counter", method 1, §6.2):
 *   48 bits  Unix time in milliseconds
 *    4 bits  version 7
 *   12 bits  counter, high part
 *    2 bits  variant 10
 *   14 bits  counter, low part — a 26-bit counter in all, so ids made in one millisecond by one
 *            process still increase; on overflow the time field is moved on by one millisecond
 *   48 bits  random (CSPRNG)
 */

const COUNTER_BITS = 26;
const COUNTER_LIMIT = 2 ** COUNTER_BITS;

let lastMs = 0;
let counter = 0;

const HEX = Buffer.from('0123456789abcdef', 'latin1');
/** Byte offsets of the dashes in the canonical 36-character form. */
const DASHES = new Set([8, 13, 18, 23]);
/** For each of the 36 characters: which byte of the 16 it shows, and whether its high nibble. */
const CHAR_BYTE = new Int8Array(36);
const CHAR_HIGH = new Uint8Array(36);
for (let c = 0, nibble = 0; c < 36; c += 1) {
  if (DASHES.has(c)) {
    CHAR_BYTE[c] = -1;
    continue;
  }
  CHAR_BYTE[c] = nibble >> 1;
  CHAR_HIGH[c] = nibble & 1 ? 0 : 1;
  nibble += 1;
}

/**
 * `count` version 7 UUIDs in canonical text form, separated by `separator` (one ASCII character),
 * strictly increasing within this process. One string for the lot, written byte by byte: bulk
 * inserts pass it inside a PostgreSQL array literal, and a million small strings would only be
 * garbage for the collector.
 */
export function timeOrderedUuidsText(count: number, separator = ','): string {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (separator.length !== 1 || separator.charCodeAt(0) > 127) throw new RangeError('separator must be one ASCII character');
  if (count === 0) return '';
  const bytes = Buffer.allocUnsafe(count * 16);
  randomFillSync(bytes);
  let ms = Date.now();
  if (ms > lastMs) {
    lastMs = ms;
    counter = 0;
  } else {
    ms = lastMs;
  }
  const stride = 37;
  const text = Buffer.allocUnsafe(count * stride - 1);
  const dash = '-'.charCodeAt(0);
  const sep = separator.charCodeAt(0);
  for (let i = 0, at = 0, out = 0; i < count; i += 1, at += 16, out += stride) {
    if (counter === COUNTER_LIMIT) {
      ms += 1;
      counter = 0;
    }
    bytes.writeUIntBE(ms, at, 6);
    bytes[at + 6] = 0x70 | (counter >>> 22);
    bytes[at + 7] = (counter >>> 14) & 0xff;
    bytes[at + 8] = 0x80 | ((counter >>> 8) & 0x3f);
    bytes[at + 9] = counter & 0xff;
    counter += 1;
    for (let c = 0; c < 36; c += 1) {
      const b = CHAR_BYTE[c]!;
      text[out + c] = b < 0 ? dash : HEX[CHAR_HIGH[c] ? bytes[at + b]! >> 4 : bytes[at + b]! & 15]!;
    }
    if (i + 1 < count) text[out + 36] = sep;
  }
  lastMs = ms;
  return text.toString('latin1');
}

/** `count` version 7 UUIDs in canonical text form, strictly increasing within this process. */
export function timeOrderedUuids(count: number): string[] {
  return count === 0 ? [] : timeOrderedUuidsText(count).split(',');
}
