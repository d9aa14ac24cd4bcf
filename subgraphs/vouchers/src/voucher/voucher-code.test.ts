import fc from 'fast-check';
import {
  codeKind,
  formatCode,
  generateCode,
  generateCodes,
  isValidCode,
  normaliseCode,
  type CodeKind,
} from './voucher-code';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CANONICAL = /^[VB][0-9A-HJKMNP-TV-Z]{13}$/;
const DISPLAY = /^[VB][0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * An independent reference for the check: the code read as a polynomial over GF(32) (x^5+x^2+1),
 * evaluated at α = 2 by Horner's rule, must be zero. It shares no tables with the module.
 */
function multiply(a: number, b: number): number {
  let product = 0;
  for (let bit = 4; bit >= 0; bit--) {
    product <<= 1;
    if (product & 32) product ^= 0b100101;
    if ((b >> bit) & 1) product ^= a;
  }
  return product;
}
const valueOf = (symbol: string): number => ALPHABET.indexOf(symbol);
const horner = (symbols: string): number =>
  Array.from(symbols).reduce((acc, symbol) => multiply(acc, 2) ^ valueOf(symbol), 0);
const referenceCheck = (body: string): string => ALPHABET[multiply(horner(body), 2)] ?? '?';

const kindArb = fc.constantFrom<CodeKind>('voucher', 'book');
const symbolArb = fc.constantFrom(...Array.from(ALPHABET));
const bodyArb = fc
  .tuple(fc.constantFrom('V', 'B'), fc.array(symbolArb, { minLength: 12, maxLength: 12 }))
  .map(([prefix, symbols]) => prefix + symbols.join(''));
const codeArb = bodyArb.map((body) => body + referenceCheck(body));

function replaceAt(text: string, index: number, symbol: string): string {
  return text.slice(0, index) + symbol + text.slice(index + 1);
}

function swap(text: string, i: number, j: number): string {
  const chars = Array.from(text);
  [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  return chars.join('');
}

describe('the check symbol', () => {
  it('agrees with the reference on a fixed example', () => {
    expect(referenceCheck('VK3MQ9TZ2XHA4')).toBe('K');
    expect(isValidCode('VK3MQ9TZ2XHA4K')).toBe(true);
    expect(formatCode('VK3MQ9TZ2XHA4K')).toBe('VK3MQ-9TZ2X-HA4K');
  });

  it('accepts exactly one of the 32 possible last symbols for any body', () => {
    fc.assert(
      fc.property(bodyArb, (body) => {
        const accepted = Array.from(ALPHABET).filter((last) => isValidCode(body + last));
        expect(accepted).toEqual([referenceCheck(body)]);
      }),
    );
  });

  it('detects every single-symbol substitution in a sample of generated codes', () => {
    const undetected: string[] = [];
    let substitutions = 0;
    for (const code of [...generateCodes('voucher', 150), ...generateCodes('book', 150)]) {
      for (let i = 0; i < code.length; i++) {
        for (const symbol of ALPHABET) {
          if (symbol === code[i]) continue;
          substitutions++;
          const typo = replaceAt(code, i, symbol);
          if (isValidCode(typo)) undetected.push(`${code} → ${typo}`);
        }
      }
    }
    expect(undetected).toEqual([]);
    expect(substitutions).toBe(300 * 14 * 31);
  });

  it('detects every single-symbol substitution in arbitrary codes', () => {
    fc.assert(
      fc.property(codeArb, fc.nat(13), symbolArb, (code, i, symbol) => {
        fc.pre(code[i] !== symbol);
        expect(isValidCode(replaceAt(code, i, symbol))).toBe(false);
      }),
    );
  });

  it('detects every adjacent transposition of different symbols in generated codes', () => {
    const undetected: string[] = [];
    let swaps = 0;
    for (const code of [...generateCodes('voucher', 500), ...generateCodes('book', 500)]) {
      for (let i = 0; i + 1 < code.length; i++) {
        if (code[i] === code[i + 1]) continue;
        swaps++;
        const typo = swap(code, i, i + 1);
        if (isValidCode(typo)) undetected.push(`${code} → ${typo}`);
      }
    }
    expect(undetected).toEqual([]);
    expect(swaps).toBeGreaterThan(12_000);
  });

  it('detects transpositions at any distance, including with the check symbol', () => {
    fc.assert(
      fc.property(codeArb, fc.nat(13), fc.nat(13), (code, i, j) => {
        fc.pre(code[i] !== code[j]);
        expect(isValidCode(swap(code, i, j))).toBe(false);
      }),
    );
  });

  it('covers the kind letter, so a book code cannot pass as a voucher code', () => {
    const book = generateCode('book');
    expect(isValidCode(`V${book.slice(1)}`)).toBe(false);
  });
});

describe('generateCode', () => {
  it.each<[CodeKind, string]>([
    ['voucher', 'V'],
    ['book', 'B'],
  ])('makes a valid %s code starting with %s', (kind, prefix) => {
    const code = generateCode(kind);
    expect(code).toMatch(CANONICAL);
    expect(code[0]).toBe(prefix);
    expect(isValidCode(code)).toBe(true);
    expect(isValidCode(code, kind)).toBe(true);
    expect(codeKind(code)).toBe(kind);
  });

  it('agrees with the reference check', () => {
    for (let i = 0; i < 1000; i++) {
      const code = generateCode(i % 2 === 0 ? 'voucher' : 'book');
      expect(horner(code)).toBe(0);
    }
  });
});

describe('generateCodes', () => {
  it('makes 100,000 distinct codes that all validate', () => {
    const codes = generateCodes('voucher', 100_000);
    expect(codes).toHaveLength(100_000);
    expect(new Set(codes).size).toBe(100_000);
    for (const code of codes) {
      if (!CANONICAL.test(code) || !isValidCode(code, 'voucher') || horner(code) !== 0) {
        throw new Error(`bad code ${code}`);
      }
    }
  });

  it('spreads symbols evenly over every position, so codes reveal nothing about each other', () => {
    const n = 100_000;
    const counts = Array.from({ length: 14 }, () => new Array<number>(32).fill(0));
    for (const code of generateCodes('book', n)) {
      for (let i = 1; i < 14; i++) {
        const row = counts[i];
        if (row) row[valueOf(code[i] ?? '')] = (row[valueOf(code[i] ?? '')] ?? 0) + 1;
      }
    }
    // Each cell expects n / 32 = 3125 with a standard deviation of about 55; ±450 is over 8σ,
    // while a stuck or missing bit would move whole cells by thousands.
    for (let i = 1; i < 14; i++) {
      for (const count of counts[i] ?? []) {
        expect(Math.abs(count - n / 32)).toBeLessThan(450);
      }
    }
  });

  // Issuance relies on it: a chunk's codes then enter their unique index from left to right.
  it('hands the codes out in ascending byte order', () => {
    const codes = generateCodes('voucher', 10_000);
    const ascending = [...codes].sort();
    expect(codes).toEqual(ascending);
    expect(codes[0]).not.toBe(codes[codes.length - 1]);
  });

  // Its speed is printed by `npm run bench:codes`, never asserted here.
  it('makes a million distinct codes in one batch', () => {
    const codes = generateCodes('voucher', 1_000_000);
    expect(codes).toHaveLength(1_000_000);
    expect(new Set(codes).size).toBe(1_000_000);
  });

  it('handles zero and rejects bad counts', () => {
    expect(generateCodes('book', 0)).toEqual([]);
    expect(() => generateCodes('book', -1)).toThrow(RangeError);
    expect(() => generateCodes('book', 1.5)).toThrow(RangeError);
    expect(() => generateCodes('book', Number.NaN)).toThrow(RangeError);
  });

  it('never repeats a code within a batch, even when the random source does', () => {
    jest.isolateModules(() => {
      const real = jest.requireActual<typeof import('node:crypto')>('node:crypto');
      let calls = 0;
      jest.doMock('node:crypto', () => ({
        ...real,
        // The first draw is all zeros, so every code in the batch starts out identical.
        randomFillSync: <T extends NodeJS.ArrayBufferView>(buffer: T): T =>
          calls++ === 0 ? buffer : real.randomFillSync(buffer),
      }));
      const isolated = jest.requireActual<typeof import('./voucher-code')>('./voucher-code');
      const codes = isolated.generateCodes('voucher', 50);
      expect(new Set(codes).size).toBe(50);
      expect(codes.every((code) => isolated.isValidCode(code, 'voucher'))).toBe(true);
      // The first code keeps the all-zero draw; each of the other 49 is redrawn.
      expect(codes[0]).toBe(`V000000000000${referenceCheck('V000000000000')}`);
      expect(calls).toBe(50);
    });
    jest.dontMock('node:crypto');
  });
});

describe('normaliseCode', () => {
  it('round-trips generated codes through the display form', () => {
    for (const code of generateCodes('voucher', 100)) {
      const shown = formatCode(code);
      expect(shown).toMatch(DISPLAY);
      expect(normaliseCode(shown)).toBe(code);
      expect(normaliseCode(shown.toLowerCase())).toBe(code);
    }
  });

  it('ignores case, spaces and dashes wherever they are', () => {
    fc.assert(
      fc.property(
        codeArb,
        fc.array(fc.constantFrom(' ', '-', '  ', '\t', '\u2013', '\u00a0'), {
          minLength: 15,
          maxLength: 15,
        }),
        fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
        (code, separators, lower) => {
          const typed = Array.from(code)
            .map((symbol, i) => (separators[i] ?? '') + (lower[i] ? symbol.toLowerCase() : symbol))
            .join('') + (separators[14] ?? '');
          expect(normaliseCode(typed)).toBe(code);
          expect(isValidCode(typed)).toBe(true);
        },
      ),
    );
  });

  it("maps Crockford's look-alikes: O to 0, I and L to 1", () => {
    const code = `V${'0'.repeat(6)}${'1'.repeat(6)}`;
    const full = code + referenceCheck(code);
    const typed = `v-oOo0o0-iIlL1i-${full[13]}`;
    expect(normaliseCode(typed)).toBe(full);
    expect(isValidCode(typed, 'voucher')).toBe(true);
  });

  it.each([
    '',
    ' ',
    'hello',
    'V',
    'VK3MQ9TZ2XHA4', // a symbol short
    'VK3MQ9TZ2XHA4EE', // a symbol too many
    'XK3MQ9TZ2XHA4E', // unknown kind letter
    '0K3MQ9TZ2XHA4E',
    'VK3MQ9TZ2XHA4U', // U is not in the alphabet
    'VK3MQ9TZUXHA4E',
    'VK3MQ9TZ2XHA4*', // Crockford's extra check symbols are not used
    'VK3MQ_9TZ2X_HA4E', // only spaces and dashes are separators
    'VK3MQ.9TZ2X.HA4E',
    'VK3MQ9TZ2XHA4É',
    'VK3MQ9TZ2XHA4\u0415', // Cyrillic Е, which looks like E
    'VK3MQ9TZ2XHA4😀',
  ])('returns null for %p', (input) => {
    expect(normaliseCode(input)).toBeNull();
    expect(isValidCode(input)).toBe(false);
    expect(codeKind(input)).toBeNull();
  });

  it('returns null or a canonical, idempotent code for any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          // Mostly near-codes, so that some inputs do normalise.
          fc.string({ unit: fc.constantFrom(...'VB0OIL1-uU XKa'), minLength: 12, maxLength: 20 }),
        ),
        (input) => {
          const canonical = normaliseCode(input);
          if (canonical !== null) {
            expect(canonical).toMatch(CANONICAL);
            expect(normaliseCode(canonical)).toBe(canonical);
          }
        },
      ),
    );
  });

  it('does not check the check symbol', () => {
    expect(normaliseCode('vk3mq-9tz2x-ha4f')).toBe('VK3MQ9TZ2XHA4F');
    expect(isValidCode('VK3MQ9TZ2XHA4F')).toBe(false);
  });
});

