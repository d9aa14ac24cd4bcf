import { randomFillSync } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH, CODE_PREFIXES, symbolValue, weightedSymbol, type CodeKind } from '@pass/contracts';

// The check is shared with the venue counter page (it runs in the browser), so it lives in
// @pass/contracts; this module keeps what only the hub does: drawing codes.
export { codeKind, formatCode, isValidCode, normaliseCode, type CodeKind } from '@pass/contracts';

/**
 * Codes for vouchers and books. They are printed on paper, then typed by venue staff or scanned,
 * so they must be unique, impossible to guess or enumerate (never sequential), short enough to
 * type, and carry a check symbol so a typo is refused instead of redeeming someone else's voucher.
 *
 * Canonical form: 14 symbols of Crockford base32 (0-9 A-Z without I L O U, so nothing reads as
 * another symbol), stored and compared without separators:
 *
 *   V K3MQ9TZ2XHA4 K
 *   │ │            └ check symbol
 *   │ └ 12 random symbols from the CSPRNG (crypto.randomFillSync): 60 bits
 *   └ kind: V voucher, B book
 *
 * Display form, for print and screens: 5-5-4 groups, e.g. `VK3MQ-9TZ2X-HA4K`. Short groups are
 * easy to read aloud and to compare at a glance; the dashes are ignored on input.
 *
 * Why 60 bits is enough: at the planned scale of 20 million live vouchers, a guessed code hits a
 * live voucher with probability 2e7 / 2^60 ≈ 1.7e-11, i.e. about 58 billion guesses per hit.
 * Redemption also needs an authenticated, qualified venue in the right programme and territory
 * and a handed-out book, and is rate-limited, so guessing is hopeless. Guessing the check symbol
 * is free for an attacker (it is computed, not secret), so it adds no security, only typo safety.
 *
 * Why this check symbol: it is a weighted sum over GF(32), the field with one element per base32
 * symbol. Position i (0-based, from the left) has weight α^(13-i), where α generates the field's
 * multiplicative group of order 31, and the check symbol makes the weighted sum of all 14
 * symbols zero. Because GF(32) is a field and the 14 weights are distinct and non-zero, changing
 * any one symbol, or swapping any two different symbols at any distance, always changes the sum:
 * every single substitution and every transposition is detected. Crockford's own mod-37 check needs
 * five extra symbols (* ~ $ = U); '~' is a dead key on French AZERTY keyboards and 'U' is banned
 * from the body, so staying inside the 32 body symbols keeps every code typeable as printed.
 * The kind letter is covered by the check too, so a book code typed as a voucher code is refused.
 */

/**
 * The shared weights, copied once into a local table: the hot loop below then reads a typed
 * array instead of calling across modules 13 times per code.
 */
const WEIGHTED = Uint8Array.from({ length: CODE_LENGTH * 32 }, (_, k) => weightedSymbol(k >> 5, k & 31));

function weighted(position: number, value: number): number {
  return WEIGHTED[position * 32 + value] ?? 0;
}

/** ASCII byte of each symbol, for writing codes into a byte buffer in the hot loop. */
const SYMBOL_BYTES = Uint8Array.from(CODE_ALPHABET, (symbol) => symbol.charCodeAt(0));

/** Each 32-bit random word contributes its top 30 bits, six symbols; the low 2 bits are unused. */
const USED_BITS = 0xfffffffc;

/** Codes are decoded into text this many at a time, to bound the size of the scratch buffer. */
const CHUNK = 1 << 16;

/** 64 random bits per code, as two 32-bit words, with the unused bits cleared. */
function drawRandomWords(count: number): Uint32Array {
  const words = new Uint32Array(count * 2);
  randomFillSync(words);
  // Clearing the unused bits makes each 64-bit value a one-to-one image of its code, so repeats
  // can be found by comparing numbers instead of hashing a million strings.
  for (let i = 0; i < words.length; i++) words[i] = (words[i] ?? 0) & USED_BITS;
  return words;
}

/**
 * Redraws any code that repeats an earlier one in the batch. A repeat is vanishingly rare
 * (about n² / 2^61: 4e-7 for a million codes), so the common path is one numeric sort, which is
 * several times faster than a Set of strings; only when a repeat exists do we pay for the Set.
 */
