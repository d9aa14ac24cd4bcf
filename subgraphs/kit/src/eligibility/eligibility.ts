import { registerEnumType } from 'type-graphql';
import type { EligibilityRulesFact } from '../events/topics';
import { isCommuneInTerritory, parseTerritoryEntry } from '../territory/territory';
import { parisDayOf } from '../time/paris-date';

/**
 * The vocabulary of eligibility, shared by the programmes subgraph (which states the rules) and
 * the beneficiaries subgraph (which checks people against them). Ordered from least to most
 * qualified: a rule "at most BAC" admits the first three.
 */
export enum EducationLevel {
  NO_QUALIFICATION = 'NO_QUALIFICATION',
  CAP_BEP = 'CAP_BEP',
  BAC = 'BAC',
  ABOVE_BAC = 'ABOVE_BAC',
}
registerEnumType(EducationLevel, { name: 'EducationLevel', description: 'Highest education level reached, as eligibility rules compare them: no qualification < CAP/BEP < Bac < above.', valuesConfig: { ABOVE_BAC: { description: 'Above the baccalauréat.' }, BAC: { description: 'The baccalauréat.' }, CAP_BEP: { description: 'A CAP or BEP vocational certificate.' }, NO_QUALIFICATION: { description: 'No qualification.' } } });

const EDUCATION_ORDER = Object.values(EducationLevel);

export enum BeneficiaryStatus {
  JOB_SEEKER = 'JOB_SEEKER',
  MINIMUM_BENEFITS = 'MINIMUM_BENEFITS',
  RETIREE = 'RETIREE',
  STUDENT = 'STUDENT',
  EMPLOYED = 'EMPLOYED',
  OTHER = 'OTHER',
}
registerEnumType(BeneficiaryStatus, {
  name: 'BeneficiaryStatus',
  description: 'Situations eligibility rules look at (job seeker, minimum benefits such as RSA, retiree…).',
  valuesConfig: { EMPLOYED: { description: 'In work.' }, JOB_SEEKER: { description: 'Registered as a job seeker.' }, MINIMUM_BENEFITS: { description: 'Receiving a minimum social benefit, such as the RSA.' }, OTHER: { description: 'Any other situation.' }, RETIREE: { description: 'Retired.' }, STUDENT: { description: 'In education or training.' } },
});

export enum IneligibilityReason {
  TOO_YOUNG = 'TOO_YOUNG',
  TOO_OLD = 'TOO_OLD',
  AGE_UNKNOWN = 'AGE_UNKNOWN',
  EDUCATION_TOO_HIGH = 'EDUCATION_TOO_HIGH',
  EDUCATION_UNKNOWN = 'EDUCATION_UNKNOWN',
  STATUS_NOT_ELIGIBLE = 'STATUS_NOT_ELIGIBLE',
  OUTSIDE_TERRITORY = 'OUTSIDE_TERRITORY',
  PROGRAMME_NOT_OPEN = 'PROGRAMME_NOT_OPEN',
}
registerEnumType(IneligibilityReason, { name: 'IneligibilityReason', description: 'An eligibility rule a person fails.', valuesConfig: { AGE_UNKNOWN: { description: 'The programme has an age rule and the person gave no birth year.' }, EDUCATION_TOO_HIGH: { description: "The person's education level is above the programme's highest." }, EDUCATION_UNKNOWN: { description: 'The programme has an education rule and the person gave no education level.' }, OUTSIDE_TERRITORY: { description: "The person's commune is outside the programme's territory." }, PROGRAMME_NOT_OPEN: { description: "Today is outside the programme's validity window." }, STATUS_NOT_ELIGIBLE: { description: 'The person is in none of the situations the programme requires.' }, TOO_OLD: { description: "The person is older than the programme's oldest age." }, TOO_YOUNG: { description: "The person is younger than the programme's youngest age." } } });


export interface PersonFacts {
  birthYear: number | null;
  educationLevel: EducationLevel | null;
  statuses: readonly BeneficiaryStatus[];
  inseeCode: string;
}

export interface ProgrammeRules {
  eligibility: EligibilityRulesFact;
  territory: readonly string[];
  validFrom: string;
  validUntil: string;
}

/**
 * Every rule the person fails (empty when eligible). Age is counted in whole years from the
 * birth year alone, because the birth date is more personal data than the programme needs.
 */
export function ineligibilityReasons(person: PersonFacts, programme: ProgrammeRules, today: Date): IneligibilityReason[] {
  const reasons: IneligibilityReason[] = [];
  // The UTC date is still the day before until 1 or 2 a.m. in Paris: windows and ages are counted
  // in French calendar days and years, as redemption counts them.
  const day = parisDayOf(today);
  if (day < programme.validFrom || day > programme.validUntil) reasons.push(IneligibilityReason.PROGRAMME_NOT_OPEN);
  const { minAge, maxAge, maxEducationLevel, statusesAnyOf } = programme.eligibility;
  if (minAge != null || maxAge != null) {
    if (person.birthYear == null) reasons.push(IneligibilityReason.AGE_UNKNOWN);
    else {
      const age = Number(day.slice(0, 4)) - person.birthYear;
      if (minAge != null && age < minAge) reasons.push(IneligibilityReason.TOO_YOUNG);
      if (maxAge != null && age > maxAge) reasons.push(IneligibilityReason.TOO_OLD);
    }
  }
  if (maxEducationLevel != null) {
    if (person.educationLevel == null) reasons.push(IneligibilityReason.EDUCATION_UNKNOWN);
    else if (EDUCATION_ORDER.indexOf(person.educationLevel) > EDUCATION_ORDER.indexOf(maxEducationLevel as EducationLevel)) {
      reasons.push(IneligibilityReason.EDUCATION_TOO_HIGH);
    }
  }
  if (statusesAnyOf.length > 0 && !person.statuses.some((s) => statusesAnyOf.includes(s))) {
    reasons.push(IneligibilityReason.STATUS_NOT_ELIGIBLE);
  }
  if (!isCommuneInTerritory(person.inseeCode, programme.territory.map(parseTerritoryEntry))) {
    reasons.push(IneligibilityReason.OUTSIDE_TERRITORY);
  }
  return reasons;
}
