import type { ValueTransformer } from 'typeorm';

/**
 * PostgreSQL `bigint` comes back from `pg` as a string. Cents and counts stay far below 2^53, so
 * they are read back as numbers; a value past that is a bug and fails loudly.
 */
export const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => {
    if (value === null || value === undefined) return value;
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${value} is past 2^53`);
    return n;
  },
};
