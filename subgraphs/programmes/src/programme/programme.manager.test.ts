import type { DataSource } from 'typeorm';
import { BadInputError } from '@pass/kit';
import { createProgramme } from './programme.manager';
import type { CreateProgrammeInput } from './programme.inputs';

// Validation runs before any SQL: a database that throws on use proves nothing reached it.
const noDatabase = new Proxy({}, { get: () => { throw new Error('the database was used'); } }) as DataSource;

const valid = (): CreateProgrammeInput => ({
  name: 'Pass numérique Creil Sud Oise',
  territory: ['epci:200068047'],
  eligibility: { minAge: 16, maxAge: 25, statusesAnyOf: [] },
  validFrom: '2026-01-01',
  validUntil: '2026-12-31',
  budgetCents: 7_850_000,
  shares: [
    { funderId: '00000000-0000-4000-8000-000000000001', basisPoints: 6500 },
    { funderId: '00000000-0000-4000-8000-000000000002', basisPoints: 1400 },
    { funderId: '00000000-0000-4000-8000-000000000003', basisPoints: 2100 },
  ],
});

describe('createProgramme input rules', () => {
  test.each<[string, (i: CreateProgrammeInput) => void, string]>([
    ['shares not summing to 10,000', (i) => { i.shares[0]!.basisPoints = 6499; }, 'shares'],
    ['a funder twice', (i) => { i.shares[1]!.funderId = i.shares[0]!.funderId; }, 'shares'],
    ['an unknown territory code', (i) => { i.territory = ['departement:00']; }, 'territory'],
    ['a territory without level', (i) => { i.territory = ['60175']; }, 'territory'],
    ['a window ending before it starts', (i) => { i.validUntil = '2025-12-31'; }, 'validUntil'],
    ['minAge above maxAge', (i) => { i.eligibility.minAge = 30; }, 'eligibility'],
  ])('refuses %s with BAD_USER_INPUT on the right field', async (_what, spoil, field) => {
    const input = valid();
    spoil(input);
    const refusal = await createProgramme(noDatabase, input).catch((err) => err);
    expect(refusal).toBeInstanceOf(BadInputError);
    expect(refusal.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  test('a valid input gets past validation to the database', async () => {
    await expect(createProgramme(noDatabase, valid())).rejects.toThrow('the database was used');
  });
});
