import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parisDateParts, parisDayOf, parisMonthOf, parisYearOf } from './paris-date';

describe('Paris dates', () => {
  test('an instant belongs to its Paris day, month and year, not its UTC ones', () => {
    // 23:30 UTC on 31 December is 00:30 on 1 January in Paris (UTC+1 in winter).
    expect(parisDayOf(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(parisMonthOf(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01');
    expect(parisYearOf(new Date('2025-12-31T23:30:00Z'))).toBe(2026);
    // 21:59:59 UTC on 31 July is still 23:59:59 on 31 July in Paris (UTC+2 in summer).
    expect(parisDayOf(new Date('2025-07-31T21:59:59Z'))).toBe('2025-07-31');
  });

  test("do not depend on how a locale prints a date (ICU versions changed en-CA's output)", () => {
    // Simulates an ICU whose formatted strings differ: the parts, which the helper reads, do not.
    const format = jest.spyOn(Intl.DateTimeFormat.prototype as any, 'format', 'get').mockReturnValue(() => '1/2/2025, 12:00 PM');
    try {
      expect(parisDayOf(new Date('2025-03-09T12:00:00Z'))).toBe('2025-03-09');
      expect(parisMonthOf(new Date('2025-03-09T12:00:00Z'))).toBe('2025-03');
    } finally {
      format.mockRestore();
    }
  });

  test('kept by UTC hour, still exact across the clock changes and midnights', () => {
    const fresh = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });
    const expected = (at: Date) => {
      const p = Object.fromEntries(fresh.formatToParts(at).map(({ type, value }) => [type, value]));
      return `${p.year}-${p.month}-${p.day}`;
    };
    // Two days around each 2026 clock change, every 7 minutes, each instant asked twice (the second from what was kept).
    for (const from of ['2026-03-28T00:00:00Z', '2026-10-24T00:00:00Z']) {
      for (let t = Date.parse(from); t < Date.parse(from) + 2 * 86_400_000; t += 7 * 60_000) {
        const at = new Date(t);
        expect([parisDayOf(at), parisDayOf(at)]).toEqual([expected(at), expected(at)]);
      }
    }
    // What a caller does to its answer does not change the next one.
    const parts = parisDateParts(new Date('2026-05-01T10:00:00Z'));
    parts.day = '99';
    expect(parisDayOf(new Date('2026-05-01T10:30:00Z'))).toBe('2026-05-01');
    expect(() => parisDayOf(new Date('not a date'))).toThrow(RangeError);
  });

  test('no other source formats Paris dates through a locale string', () => {
    const root = path.resolve(__dirname, '../../..');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (file.endsWith('.ts') && file !== __filename && /'en-CA'/.test(readFileSync(file, 'utf8'))) offenders.push(path.relative(root, file));
      }
    };
    for (const top of ['subgraphs', 'gateway', 'clients', 'test']) walk(path.join(root, top));
    expect(offenders).toEqual([]);
  });
});
