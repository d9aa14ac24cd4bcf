// What runs the same in every process and in the browser: no dependencies, no Node APIs. The
// official territory data needs Node and is its own entry point, `@pass/contracts/territory`.
export {
  CODE_ALPHABET,
  CODE_LENGTH,
  CODE_PREFIXES,
  codeKind,
  formatCode,
  isValidCode,
  normaliseCode,
  symbolValue,
  weightedSymbol,
  type CodeKind,
} from './voucher-code-check';
export { parisDateParts, parisDayOf, parisMonthOf, parisYearOf, type ParisDate } from './paris-date';
export { Role, ROLES, isRole } from './roles';
export { HUB_PORTS, SUBGRAPH_NAMES, subgraphSocketVariable, subgraphUrl, subgraphUrlVariable, type SubgraphName } from './ports';
export * from './topics';
export { assertCents, assertShares, splitByShares, formatEuros, BASIS_POINTS_TOTAL, VOUCHER_FACE_VALUE_CENTS, type Cents } from './money/money';
export { BYTE_ORDER_MARK, VENUE_STANDARD_CSV, SPREADSHEET_CSV, csvCell, csvLine, csvDocument, euros, type CsvDialect, type CsvCell } from './csv/csv';
export { anonymisationDueOn, isAnonymisationDue, firstEndDateStillRetained, RETENTION_MONTHS_AFTER_PROGRAMME_END } from './retention/retention';
export { EducationLevel, BeneficiaryStatus, EDUCATION_ORDER, EDUCATION_LEVEL_ENUM, BENEFICIARY_STATUS_ENUM } from './eligibility';