function redrawRepeats(words: Uint32Array): void {
  const values = new BigUint64Array(words.buffer, words.byteOffset, words.length / 2);
  const sorted = values.slice().sort();
  let repeated = false;
  for (let i = 1; i < sorted.length && !repeated; i++) repeated = sorted[i] === sorted[i - 1];
  if (!repeated) return;

  const seen = new Set<bigint>();
  const fresh = new Uint32Array(2);
  for (let i = 0; i < values.length; i++) {
    while (seen.has(values[i] ?? 0n)) {
      randomFillSync(fresh);
      words[2 * i] = (fresh[0] ?? 0) & USED_BITS;
      words[2 * i + 1] = (fresh[1] ?? 0) & USED_BITS;
    }
    seen.add(values[i] ?? 0n);
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Puts the codes' random words in the order of the codes they make: by the first word (the
 * first six symbols), then the second. The pairs are swapped so that, read as one 64-bit number
 * on a little-endian machine, each compares first by its first word; a typed array sorts a million of them
 * in a fraction of what sorting a million strings takes.
 */
function sortWordsInCodeOrder(words: Uint32Array): void {
  const swapPairs = () => {
    for (let i = 0; i < words.length; i += 2) {
      const first = words[i] ?? 0;
      words[i] = words[i + 1] ?? 0;
      words[i + 1] = first;
    }
  };
  if (LITTLE_ENDIAN) swapPairs();
  new BigUint64Array(words.buffer, words.byteOffset, words.length / 2).sort();
  if (LITTLE_ENDIAN) swapPairs();
}

/**
 * Turns random words into codes. Writing ASCII bytes and decoding a whole chunk at once is much
 * faster than concatenating fourteen one-character strings per code.
 */
function encodeCodes(kind: CodeKind, words: Uint32Array): string[] {
  const prefix = CODE_PREFIXES[kind];
  const prefixByte = prefix.charCodeAt(0);
  const prefixWeighted = weightedSymbol(0, symbolValue(prefixByte));
  const count = words.length / 2;
  const codes: string[] = [];
  const text = Buffer.allocUnsafe(Math.min(count, CHUNK) * CODE_LENGTH);
  for (let first = 0; first < count; first += CHUNK) {
    const chunk = Math.min(count - first, CHUNK);
    for (let c = 0; c < chunk; c++) {
      const high = (words[2 * (first + c)] ?? 0) >>> 2;
      const low = (words[2 * (first + c) + 1] ?? 0) >>> 2;
      const at = c * CODE_LENGTH;
      text[at] = prefixByte;
      let check = prefixWeighted;
      for (let s = 0; s < 6; s++) {
        const value = (high >>> (25 - 5 * s)) & 31;
        check ^= weighted(1 + s, value);
        text[at + 1 + s] = SYMBOL_BYTES[value] ?? 0;
      }
      for (let s = 0; s < 6; s++) {
        const value = (low >>> (25 - 5 * s)) & 31;
        check ^= weighted(7 + s, value);
        text[at + 7 + s] = SYMBOL_BYTES[value] ?? 0;
      }
      text[at + 13] = SYMBOL_BYTES[check] ?? 0;
    }
    const decoded = text.toString('latin1', 0, chunk * CODE_LENGTH);
    for (let c = 0; c < chunk; c++) {
      codes.push(decoded.slice(c * CODE_LENGTH, (c + 1) * CODE_LENGTH));
    }
  }
  return codes;
}

/** A fresh random code of the given kind, in canonical form. */
export function generateCode(kind: CodeKind): string {
  const code = encodeCodes(kind, drawRandomWords(1))[0];
  if (code === undefined) throw new Error('internal error: no code generated');
  return code;
}

/**
 * `count` fresh codes of the given kind, distinct from each other, in ascending order (byte order):
 * issuance inserts a chunk's codes in that order, so its unique index is walked from left to right
 * instead of at random (book.manager.ts). Codes from different batches can still collide (about
 * 1.7e-4 odds over 20 million codes), so the store must keep codes under a unique constraint and
 * redraw on conflict.
 */
export function generateCodes(kind: CodeKind, count: number): string[] {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  }
  const words = drawRandomWords(count);
  redrawRepeats(words);
  sortWordsInCodeOrder(words);
  return encodeCodes(kind, words);
}

