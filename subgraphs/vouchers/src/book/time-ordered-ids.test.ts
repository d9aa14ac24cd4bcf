import { timeOrderedUuids, timeOrderedUuidsText } from './time-ordered-ids';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('time-ordered UUIDs (v7)', () => {
  test('are canonical version 7, variant 10 UUIDs', () => {
    for (const id of timeOrderedUuids(1_000)) expect(id).toMatch(V7);
  });

  test('carry the current Unix time in milliseconds', () => {
    const before = Date.now();
    const [id] = timeOrderedUuids(1);
    const ms = parseInt(id!.replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now() + 1);
  });

  test('strictly increase, within a call and across calls, in the byte order PostgreSQL compares', () => {
    const ids = [...timeOrderedUuids(70_000), ...timeOrderedUuids(5), ...timeOrderedUuids(70_000)];
    for (let i = 1; i < ids.length; i += 1) expect(ids[i]! > ids[i - 1]!).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('as text: separated by the given character, nothing for none', () => {
    expect(timeOrderedUuidsText(0)).toBe('');
    const text = timeOrderedUuidsText(3, ';');
    expect(text.split(';')).toHaveLength(3);
    for (const id of text.split(';')) expect(id).toMatch(V7);
    expect(() => timeOrderedUuidsText(-1)).toThrow(RangeError);
    expect(() => timeOrderedUuidsText(1, '--')).toThrow(RangeError);
  });
});
