import { Beneficiary } from './beneficiary.entity';

describe('Beneficiary.ageBand', () => {
  const year = new Date().getUTCFullYear();
  test.each([
    [null, null],
    [year - 15, 'under-16'],
    [year - 16, '16-25'],
    [year - 25, '16-25'],
    [year - 26, '26-35'],
    [year - 47, '46-55'],
    [year - 64, '56-64'],
    [year - 65, '65+'],
  ])('born %p → %p', (birthYear, band) => {
    expect(Object.assign(new Beneficiary(), { birthYear }).ageBand).toBe(band);
  });
});
