import { BeneficiaryStatus, EducationLevel } from '@pass/contracts';
import {
  IneligibilityReason,
  ineligibilityReasons,
  type PersonFacts,
  type ProgrammeRules,
} from './eligibility';

/*
 * Every rule on both sides of its boundary. `today` is fixed: age is counted from the birth year
 * alone, so in 2025 a person born in 2009 is 16 whatever their birthday.
 */
const TODAY = new Date('2025-06-15T10:00:00Z');

const openRules: ProgrammeRules['eligibility'] = { minAge: null, maxAge: null, maxEducationLevel: null, statusesAnyOf: [] };

function programme(overrides: Partial<Omit<ProgrammeRules, 'eligibility'>> & { eligibility?: Partial<ProgrammeRules['eligibility']> } = {}): ProgrammeRules {
  return {
    territory: overrides.territory ?? ['departement:60'],
    validFrom: overrides.validFrom ?? '2025-01-01',
    validUntil: overrides.validUntil ?? '2025-12-31',
    eligibility: { ...openRules, ...overrides.eligibility },
  };
}

function person(overrides: Partial<PersonFacts> = {}): PersonFacts {
  return { birthYear: 1990, educationLevel: EducationLevel.BAC, statuses: [BeneficiaryStatus.JOB_SEEKER], inseeCode: '60175', ...overrides };
}

const reasons = (p: Partial<PersonFacts>, rules: Parameters<typeof programme>[0] = {}, today = TODAY) =>
  ineligibilityReasons(person(p), programme(rules), today);

