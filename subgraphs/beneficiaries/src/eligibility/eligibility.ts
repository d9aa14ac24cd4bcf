import { registerEnumType } from 'type-graphql';
import { BENEFICIARY_STATUS_ENUM, BeneficiaryStatus, EDUCATION_LEVEL_ENUM, EDUCATION_ORDER, EducationLevel, parisDayOf, type EligibilityRulesFact } from '@pass/contracts';
import { isCommuneInTerritory, parseTerritoryEntry } from '@pass/contracts/territory';
import { registerEnumOnce } from '@pass/kit';

registerEnumOnce(EducationLevel, EDUCATION_LEVEL_ENUM);
registerEnumOnce(BeneficiaryStatus, BENEFICIARY_STATUS_ENUM);

/**
 * Who may join a programme: the rules the programmes subgraph states, checked here against a
 * person. The vocabulary (education levels, situations) is shared in @pass/contracts.
 */
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
