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
export { HUB_PORTS, SUBGRAPH_NAMES, subgraphUrl, subgraphUrlVariable, type SubgraphName } from './ports';
