/**
 * The check symbol of voucher and book codes: the one function the hub uses to refuse a mistyped
 * code and the venue counter page runs before sending anything. It lives here, free of any Node
 * API or dependency, so the browser bundle and the vouchers subgraph run the very same code.
 * Why this check symbol and this alphabet: see subgraphs/vouchers/src/voucher/voucher-code.ts,
 * which generates the codes.
 *
 * Canonical form: 14 symbols of Crockford base32: the kind (V voucher, B book), 12 random
 * symbols, the check symbol. Position i (0-based) weighs α^(13-i) in GF(32), and the check symbol
 * makes the weighted sum of all 14 symbols zero.
 */

export type CodeKind = 'voucher' | 'book';

export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_PREFIXES: Readonly<Record<CodeKind, string>> = { voucher: 'V', book: 'B' };
export const CODE_LENGTH = 14;

/** Symbol value by char code, -1 for anything outside the alphabet. */
const VALUE_OF = new Int8Array(128).fill(-1);
for (let v = 0; v < CODE_ALPHABET.length; v++) VALUE_OF[CODE_ALPHABET.charCodeAt(v)] = v;
// Crockford's aliases: people type the letter for the digit it looks like.
VALUE_OF['O'.charCodeAt(0)] = 0;
VALUE_OF['I'.charCodeAt(0)] = 1;
VALUE_OF['L'.charCodeAt(0)] = 1;

/** GF(32) built on x^5 + x^2 + 1; irreducible, hence primitive since 31 is prime, so α = x = 2. */
const FIELD_POLYNOMIAL = 0b100101;

function multiplyInField(a: number, b: number): number {
  let product = 0;
  for (let x = a, y = b; y > 0; y >>= 1) {
    if (y & 1) product ^= x;
    x <<= 1;
    if (x & 0b100000) x ^= FIELD_POLYNOMIAL;
  }
  return product;
}

/**
 * WEIGHTED[i * 32 + v] = α^(13-i) · v: a flat table so computing a check is 13 look-ups and XORs,
 * which keeps bulk generation fast.
 */
const WEIGHTED = new Uint8Array(CODE_LENGTH * 32);
for (let i = 0, weight = 1; i < CODE_LENGTH; i++) {
  const position = CODE_LENGTH - 1 - i;
  for (let v = 0; v < 32; v++) WEIGHTED[position * 32 + v] = multiplyInField(weight, v);
  weight = multiplyInField(weight, 2);
}

/** The value of a symbol at a position, weighted: XOR these over a code to get its check sum. */
export function weightedSymbol(position: number, value: number): number {
  return WEIGHTED[position * 32 + value] ?? 0;
}

/** The value of a symbol by its char code (aliases included), -1 outside the alphabet. */
export function symbolValue(charCode: number): number {
  return charCode < 128 ? (VALUE_OF[charCode] ?? -1) : -1;
}

/**
 * The canonical form of a typed or scanned code, or null when it cannot be one: case, spaces and
 * dashes are ignored and Crockford's look-alikes are accepted (O for 0, I and L for 1). Only the
 * shape is checked here; use isValidCode to check the check symbol too.
 */
export function normaliseCode(input: string): string | null {
  // Dash-like characters are included because codes get pasted from word processors.
  const compact = input.replace(/[\s\-\u2010-\u2015\u2212]+/g, '').toUpperCase();
  if (compact.length !== CODE_LENGTH) return null;
  const first = compact[0];
  if (first !== CODE_PREFIXES.voucher && first !== CODE_PREFIXES.book) return null;
  let canonical = first;
  for (let i = 1; i < CODE_LENGTH; i++) {
    const value = symbolValue(compact.charCodeAt(i));
    if (value < 0) return null;
    canonical += CODE_ALPHABET[value] ?? '';
  }
  return canonical;
}

/** Whether a canonical code's weighted sum is zero, i.e. its check symbol matches. */
function checksOut(canonical: string): boolean {
  let sum = 0;
  for (let i = 0; i < CODE_LENGTH; i++) {
    sum ^= weightedSymbol(i, VALUE_OF[canonical.charCodeAt(i)] ?? 0);
  }
  return sum === 0;
}

/**
 * Whether the input is a well-formed code with a matching check symbol (and of the given kind,
 * when one is given, so a book code scanned into a voucher field is refused).
 */
export function isValidCode(input: string, kind?: CodeKind): boolean {
  const canonical = normaliseCode(input);
  if (canonical === null || !checksOut(canonical)) return false;
  return kind === undefined || canonical[0] === CODE_PREFIXES[kind];
}

/** The kind of a valid code, or null if the input is not a valid code. */
export function codeKind(input: string): CodeKind | null {
  const canonical = normaliseCode(input);
  if (canonical === null || !checksOut(canonical)) return null;
  return canonical[0] === CODE_PREFIXES.voucher ? 'voucher' : 'book';
}

/**
 * The display form, `VK3MQ-9TZ2X-HA4K`. Throws a RangeError for anything that is not a valid
 * code, because printing an invalid code would hand out paper nobody can redeem.
 */
export function formatCode(code: string): string {
  const canonical = normaliseCode(code);
  if (canonical === null || !checksOut(canonical)) {
    throw new RangeError(`not a valid voucher or book code: ${JSON.stringify(code)}`);
  }
  return `${canonical.slice(0, 5)}-${canonical.slice(5, 10)}-${canonical.slice(10)}`;
}
