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
/** How the GraphQL schema describes EducationLevel (registered by each subgraph that exposes it). */
export const EDUCATION_LEVEL_ENUM = { name: 'EducationLevel', description: 'Highest education level reached, as eligibility rules compare them: no qualification < CAP/BEP < Bac < above.', valuesConfig: { ABOVE_BAC: { description: 'Above the baccalauréat.' }, BAC: { description: 'The baccalauréat.' }, CAP_BEP: { description: 'A CAP or BEP vocational certificate.' }, NO_QUALIFICATION: { description: 'No qualification.' } } } as const;

/** Least to most qualified, the order eligibility rules compare. */
export const EDUCATION_ORDER = Object.values(EducationLevel);

export enum BeneficiaryStatus {
  JOB_SEEKER = 'JOB_SEEKER',
  MINIMUM_BENEFITS = 'MINIMUM_BENEFITS',
  RETIREE = 'RETIREE',
  STUDENT = 'STUDENT',
  EMPLOYED = 'EMPLOYED',
  OTHER = 'OTHER',
}
/** How the GraphQL schema describes BeneficiaryStatus (registered by each subgraph that exposes it). */
export const BENEFICIARY_STATUS_ENUM = {
  name: 'BeneficiaryStatus',
  description: 'Situations eligibility rules look at (job seeker, minimum benefits such as RSA, retiree…).',
  valuesConfig: { EMPLOYED: { description: 'In work.' }, JOB_SEEKER: { description: 'Registered as a job seeker.' }, MINIMUM_BENEFITS: { description: 'Receiving a minimum social benefit, such as the RSA.' }, OTHER: { description: 'Any other situation.' }, RETIREE: { description: 'Retired.' }, STUDENT: { description: 'In education or training.' } },
} as const;