describe('isValidCode and codeKind', () => {
  it('checks the kind when asked', () => {
    const voucher = generateCode('voucher');
    const book = generateCode('book');
    expect(isValidCode(voucher, 'voucher')).toBe(true);
    expect(isValidCode(voucher, 'book')).toBe(false);
    expect(isValidCode(book, 'book')).toBe(true);
    expect(isValidCode(book, 'voucher')).toBe(false);
    expect(codeKind(formatCode(voucher).toLowerCase())).toBe('voucher');
    expect(codeKind(book)).toBe('book');
  });

  it('accepts every code built with the reference check', () => {
    fc.assert(
      fc.property(codeArb, (code) => {
        expect(isValidCode(code)).toBe(true);
        expect(codeKind(code)).toBe(code.startsWith('V') ? 'voucher' : 'book');
      }),
    );
  });
});

describe('formatCode', () => {
  it('groups codes 5-5-4 and accepts any typed form of a valid code', () => {
    fc.assert(
      fc.property(codeArb, (code) => {
        const shown = formatCode(code);
        expect(shown).toMatch(DISPLAY);
        expect(shown.replace(/-/g, '')).toBe(code);
        expect(formatCode(shown.toLowerCase())).toBe(shown);
      }),
    );
  });

  it('refuses to format anything that is not a valid code', () => {
    expect(() => formatCode('VK3MQ9TZ2XHA4F')).toThrow(RangeError);
    expect(() => formatCode('garbage')).toThrow(RangeError);
    expect(() => formatCode('')).toThrow(RangeError);
  });
});

describe('generated codes across kinds', () => {
  it('are valid for their own kind only', () => {
    fc.assert(
      fc.property(kindArb, (kind) => {
        const code = generateCode(kind);
        expect(isValidCode(code, kind)).toBe(true);
        expect(isValidCode(code, kind === 'voucher' ? 'book' : 'voucher')).toBe(false);
      }),
      { numRuns: 50 },
    );
  });
});