describe('ineligibilityReasons', () => {
  test('a programme with no rule but its territory and window admits anyone living there', () => {
    expect(reasons({ birthYear: null, educationLevel: null, statuses: [] })).toEqual([]);
  });

  describe('age, inclusive bounds, from the birth year only', () => {
    const youth = { eligibility: { minAge: 16, maxAge: 25 } };
    test.each([
      ['exactly 16', 2009, []],
      ['15', 2010, [IneligibilityReason.TOO_YOUNG]],
      ['exactly 25', 2000, []],
      ['26', 1999, [IneligibilityReason.TOO_OLD]],
    ])('%s', (_age, birthYear, expected) => {
      expect(reasons({ birthYear }, youth)).toEqual(expected);
    });

    test('the birthday within the year does not matter: 16 on 1 January and on 31 December', () => {
      expect(reasons({ birthYear: 2009 }, youth, new Date('2025-01-01T12:00:00Z'))).toEqual([]);
      expect(reasons({ birthYear: 2009 }, youth, new Date('2025-12-31T12:00:00Z'))).toEqual([]);
    });

    test('a minimum alone or a maximum alone', () => {
      expect(reasons({ birthYear: 1900 }, { eligibility: { minAge: 16 } })).toEqual([]);
      expect(reasons({ birthYear: 2025 }, { eligibility: { maxAge: 25 } })).toEqual([]);
      expect(reasons({ birthYear: 1955 }, { eligibility: { minAge: 70 } })).toEqual([]);
      expect(reasons({ birthYear: 1956 }, { eligibility: { minAge: 70 } })).toEqual([IneligibilityReason.TOO_YOUNG]);
    });

    test('an unknown birth year fails an age rule, and only an age rule', () => {
      expect(reasons({ birthYear: null }, youth)).toEqual([IneligibilityReason.AGE_UNKNOWN]);
      expect(reasons({ birthYear: null }, { eligibility: { maxAge: 25 } })).toEqual([IneligibilityReason.AGE_UNKNOWN]);
      expect(reasons({ birthYear: null })).toEqual([]);
    });
  });

  describe('education, at most a level', () => {
    const atMostBac = { eligibility: { maxEducationLevel: EducationLevel.BAC } };
    test.each([
      [EducationLevel.NO_QUALIFICATION, []],
      [EducationLevel.CAP_BEP, []],
      [EducationLevel.BAC, []],
      [EducationLevel.ABOVE_BAC, [IneligibilityReason.EDUCATION_TOO_HIGH]],
    ])('%s against "at most BAC"', (educationLevel, expected) => {
      expect(reasons({ educationLevel }, atMostBac)).toEqual(expected);
    });

    test('CAP_BEP is the last level admitted by "at most CAP_BEP"', () => {
      const atMostCap = { eligibility: { maxEducationLevel: EducationLevel.CAP_BEP } };
      expect(reasons({ educationLevel: EducationLevel.CAP_BEP }, atMostCap)).toEqual([]);
      expect(reasons({ educationLevel: EducationLevel.BAC }, atMostCap)).toEqual([IneligibilityReason.EDUCATION_TOO_HIGH]);
    });

    test('an unknown level fails an education rule, and only an education rule', () => {
      expect(reasons({ educationLevel: null }, atMostBac)).toEqual([IneligibilityReason.EDUCATION_UNKNOWN]);
      expect(reasons({ educationLevel: null })).toEqual([]);
    });
  });

  describe('statuses, any one of', () => {
    const jobSeekersOrRsa = { eligibility: { statusesAnyOf: [BeneficiaryStatus.JOB_SEEKER, BeneficiaryStatus.MINIMUM_BENEFITS] } };
    test('one listed status is enough, among others', () => {
      expect(reasons({ statuses: [BeneficiaryStatus.MINIMUM_BENEFITS] }, jobSeekersOrRsa)).toEqual([]);
      expect(reasons({ statuses: [BeneficiaryStatus.STUDENT, BeneficiaryStatus.JOB_SEEKER] }, jobSeekersOrRsa)).toEqual([]);
    });

    test('no listed status, or no status at all, fails', () => {
      expect(reasons({ statuses: [BeneficiaryStatus.EMPLOYED, BeneficiaryStatus.STUDENT] }, jobSeekersOrRsa)).toEqual([
        IneligibilityReason.STATUS_NOT_ELIGIBLE,
      ]);
      expect(reasons({ statuses: [] }, jobSeekersOrRsa)).toEqual([IneligibilityReason.STATUS_NOT_ELIGIBLE]);
    });

    test('an empty list means any status', () => {
      expect(reasons({ statuses: [] }, { eligibility: { statusesAnyOf: [] } })).toEqual([]);
    });
  });

  describe('territory, where the person lives', () => {
    test.each([
      ['commune', 'commune:60175', '60175', '60463'],
      // Agglomération Creil Sud Oise: Creil is a member, Abancourt (also in the Oise) is not.
      ['EPCI', 'epci:200068047', '60175', '60001'],
      ['département', 'departement:60', '60001', '23096'],
      // Bourgogne-Franche-Comté: Dijon is in it, Creil (Hauts-de-France) is not.
      ['région', 'region:27', '21231', '60175'],
    ])('%s: in and out', (_level, entry, inside, outside) => {
      expect(reasons({ inseeCode: inside }, { territory: [entry] })).toEqual([]);
      expect(reasons({ inseeCode: outside }, { territory: [entry] })).toEqual([IneligibilityReason.OUTSIDE_TERRITORY]);
    });

    test('a territory of several entries admits a commune in any one of them', () => {
      expect(reasons({ inseeCode: '23096' }, { territory: ['epci:200068047', 'departement:23'] })).toEqual([]);
      expect(reasons({ inseeCode: '87085' }, { territory: ['epci:200068047', 'departement:23'] })).toEqual([
        IneligibilityReason.OUTSIDE_TERRITORY,
      ]);
    });

    test('an unknown commune is outside every territory', () => {
      expect(reasons({ inseeCode: '99999' }, { territory: ['departement:60'] })).toEqual([IneligibilityReason.OUTSIDE_TERRITORY]);
    });
  });

  describe('validity window, French calendar days, both ends inclusive', () => {
    const window = { validFrom: '2025-03-01', validUntil: '2025-09-30' };
    test.each([
      ['the day before the first day', '2025-02-28T12:00:00Z', [IneligibilityReason.PROGRAMME_NOT_OPEN]],
      ['the first day', '2025-03-01T12:00:00Z', []],
      ['the last day', '2025-09-30T12:00:00Z', []],
      ['the day after the last day', '2025-10-01T12:00:00Z', [IneligibilityReason.PROGRAMME_NOT_OPEN]],
    ])('%s', (_when, at, expected) => {
      expect(reasons({}, window, new Date(at))).toEqual(expected);
    });

    // Midnight in Paris is 23:00 or 22:00 UTC the day before: the UTC date is not the French day.
    test.each([
      ['00:30 in Paris on the first day (winter time)', '2025-03-01T00:30:00+01:00', []],
      ['23:30 in Paris the day before the first day', '2025-02-28T23:30:00+01:00', [IneligibilityReason.PROGRAMME_NOT_OPEN]],
      ['23:30 in Paris on the last day (summer time)', '2025-09-30T23:30:00+02:00', []],
      ['00:30 in Paris the day after the last day (summer time)', '2025-10-01T00:30:00+02:00', [IneligibilityReason.PROGRAMME_NOT_OPEN]],
    ])('%s', (_when, at, expected) => {
      expect(reasons({}, window, new Date(at))).toEqual(expected);
    });

    test('the age is counted in the French year: just after midnight on 1 January in Paris is already the new year', () => {
      // 2026-01-01T00:30 Paris is still 2025 in UTC; born 2010, the person turns 16 that year.
      expect(reasons({ birthYear: 2010 }, { validUntil: '2026-12-31', eligibility: { minAge: 16 } }, new Date('2026-01-01T00:30:00+01:00'))).toEqual([]);
    });
  });

  test('every failed rule is reported at once, so the distributor can tell the person why', () => {
    const cso = programme({
      territory: ['epci:200068047'],
      validFrom: '2025-07-01',
      eligibility: { minAge: 16, maxAge: 25, maxEducationLevel: EducationLevel.BAC, statusesAnyOf: [BeneficiaryStatus.JOB_SEEKER] },
    });
    const refused = ineligibilityReasons(
      { birthYear: 1960, educationLevel: EducationLevel.ABOVE_BAC, statuses: [BeneficiaryStatus.RETIREE], inseeCode: '23096' },
      cso,
      TODAY,
    );
    expect(refused.sort()).toEqual(
      [
        IneligibilityReason.PROGRAMME_NOT_OPEN,
        IneligibilityReason.TOO_OLD,
        IneligibilityReason.EDUCATION_TOO_HIGH,
        IneligibilityReason.STATUS_NOT_ELIGIBLE,
        IneligibilityReason.OUTSIDE_TERRITORY,
      ].sort(),
    );
    expect(ineligibilityReasons({ birthYear: null, educationLevel: null, statuses: [], inseeCode: '60175' }, { ...cso, validFrom: '2025-01-01' }, TODAY).sort()).toEqual(
      [IneligibilityReason.AGE_UNKNOWN, IneligibilityReason.EDUCATION_UNKNOWN, IneligibilityReason.STATUS_NOT_ELIGIBLE].sort(),
    );
  });
});
